package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.nlu.TimeQuery;
import java.time.Duration;
import java.util.Optional;

/** Where in a request to move an appointment its times are: the last one said, two said one after the other. */
final class MoveTimes {

    private MoveTimes() {}

    /**
     * The longest end of the words that is all one time ("the day after tomorrow" in "... today at two, could
     * you do the day after tomorrow"): the parser reads exactly those words as the time.
     */
    static Optional<String> lastTime(String text, java.util.function.Function<String, Optional<TimeQuery>> times) {
        String trimmed = text.replaceAll("[\\s,.;:!?]+$", "");
        String[] words = trimmed.split("\\s+");
        String best = null;
        // a time is said in a few words: longer stretches are two times the parser joined ("at one today but
        // something came up at work can we do tomorrow")
        for (int i = words.length - 1; i >= Math.max(0, words.length - 8); i--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            Optional<TimeQuery> said = times.apply(tail);
            boolean oneTime = said.isPresent()
                    && !said.get().matched().matches(".*[,;.!?].*") // a time does not run across a comma
                    && LanguageData.fold(tail)
                            .equals(LanguageData.fold(said.get().matched()));
            if (oneTime && twoDays(words, i, said.get(), times)) {
                break; // "the heater one wednesday can we do friday": from here on the words join two days
            }
            if (oneTime) {
                best = tail;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int at = text.lastIndexOf(best);
        return at < 0 ? Optional.empty() : Optional.of(text.substring(at));
    }

    /**
     * Whether the words from {@code from} on name two different days the parser read as one: the first words
     * alone name the day it took, and the words after them another ("wednesday can we do friday"), unlike "the
     * day after tomorrow" or "monday the 30th".
     */
    private static boolean twoDays(
            String[] words,
            int from,
            TimeQuery joined,
            java.util.function.Function<String, Optional<TimeQuery>> times) {
        if (joined.date() == null) {
            return false;
        }
        for (int k = from + 1; k < words.length; k++) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, from, k));
            String rest = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
            Optional<java.time.LocalDate> first = times.apply(head).map(TimeQuery::date);
            Optional<java.time.LocalDate> second = times.apply(rest).map(TimeQuery::date);
            if (first.filter(joined.date()::equals).isPresent()
                    && second.filter(d -> !d.equals(joined.date())).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The water heater thing today at two ... could you do the day after tomorrow instead": two times and
     * no word saying which is which; the first names the appointment, the later one where it goes.
     */
    static Optional<Moves.Move> twoTimes(
            String text, java.util.function.Function<String, Optional<String>> timeWords, Duration shift) {
        Optional<String> first = timeWords.apply(text);
        int at = first.map(text::indexOf).orElse(-1);
        if (at < 0) {
            return Optional.empty();
        }
        int end = at + first.get().length();
        String rest = text.substring(end);
        if (timeWords.apply(rest).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Moves.Move(text.substring(0, end), rest.strip(), shift));
    }

    /**
     * "My drain cleaning on Friday afternoon... could you come earlier that day? Ten would be perfect.": after
     * a word for earlier or later, a sentence that begins with an hour says where it goes (on the same day).
     */
    static Optional<Moves.Move> hourSentence(
            String text, java.util.function.Function<String, Optional<TimeQuery>> times) {
        java.util.regex.Matcher end = Moves.SENTENCE_END.matcher(text);
        while (end.find()) {
            String before = text.substring(0, end.end());
            String sentence = text.substring(end.end()).split("[.?!]", 2)[0].strip();
            boolean direction = Moves.pattern("earlier").matcher(before).find()
                    || Moves.pattern("later").matcher(before).find();
            if (!direction || sentence.isEmpty()) {
                continue;
            }
            for (String at : Moves.words("at")) {
                String said = at.strip() + " " + sentence;
                boolean hourFirst = times.apply(said)
                        .filter(q -> q.time() != null && q.date() == null)
                        .filter(q -> LanguageData.fold(q.matched()).startsWith(LanguageData.fold(at.strip())))
                        .isPresent();
                if (hourFirst) {
                    return Optional.of(new Moves.Move(before.strip(), said, null));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The last stretch of words that holds a time: in "push it back, eleven" the eleven, read as "at
     * eleven" when a bare number is all there is.
     */
    static Optional<String> timed(String text, java.util.function.Predicate<String> hasTime) {
        String[] words = text.replaceAll("[,.;:!?]", " ").trim().split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            if (hasTime.test(tail)) {
                return Optional.of(tail);
            }
        }
        String last = words.length == 0 ? "" : words[words.length - 1];
        for (String at : Moves.words("at")) {
            String candidate = at.strip() + " " + last;
            if (!last.isBlank() && hasTime.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
