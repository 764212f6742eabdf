package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.nlu.TimeQuery;
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

    /** Whether the words say "instead" ("plutôt jeudi", "Friday instead"), which may move with no move word. */
    static boolean saysInstead(String text) {
        return PATTERNS.get("insteadBefore").matcher(text).find()
                || PATTERNS.get("insteadAfter").matcher(text).find();
    }

    /**
     * Splits the request. {@code hasTime} tells whether some words hold a day or a time (the caller's
     * time parser), so that "to" in "I want to move it" is not taken for "to Friday".
     */
    static Move read(String text, java.util.function.Function<String, Optional<TimeQuery>> times) {
        java.util.function.Function<String, Optional<String>> timeWords = matched(times);
        java.util.function.Predicate<String> hasTime =
                words -> timeWords.apply(words).isPresent();
        Optional<Duration> shift = shift(text);
        Matcher instead = PATTERNS.get("instead").matcher(text);
        if (instead.find()) {
            // "me mettre samedi matin à neuf heures au lieu de vendredi": all the words of the new time
            Optional<String> before = MoveTimes.lastTime(text.substring(0, instead.start()), times)
                    .map(String::strip)
                    .or(() -> MoveTimes.timed(text.substring(0, instead.start()), hasTime));
            Optional<String> after = MoveTimes.timed(text.substring(instead.end()), hasTime);
            if (before.isPresent() && after.isPresent()) {
                return new Move(after.get(), before.get(), shift.orElse(null));
            }
        }
        Optional<Move> saidInstead = insteadBefore(text, times, shift.orElse(null));
        if (saidInstead.isPresent()) {
            return saidInstead.get();
        }
        Matcher insteadAfter = PATTERNS.get("insteadAfter").matcher(text);
        if (insteadAfter.find()) {
            // "could we do Friday instead, sometime in the morning": the time just before it is where
            String before = text.substring(0, insteadAfter.start());
            String same = "";
            Matcher sameTime = Cues.pattern("sameTime").matcher(before.stripTrailing());
            String trimmed = before.stripTrailing();
            while (sameTime.find()) {
                if (sameTime.end() == trimmed.length()) {
                    // "can we do tomorrow same time instead": the day before "same time" is where
                    same = " " + sameTime.group();
                    before = trimmed.substring(0, sameTime.start());
                }
            }
            // "au mercredi deux décembre à dix heures euh non pardon à onze heures plutôt": the time before the
            // first correction, and the correction with it
            Matcher correction = Cues.pattern("correction").matcher(before);
            String head =
                    correction.find() && correction.start() > 0 ? before.substring(0, correction.start()) : before;
            Optional<String> where = MoveTimes.lastTime(head, times);
            if (where.isPresent()) {
                int at = head.length() - where.get().length();
                String source = before.substring(0, at);
                String target = before.substring(at).strip() + same + " " + text.substring(insteadAfter.end());
                if (hasTime.test(source)) {
                    return new Move(source, target.strip(), shift.orElse(null));
                }
            }
        }
        // "I need to move my appointment on Tuesday the 1st to Wednesday": the first "to" that a time follows
        // at once ("to move my appointment on Tuesday" is not one: a verb comes first)
        Matcher target = PATTERNS.get("target").matcher(text);
        // "tengo una cita el lunes a las nueve, ¿verdad? ¿La podemos hacer más tarde?": in a sentence before the one
        // that asks for the move, "a las" is the appointment's time, not where it goes (within that sentence the
        // verb may come last: "meinen Termin von morgen auf Freitag verschieben")
        Matcher moveWord = Cues.pattern("move").matcher(text);
        int from = 0;
        int verbAt = -1; // where the word that asks for the move begins
        if (moveWord.find()) {
            Matcher stop = SENTENCE_END.matcher(text.substring(0, moveWord.start()));
            while (stop.find()) {
                from = stop.end();
            }
            verbAt = moveWord.start(); // "le passer au vendredi": the word may hold the "to"
        }
        Move split = verbAt < 0 ? null : targetFrom(text, verbAt, timeWords, shift.orElse(null));
        if (shift.isPresent() && verbAt >= 0) {
            // "tengo la cita mañana a las diez, ¿me la podrían pasar un par de horitas más tarde?": with a shift,
            // a time before the word that asks for the move is the appointment's
            from = text.length();
        }
        // "mon rdv du mer. 25 nov à 14h, possible de le passer au ven. 27 à 15h": a "to" after the word that
        // asks for the move says where; one before it belongs to the appointment, unless none follows
        while (split == null && target.find()) {
            if (target.start() < from) {
                continue;
            }
            String rest = text.substring(target.end());
            if (startsWithTime(rest, timeWords)) {
                split = new Move(
                        text.substring(0, target.start()),
                        splitTarget(text, target, rest, timeWords),
                        shift.orElse(null));
            }
        }
        if (split != null) {
            return split;
        }
        Optional<Move> twoTimes = MoveTimes.twoTimes(text, timeWords, shift.orElse(null));
        if (twoTimes.isPresent()) {
            return twoTimes.get();
        }
        Optional<Move> afterVerb = afterMoveWord(text, timeWords, shift.orElse(null));
        if (afterVerb.isPresent()) {
            return afterVerb.get();
        }
        Matcher make = PATTERNS.get("makeIt").matcher(text);
        if (make.find() && make.start() > 0) {
            // "the 2pm one tmrw, can we make it 3": the appointment before it, the hour after it
            String rest =
                    text.substring(make.end()).replaceAll("[\\s,.;:!?]+$", "").strip();
            Optional<String> hour = atHour(rest, timeWords).or(() -> timeWords.apply(rest));
            if (hour.isPresent() && hasTime.test(text.substring(0, make.start()))) {
                // "mets-moi ça le premier décembre, non le deux, à la même heure": all that follows is the target
                return new Move(text.substring(0, make.start()), rest, shift.orElse(null));
            }
        }
        if (shift.isPresent()) {
            Matcher week = PATTERNS.get("sameTimeNextWeek").matcher(text);
            if (week.find() && !text.substring(0, week.start()).isBlank()) {
                // "la cita del sábado me la puede pasar a la misma hora la semana que viene": the appointment is
                // what comes before
                return new Move(text.substring(0, week.start()), null, shift.get());
            }
            return new Move(text, null, shift.get());
        }
        return MoveTimes.hourSentence(text, times).orElse(new Move(text, text, null));
    }

    /** The first "to" at or after {@code from} that a time follows at once, as a split of the request. */
    private static Move targetFrom(
            String text, int from, java.util.function.Function<String, Optional<String>> timeWords, Duration shift) {
        Matcher target = PATTERNS.get("target").matcher(text);
        while (target.find(from)) {
            from = target.end();
            String rest = text.substring(target.end());
            if (startsWithTime(rest, timeWords)) {
                return new Move(text.substring(0, target.start()), splitTarget(text, target, rest, timeWords), shift);
            }
        }
        return null;
    }

    /**
     * "mon rdv fuite de mercredi, plutôt jeudi 3 déc à 14h": a time said at once after the word is where; the
     * last such word wins, and a time just before it is where ("mercredi, non attends... mardi plutôt, à 15h").
     */
    private static Optional<Move> insteadBefore(
            String text, java.util.function.Function<String, Optional<TimeQuery>> times, Duration shift) {
        java.util.function.Function<String, Optional<String>> timeWords = matched(times);
        Matcher matcher = PATTERNS.get("insteadBefore").matcher(text);
        List<int[]> words = new java.util.ArrayList<>();
        while (matcher.find()) {
            words.add(new int[] {matcher.start(), matcher.end()});
        }
        for (int i = words.size() - 1; i >= 0; i--) {
            int start = words.get(i)[0];
            String before = text.substring(0, start);
            String rest = text.substring(words.get(i)[1]).replaceFirst("^[\\s,.;:!?]+", "");
            // (a time that ends the sentence before, "de mercredi. Plutôt lundi", is the appointment's)
            boolean sameSentence = !before.stripTrailing().matches("(?s).*[.!?…]$");
            // (a word that ends the request, "à dix heures euh non pardon à onze heures plutôt", is left to the
            // correction it closes)
            boolean more = rest.matches("(?s).*[\\p{L}\\p{N}].*");
            Optional<String> just =
                    start == 0 || !sameSentence || !more ? Optional.empty() : MoveTimes.lastTime(before, times);
            if (just.isPresent()) {
                int at = before.stripTrailing().length() - just.get().length();
                if (at > 0) {
                    return Optional.of(new Move(before.substring(0, at), just.get() + " " + rest.strip(), shift));
                }
            }
            if (start > 0 && startsWithTime(rest, timeWords)) {
                return Optional.of(new Move(before, rest.strip(), shift));
            }
        }
        return Optional.empty();
    }

    /** "al 4 a las 9:30": when the "to" word belongs to the date, it stays with it. */
    private static String splitTarget(
            String text, Matcher target, String rest, java.util.function.Function<String, Optional<String>> timeWords) {
        String withWord = text.substring(target.start());
        boolean belongs = timeWords
                .apply(withWord)
                .filter(m -> LanguageData.fold(withWord)
                        .startsWith(LanguageData.fold(m).stripTrailing()))
                .isPresent();
        return (belongs ? withWord : rest).strip();
    }

    /**
     * "Mi cita de mañana, ¿me la puede mover? Lo que tenga el miércoles en la mañana": the appointment is
     * named in the sentence of the word that asks for the move, the new time in the sentences after it.
     */
    private static Optional<Move> afterMoveWord(
            String text, java.util.function.Function<String, Optional<String>> timeWords, Duration shift) {
        Matcher move = Cues.pattern("move").matcher(text);
        if (!move.find()) {
            return Optional.empty();
        }
        String rest = text.substring(move.end());
        Matcher stop = SENTENCE_END.matcher(rest);
        if (!stop.find()) {
            return Optional.empty();
        }
        // the appointment may also be named after the word, in the same sentence ("je voudrais décaler mon
        // rendez-vous de mardi matin. Vendredi, ce serait possible ?")
        String source = text.substring(0, move.start()) + " " + rest.substring(0, stop.start());
        if (timeWords.apply(source).isEmpty()) {
            return Optional.empty();
        }
        String next = rest.substring(stop.end());
        return timeWords.apply(next).map(said -> new Move(source.strip(), next.strip(), shift));
    }

    static final Pattern SENTENCE_END = Pattern.compile("[.?!]\\s+");

    /** The words the time reader understood, for the steps that only need where a time is. */
    private static java.util.function.Function<String, Optional<String>> matched(
            java.util.function.Function<String, Optional<TimeQuery>> times) {
        return words -> times.apply(words).map(TimeQuery::matched);
    }

    /** A bare number read as an hour with the word for "at" before it ("3" is "at 3", "a las 3", "à 3"). */
    private static Optional<String> atHour(
            String words, java.util.function.Function<String, Optional<String>> timeWords) {
        if (!words.matches("\\d{1,2}([:h.]\\d{2})?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?")) {
            return Optional.empty();
        }
        for (String at : WORDS.getOrDefault("at", List.of())) {
            Optional<String> said = timeWords.apply(at.strip() + " " + words);
            if (said.isPresent()) {
                return Optional.of(at.strip() + " " + words);
            }
        }
        return Optional.empty();
    }

    /** Whether the words begin with a time, perhaps after one short word ("el viernes", "on wednesday at two"). */
    private static boolean startsWithTime(
            String text, java.util.function.Function<String, Optional<String>> timeWords) {
        if (saidFirst(text, timeWords)) {
            return true;
        }
        // "al sábado a las dos? No, perdona, el sábado a las once": the time read is the corrected one, further on
        Matcher correction = Cues.pattern("correction").matcher(text);
        return correction.find()
                && correction.start() > 0
                && saidFirst(text.substring(0, correction.start()), timeWords);
    }

    private static boolean saidFirst(String text, java.util.function.Function<String, Optional<String>> timeWords) {
        Optional<String> said = timeWords.apply(text);
        if (said.isEmpty()) {
            return false;
        }
        String words = LanguageData.fold(text).strip();
        int at = words.indexOf(LanguageData.fold(said.get()).strip());
        int secondWord = words.indexOf(' ') + 1;
        // the one word before may be a short article or preposition ("el", "on"), not a verb ("move tomorrow's")
        return at == 0 || (at > 0 && at <= secondWord && secondWord <= 4);
    }

    /** Whether a word is the number one that also serves as an article ("a", "one", "un", "una"). */
    static boolean isArticleOne(String word) {
        String folded = LanguageData.fold(word).strip();
        return WORDS.getOrDefault("1", List.of()).stream()
                .anyMatch(one -> one.strip().equals(folded));
    }

    /** The words that make a bare number a time of day in a language ("at", "a las", "à"). */
    static List<String> clockWords(String language) {
        return CLOCK_WORDS.computeIfAbsent(
                language,
                l -> LanguageData.read(l, "moves").getOrDefault("at", List.of()).stream()
                        .map(String::strip)
                        .toList());
    }

    private static final Map<String, List<String>> CLOCK_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** "Two hours later", "push it back an hour", "a day earlier", "same time next week". */
    static Optional<Duration> shift(String text) {
        return MoveShifts.read(text);
    }

    /** The pattern of the phrases under a key of moves.properties, in every language. */
    static Pattern pattern(String key) {
        return PATTERNS.get(key);
    }

    /** The phrases under a key of moves.properties, in every language. */
    static List<String> words(String key) {
        return WORDS.getOrDefault(key, List.of());
    }
}
