package dev.frontdesk.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What simulated callers say, generated from a seed: one conversation per call, built from the business's
 * services and knowledge plus days, times, names, numbers, fillers, silence and now and then an emergency,
 * so that no two calls say the same thing and no cache keyed on an utterance can flatter the figures. The
 * same seed and conversation number always give the same conversation.
 */
final class Utterances {

    /** One thing said: {@code text} null is silence; {@code confidence} as Twilio's speech recognition reports. */
    record Said(String text, double confidence) {}

    private static final List<String> FILLERS =
            List.of("", "", "", "um ", "uh ", "yeah ", "so ", "hi ", "hello, ", "okay so ", "hi there, ", "right, ");
    private static final List<String> WANTS = List.of(
            "I need ",
            "I'd like ",
            "can I book ",
            "I want to book ",
            "could somebody come for ",
            "I was hoping to get ",
            "do you have time for ");
    private static final List<String> DAYS = List.of(
            "today",
            "tomorrow",
            "on monday",
            "tuesday",
            "next wednesday",
            "thursday",
            "this friday",
            "saturday morning",
            "the day after tomorrow",
            "next week",
            "on the 14th",
            "on the 3rd of next month");
    private static final List<String> TIMES = List.of(
            "at 9",
            "at 10am",
            "around eleven",
            "at half past two",
            "at 3 pm",
            "in the afternoon",
            "in the morning",
            "first thing",
            "at 4:30",
            "anytime after lunch",
            "at noon",
            "late afternoon");
    private static final List<String> FIRST =
            List.of("Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kate", "Luis");
    private static final List<String> LAST = List.of(
            "Smith", "Garcia", "Nguyen", "Okafor", "Kowalski", "Martin", "Rossi", "Haddad", "Brown", "Silva", "Lee");
    private static final List<String> YES =
            List.of("yes", "yes please", "yeah that's fine", "sounds good", "perfect", "correct", "sure, book it");
    private static final List<String> CLOSINGS =
            List.of("no that's all, thanks", "that's it, bye", "thank you, goodbye", "nothing else", "okay thanks bye");
    private static final List<String> OTHER = List.of(
            "what time do you open",
            "are you open on saturday",
            "how much does it cost",
            "can I leave a message for the owner",
            "can I talk to a real person",
            "what's my next appointment",
            "I need to cancel my appointment",
            "can we move it to another day");
    private static final List<String> SPANISH = List.of(
            "hola, necesito una cita para mañana a las diez",
            "quiero reservar para el jueves por la tarde",
            "¿a qué hora abren el sábado?");

    private final long seed;

    Utterances(long seed) {
        this.seed = seed;
    }

    /** Conversation number {@code n}: {@code turns} things said, in order. */
    List<Said> conversation(Trade trade, long n, int turns) {
        var random = new Random(seed * 1_000_003L + n);
        var lines = new ArrayList<String>();
        int kind = random.nextInt(100);
        if (kind < 3) {
            lines.add(filler(random) + pick(random, trade.emergencies()) + ", please send someone now");
            lines.add(pick(random, trade.emergencies()) + " " + address(random));
            lines.add(name(random));
        } else if (kind < 8) {
            lines.addAll(spanish(random));
        } else if (kind < 28) {
            lines.add(filler(random)
                    + pick(random, pick(random, trade.knowledge()).asked()));
            lines.add(pick(random, pick(random, trade.knowledge()).asked()));
            lines.add(booking(random, trade));
            lines.add(when(random));
        } else if (kind < 40) {
            lines.add(filler(random) + pick(random, trade.problems()) + ", can someone come " + pick(random, DAYS));
            lines.add(pick(random, TIMES));
            lines.add(name(random));
        } else if (kind < 50) {
            lines.add(filler(random) + pick(random, OTHER));
            lines.add(pick(random, OTHER));
            lines.add(name(random) + ", my number is " + spokenNumber(random));
        } else {
            lines.add(booking(random, trade) + (random.nextBoolean() ? " " + when(random) : ""));
            lines.add(when(random));
            lines.add(name(random));
            lines.add(pick(random, YES));
        }
        while (lines.size() < turns) {
            lines.add(random.nextInt(3) == 0 ? pick(random, CLOSINGS) : pick(random, YES));
        }
        var said = new ArrayList<Said>();
        for (int i = 0; i < turns; i++) {
            if (random.nextInt(100) < 7) {
                said.add(new Said(null, 0)); // silence
            } else {
                double confidence =
                        random.nextInt(100) < 5 ? 0.2 + random.nextDouble() * 0.2 : 0.6 + random.nextDouble() * 0.39;
                said.add(new Said(lines.get(i), Math.round(confidence * 1000) / 1000.0));
            }
        }
        return said;
    }

    private static String booking(Random random, Trade trade) {
        return filler(random)
                + pick(random, WANTS)
                + pick(random, pick(random, trade.services()).spoken());
    }

    private static String when(Random random) {
        return pick(random, DAYS) + " " + pick(random, TIMES);
    }

    private static String name(Random random) {
        String name = pick(random, FIRST) + " " + pick(random, LAST);
        return switch (random.nextInt(3)) {
            case 0 -> "my name is " + name;
            case 1 -> "it's " + name;
            default -> name;
        };
    }

    private static String address(Random random) {
        return "at " + (1 + random.nextInt(400)) + " " + pick(random, LAST) + " street";
    }

    private static String spokenNumber(Random random) {
        return "312 " + (200 + random.nextInt(800)) + " " + String.format("%04d", random.nextInt(10_000));
    }

    private static List<String> spanish(Random random) {
        var lines = new ArrayList<String>();
        lines.add(pick(random, SPANISH));
        lines.add(pick(random, SPANISH) + " " + (1 + random.nextInt(12)));
        lines.add("me llamo " + pick(random, FIRST) + " " + pick(random, LAST));
        lines.add(random.nextBoolean() ? "sí, perfecto" : "¿cuánto cuesta?");
        return lines;
    }

    private static String filler(Random random) {
        return pick(random, FILLERS);
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
