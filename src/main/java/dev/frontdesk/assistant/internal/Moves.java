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

    /** "1h30", "1 h 30", "1:30" said next to "later" or "earlier": hours and minutes. */
    private static final Pattern HOURS_MINUTES = Pattern.compile("(?<![\\d:])(\\d{1,2})\\s*h\\s*([0-5]\\d)(?!\\d)");

    /** Whether "later" or "earlier" comes right after ("1h30 plus tard"). */
    private static boolean saysDirectionNext(String rest) {
        String next = rest.stripLeading();
        return PATTERNS.get("later").matcher(next).lookingAt()
                || PATTERNS.get("earlier").matcher(next).lookingAt();
    }

    private static final Map<String, Pattern> PATTERNS = new HashMap<>();

    static {
        WORDS.forEach((key, phrases) -> PATTERNS.put(key, LanguageData.pattern(phrases)));
    }

    private Moves() {}

    /**
     * Splits the request. {@code hasTime} tells whether some words hold a day or a time (the caller's
     * time parser), so that "to" in "I want to move it" is not taken for "to Friday".
     */
    static Move read(String text, java.util.function.Function<String, Optional<String>> timeWords) {
        java.util.function.Predicate<String> hasTime =
                words -> timeWords.apply(words).isPresent();
        Optional<Duration> shift = shift(text);
        Matcher instead = PATTERNS.get("instead").matcher(text);
        if (instead.find()) {
            // "me mettre samedi matin à neuf heures au lieu de vendredi": all the words of the new time
            Optional<String> before = lastTime(text.substring(0, instead.start()), timeWords)
                    .map(String::strip)
                    .or(() -> timed(text.substring(0, instead.start()), hasTime));
            Optional<String> after = timed(text.substring(instead.end()), hasTime);
            if (before.isPresent() && after.isPresent()) {
                return new Move(after.get(), before.get(), shift.orElse(null));
            }
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
            Optional<String> where = lastTime(head, timeWords);
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
        if (moveWord.find()) {
            Matcher stop = SENTENCE_END.matcher(text.substring(0, moveWord.start()));
            while (stop.find()) {
                from = stop.end();
            }
        }
        Move split = null;
        while (split == null && target.find()) {
            if (target.start() < from) {
                continue;
            }
            String rest = text.substring(target.end());
            if (startsWithTime(rest, timeWords)) {
                // "al 4 a las 9:30": when the "to" word belongs to the date, it stays with it
                String withWord = text.substring(target.start());
                boolean belongs = timeWords
                        .apply(withWord)
                        .filter(m -> LanguageData.fold(withWord)
                                .startsWith(LanguageData.fold(m).stripTrailing()))
                        .isPresent();
                split = new Move(
                        text.substring(0, target.start()), (belongs ? withWord : rest).strip(), shift.orElse(null));
            }
        }
        if (split != null) {
            return split;
        }
        Optional<Move> twoTimes = twoTimes(text, timeWords, shift.orElse(null));
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
                return new Move(text.substring(0, make.start()), hour.get(), shift.orElse(null));
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
        return new Move(text, text, null);
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

    private static final Pattern SENTENCE_END = Pattern.compile("[.?!]\\s+");

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

    /**
     * The longest end of the words that is all one time ("the day after tomorrow" in "... today at two, could
     * you do the day after tomorrow"): the parser reads exactly those words as the time.
     */
    private static Optional<String> lastTime(
            String text, java.util.function.Function<String, Optional<String>> timeWords) {
        String trimmed = text.replaceAll("[\\s,.;:!?]+$", "");
        String[] words = trimmed.split("\\s+");
        String best = null;
        // a time is said in a few words: longer stretches are two times the parser joined ("at one today but
        // something came up at work can we do tomorrow")
        for (int i = words.length - 1; i >= Math.max(0, words.length - 8); i--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            Optional<String> said = timeWords.apply(tail);
            boolean oneTime = said.isPresent()
                    && !said.get().matches(".*[,;.!?].*") // a time does not run across a comma
                    && LanguageData.fold(tail).equals(LanguageData.fold(said.get()));
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
     * "The water heater thing today at two ... could you do the day after tomorrow instead": two times and
     * no word saying which is which; the first names the appointment, the later one where it goes.
     */
    private static Optional<Move> twoTimes(
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
        return Optional.of(new Move(text.substring(0, end), rest.strip(), shift));
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
        if (PATTERNS.get("sameTimeNextWeek").matcher(text).find()) {
            return Optional.of(Duration.ofDays(7));
        }
        if (PATTERNS.get("nextDay").matcher(text).find()) {
            return Optional.of(Duration.ofDays(1)); // "al día siguiente a la misma hora"
        }
        if (PATTERNS.get("prevDay").matcher(text).find()) {
            return Optional.of(Duration.ofDays(-1)); // "de samedi à la veille, même heure"
        }
        // "une heure de l'après-midi": a part of the day holding a direction word is no direction
        String directions = PATTERNS.containsKey("notDirection")
                ? PATTERNS.get("notDirection").matcher(text).replaceAll(" ")
                : text;
        boolean later = PATTERNS.get("later").matcher(directions).find();
        boolean earlier = PATTERNS.get("earlier").matcher(directions).find();
        if (later == earlier) {
            if (later || !PATTERNS.get("neutral").matcher(text).find()) {
                return Optional.empty();
            }
            later = true; // "décaler d'une heure", "correr una hora": later unless said otherwise
        }
        Matcher hoursMinutes = HOURS_MINUTES.matcher(text);
        if (hoursMinutes.find() && saysDirectionNext(text.substring(hoursMinutes.end()))) {
            // "1h30 plus tard", "1:30 later": an hour and a half, not half past one
            Duration by = Duration.ofHours(Integer.parseInt(hoursMinutes.group(1)))
                    .plusMinutes(Integer.parseInt(hoursMinutes.group(2)));
            return Optional.of(later ? by : by.negated());
        }
        for (String unit : List.of("hour", "day", "week")) {
            Matcher u = PATTERNS.get(unit).matcher(text);
            if (!u.find()) {
                continue;
            }
            int amount = amountBefore(text.substring(0, u.start()));
            if (amount > 0 && unit.equals("hour") && saysAtBefore(text.substring(0, u.start()))) {
                continue; // "mercredi à 16 heures": a time of day, not sixteen hours
            }
            if (amount == 0) {
                continue; // "après-demain à la même heure": an hour word without an amount is no shift
            }
            Duration one = switch (unit) {
                case "hour" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            Duration by = one.multipliedBy(amount);
            if (unit.equals("hour")
                    && PATTERNS.get("half").matcher(text.substring(u.end())).lookingAt()) {
                by = by.plusMinutes(30); // "an hour and a half later", "una hora y media antes"
            }
            return Optional.of(later ? by : by.negated());
        }
        return Optional.empty();
    }

    /** Whether the word before the amount that ends these words is the word for "at" ("à 16", "at 4"). */
    private static boolean saysAtBefore(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length < 2) {
            return false;
        }
        // compared as said: "à 16 heures" is a time of day, while "a" may be the article ("back a 2 hour slot")
        String said = words[words.length - 2].toLowerCase(java.util.Locale.ROOT);
        String before = LanguageData.fold(said).strip();
        boolean article = said.equals(before) && isArticleOne(said);
        return !article
                && WORDS.getOrDefault("at", List.of()).stream()
                        .anyMatch(at -> LanguageData.fold(at).strip().equals(before));
    }

    /** The amount said just before a unit: a digit or a word from the data ("a couple of" is 2); 0 if none. */
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
        return 0;
    }
}
