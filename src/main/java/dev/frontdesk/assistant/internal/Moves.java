package dev.frontdesk.assistant.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a caller wants an appointment moved, kept apart from which appointment they mean: in "move
 * tomorrow's appointment to Friday at 2pm" tomorrow says which and Friday says where; in "eleven instead
 * of nine" eleven is where; "a couple of hours later" and "same time next week" move it by an amount.
 * The words of every language are in {@code assistant/lang/<language>/moves.properties}.
 */
final class Moves {

    /** What the request says: the words that pick the appointment, the words of the new time, a shift. */
    record Move(String source, String target, Duration shift) {}

    private static final Map<String, List<String>> WORDS = LanguageData.load("moves");
    private static final Map<String, Pattern> PATTERNS = new HashMap<>();

    static {
        WORDS.forEach((key, phrases) -> PATTERNS.put(key, LanguageData.pattern(phrases)));
    }

    private Moves() {}

    /**
     * Splits the request. {@code hasTime} tells whether some words hold a day or a time (the caller's
     * time parser), so that "to" in "I want to move it" is not taken for "to Friday".
     */
    static Move read(String text, java.util.function.Predicate<String> hasTime) {
        Optional<Duration> shift = shift(text);
        Matcher instead = PATTERNS.get("instead").matcher(text);
        if (instead.find()) {
            Optional<String> before = timed(text.substring(0, instead.start()), hasTime);
            Optional<String> after = timed(text.substring(instead.end()), hasTime);
            if (before.isPresent() && after.isPresent()) {
                return new Move(after.get(), before.get(), shift.orElse(null));
            }
        }
        Matcher target = PATTERNS.get("target").matcher(text);
        while (target.find()) {
            String rest = text.substring(target.end());
            if (hasTime.test(rest)) {
                return new Move(text.substring(0, target.start()), rest.strip(), shift.orElse(null));
            }
        }
        if (shift.isPresent()) {
            return new Move(text, null, shift.get());
        }
        return new Move(text, text, null);
    }

    /**
     * The last stretch of words that holds a time: in "push it back, eleven" the eleven, read as "at
     * eleven" when a bare number is all there is.
     */
    private static Optional<String> timed(String text, java.util.function.Predicate<String> hasTime) {
        String[] words = text.replaceAll("[,.;:!?]", " ").trim().split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            if (hasTime.test(tail)) {
                return Optional.of(tail);
            }
        }
        String last = words.length == 0 ? "" : words[words.length - 1];
        for (String at : WORDS.getOrDefault("at", List.of())) {
            String candidate = at.strip() + " " + last;
            if (!last.isBlank() && hasTime.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** "Two hours later", "push it back an hour", "a day earlier", "same time next week". */
    static Optional<Duration> shift(String text) {
        if (PATTERNS.get("sameTimeNextWeek").matcher(text).find()) {
            return Optional.of(Duration.ofDays(7));
        }
        boolean later = PATTERNS.get("later").matcher(text).find();
        boolean earlier = PATTERNS.get("earlier").matcher(text).find();
        if (later == earlier) {
            return Optional.empty();
        }
        for (String unit : List.of("hour", "day", "week")) {
            Matcher u = PATTERNS.get(unit).matcher(text);
            if (!u.find()) {
                continue;
            }
            int amount = amountBefore(text.substring(0, u.start()));
            Duration one = switch (unit) {
                case "hour" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            Duration by = one.multipliedBy(amount);
            return Optional.of(later ? by : by.negated());
        }
        return Optional.empty();
    }

    /** The amount said just before a unit: a digit or a word from the data ("a couple of" is 2). */
    private static int amountBefore(String text) {
        String[] words = text.trim().split("\\s+");
        String last = words.length == 0 ? "" : words[words.length - 1];
        if (last.matches("\\d{1,2}")) {
            return Integer.parseInt(last);
        }
        String tail =
                String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 3), words.length));
        for (int n = 4; n >= 1; n--) {
            Matcher m = PATTERNS.get(Integer.toString(n)).matcher(tail);
            while (m.find()) {
                if (m.end() == tail.length() || tail.substring(m.end()).isBlank()) {
                    return n;
                }
            }
        }
        return 1;
    }
}
