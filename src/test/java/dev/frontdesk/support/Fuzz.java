package dev.frontdesk.support;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded random input for parsers, within a time budget so it fits in {@code ./mvnw verify}: the same
 * seed replays the same inputs, and a failure names the seed, the round and the input.
 */
public final class Fuzz {

    private static final String ODD =
            "\u0000\u0007\t\r\n\u00a0\u200b\u202e\ufeff\uffff\ud83d\ude00\u00e9e\u0301<>&\"'\\/%{}[]";

    private Fuzz() {}

    /** Runs {@code check} on up to {@code rounds} inputs made by {@code input}, for at most {@code budget}. */
    public static int run(
            long seed,
            int rounds,
            Duration budget,
            java.util.function.Function<Random, String> input,
            Consumer<String> check) {
        Random random = new Random(seed);
        long deadline = System.nanoTime() + budget.toNanos();
        int round = 0;
        for (; round < rounds && System.nanoTime() < deadline; round++) {
            String text = input.apply(random);
            try {
                check.accept(text);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", round " + round + ", input " + quote(text), e);
            }
        }
        return round;
    }

    /** Words from {@code vocabulary} mixed with numbers, punctuation and odd characters. */
    public static String words(Random random, List<String> vocabulary, int maxWords) {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(maxWords + 1);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(random.nextInt(8) == 0 ? "" : " ");
            }
            switch (random.nextInt(10)) {
                case 0 -> text.append(random.nextInt(10_000) - 100);
                case 1 -> text.append(ODD.charAt(random.nextInt(ODD.length())));
                case 2 -> text.append(random.nextInt(24)).append(':').append(random.nextInt(100));
                default -> text.append(vocabulary.get(random.nextInt(vocabulary.size())));
            }
        }
        return text.toString();
    }

    /** Any characters at all, surrogates and controls included. */
    public static String chars(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(
                    random.nextInt(4) == 0
                            ? ODD.charAt(random.nextInt(ODD.length()))
                            : (char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            quoted.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return quoted.append('"').toString();
    }
}
