package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.nlu.TimeExpressions;
import dev.frontdesk.assistant.nlu.TimeQuery;
import java.util.Optional;

/**
 * The day and time a caller said, as the dialogue policy reads it: "the first one" is not a time, a
 * correction in the same breath wins, and the same words are read once per turn.
 */
final class TimeReading {

    /** The time in these words, read once per turn (the dialogue keeps this turn's readings, not stored). */
    Optional<TimeQuery> read(Context ctx, Dialogue d, String text) {
        String key = d.language + '\u0000' + text;
        Optional<TimeQuery> known = d.readings.get(key);
        if (known != null) {
            return known;
        }
        Optional<TimeQuery> reading = readTime(ctx, d, text);
        d.readings.put(key, reading);
        return reading;
    }

    private static Optional<java.time.LocalDate> dateOf(Context ctx, Dialogue d, String text) {
        return TimeExpressions.parse(text, d.language, ctx.now()).map(TimeQuery::date);
    }

    /** The words after the last correction when they name a day, else all of them. */
    private static String datedTail(Context ctx, Dialogue d, String text) {
        return Cues.afterCorrection(text)
                .filter(t -> dateOf(ctx, d, t).isPresent())
                .orElse(text);
    }

    /** Whether the assistant just asked for a day or time, or read one back to confirm. */
    private static boolean expectsTime(Dialogue d) {
        boolean timedTask = d.task == Dialogue.Task.BOOK || d.task == Dialogue.Task.RESCHEDULE;
        return switch (d.asked) {
            case WHEN, NEW_TIME, PICK_SLOT -> true;
            case CONFIRM -> timedTask;
            default -> false;
        };
    }

    /** A number on its own read as a time of day ("at eleven"), trying the longest run of words first. */
    private static Optional<TimeQuery> bareHour(Context ctx, Dialogue d, String text) {
        String[] words = text.replaceAll("[,.;!?]", " ").trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            for (int n = Math.min(3, words.length - i); n >= 1; n--) {
                String said = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
                if (n == 1 && Moves.isArticleOne(said)) {
                    continue; // "un débouchage", "a leak": an article, not one o'clock
                }
                // "and one more thing": the word after the number may say it is no hour
                String next = i + n < words.length ? " " + words[i + n] : "";
                for (String at : Moves.clockWords(d.language)) {
                    Optional<TimeQuery> q = TimeExpressions.parse(at + " " + said, d.language, ctx.now())
                            .filter(t -> t.time() != null && t.date() == null)
                            .filter(t -> next.isEmpty()
                                    || TimeExpressions.parse(at + " " + said + next, d.language, ctx.now())
                                            .isPresent());
                    if (q.isPresent()) {
                        return q;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The time said last in the words ("move tomorrow's to Tuesday the 1st at three, no, two": Tuesday the
     * 1st at three, not tomorrow): the shortest end of the words that holds a day, else the whole reading.
     */
    private static Optional<TimeQuery> lastTimeIn(Context ctx, Dialogue d, String text) {
        Optional<TimeQuery> whole = TimeExpressions.parse(text, d.language, ctx.now());
        if (whole.isEmpty() || whole.get().date() == null) {
            return whole;
        }
        String[] words = text.strip().split("\\s+");
        Optional<TimeQuery> last = Optional.empty();
        for (int i = words.length - 1; i >= 0; i--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            Optional<TimeQuery> q = TimeExpressions.parse(tail, d.language, ctx.now());
            if (last.isEmpty() && q.isPresent() && q.get().date() != null) {
                last = q;
            } else if (last.isPresent()) {
                // as many words as still say the same day ("el martes 1 de diciembre", not just "1 de diciembre")
                if (q.isEmpty() || !last.get().date().equals(q.get().date())) {
                    break;
                }
                last = q;
            }
        }
        return last.isPresent() ? last : whole;
    }

    /** A day or part of a day with an hour said apart from it in the same turn, as one time. */
    private static Optional<TimeQuery> withBareHour(Context ctx, Dialogue d, String text, TimeQuery day) {
        String matched = day.matched() == null ? "" : day.matched();
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(matched.toLowerCase(java.util.Locale.ROOT));
        if (matched.isBlank() || at < 0) {
            return Optional.empty();
        }
        String rest = text.substring(0, at) + " " + text.substring(at + matched.length());
        return bareHour(ctx, d, rest).map(h -> {
            java.time.LocalTime time = h.time();
            boolean later = day.dayPart() == TimeQuery.DayPart.AFTERNOON || day.dayPart() == TimeQuery.DayPart.EVENING;
            if (later && time.getHour() < 12) {
                time = time.plusHours(12);
            }
            return new TimeQuery(day.date(), time, day.dayPart(), false, day.matched());
        });
    }

    /**
     * Drops the times that say how long a problem has lasted ("no hot water since saturday", "it's been
     * dripping all weekend", "depuis hier soir") and the business's closing time ("el sábado cerráis a la una"):
     * they are not when the caller wants someone to come.
     */
    private static String withoutPastSpans(Context ctx, Dialogue d, String text) {
        String out = withoutSpans(ctx, d, withoutSpans(ctx, d, text, "closing"), "since");
        return Cues.has("pastTense", text) ? withoutSpans(ctx, d, out, "sinceAll") : out;
    }

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.?!;]\\s");

    private static String withoutSpans(Context ctx, Dialogue d, String text, String cue) {
        java.util.regex.Matcher since = Cues.pattern(cue).matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (since.find()) {
            if (since.start() < copied) {
                continue;
            }
            String rest = text.substring(since.end());
            Optional<TimeQuery> q = TimeExpressions.parse(rest, d.language, ctx.now());
            if (q.isEmpty()) {
                continue;
            }
            String matched = q.get().matched().toLowerCase(java.util.Locale.ROOT);
            int at = rest.toLowerCase(java.util.Locale.ROOT).indexOf(matched);
            // "depuis ce week-end. Vous auriez qqch vendredi matin ?": the past ends with its sentence
            java.util.regex.Matcher stop = SENTENCE_END.matcher(matched);
            if (stop.find()) {
                matched = matched.substring(0, stop.start());
            }
            matched = pastOnly(ctx, d, matched);
            String between = at < 0 ? "x x" : rest.substring(0, at).strip();
            if (between.isEmpty() || (!between.contains(" ") && Cues.has("sinceLink", between))) {
                out.append(text, copied, since.start()).append(' ');
                copied = since.end() + at + matched.length();
            }
        }
        return copied == 0 ? text : out.append(text.substring(copied)).toString();
    }

    /**
     * "depuis hier soir je voudrais un débouchage mardi après-midi": a reading that runs on past the few words
     * after "since" holds the wanted time too; only its first words say how long the trouble has lasted.
     */
    private static String pastOnly(Context ctx, Dialogue d, String matched) {
        String[] words = matched.strip().split("\\s+");
        for (int n = Math.min(PAST_WORDS, words.length - 1); n >= 1 && words.length > PAST_WORDS; n--) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
            Optional<TimeQuery> q = TimeExpressions.parse(head, d.language, ctx.now());
            if (q.isPresent()) {
                return q.get().matched().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return matched;
    }

    private static final int PAST_WORDS = 4;

    private static final java.util.regex.Pattern QUESTION_MARKS = java.util.regex.Pattern.compile("\\?+");

    /**
     * "Dimanche vous êtes fermés ? Bon. Samedi midi d'abord.": a day asked about in a question, then another
     * said plainly in a later sentence; the later one is the answer, so the words from it on.
     */
    private static String afterQuestionedTime(Context ctx, Dialogue d, String text) {
        java.util.regex.Matcher question = QUESTION_MARKS.matcher(text);
        int cut = -1;
        while (question.find()) {
            String asked = text.substring(sentenceStart(text, question.start()), question.start());
            String rest = text.substring(question.end());
            var askedDay = TimeExpressions.parse(asked, d.language, ctx.now()).map(TimeQuery::date);
            var saidDay = TimeExpressions.parse(rest, d.language, ctx.now()).map(TimeQuery::date);
            // ("sat morning? like 11:30", "¿el martes primero? A las once": the later words only add the hour)
            if (askedDay.isPresent() && saidDay.isPresent() && !rest.contains("?") && !saidDay.equals(askedDay)) {
                cut = question.end();
            }
        }
        return cut < 0 ? text : text.substring(cut).strip();
    }

    /**
     * "ah ben oui c thanksgiving jeudi lol. vendredi même heure d'abord": a closed day named in one sentence and
     * another day in a later one; the later one is the answer, so the words from that sentence on.
     */
    private static String afterClosedDay(Context ctx, Dialogue d, String text) {
        java.util.regex.Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            var before = dateOf(ctx, d, text.substring(0, end.start()));
            String rest = text.substring(end.end());
            var after = dateOf(ctx, d, rest);
            if (before.isPresent() && after.isPresent() && Slots.closedOn(ctx, before.get()) && !after.equals(before)) {
                return rest.strip();
            }
        }
        return text;
    }

    /** Where the sentence that ends at {@code end} begins. */
    private static int sentenceStart(String text, int end) {
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (".!?".indexOf(text.charAt(i)) >= 0) {
                start = i + 1;
            }
        }
        return start;
    }

    /**
     * The time said, with a correction in the same breath winning ("thursday no wait friday at nine"): the
     * part after the last correction word, with the day or time of the part before when it says only one.
     */
    private Optional<TimeQuery> readTime(Context ctx, Dialogue d, String text) {
        String said = text;
        text = Cues.pattern("referenceOne").matcher(text).replaceAll(" ");
        text = Cues.withoutPronounOne(text);
        if (!text.equals(said)) {
            // (read after the last correction: "Monday the 30th, no wait, Tuesday the 1st" is about the 1st)
            var saidDate = dateOf(ctx, d, datedTail(ctx, d, said));
            var leftDate = dateOf(ctx, d, datedTail(ctx, d, text));
            // "mardi le premier": a weekday and the first of the month that falls on it, not "the first one"
            boolean weekdayTheFirst = saidDate.isPresent()
                    && leftDate.isPresent()
                    && saidDate.get().getDayOfMonth() == 1
                    && saidDate.get().getDayOfWeek() == leftDate.get().getDayOfWeek();
            if ((Cues.has("month", said) || weekdayTheFirst) && !saidDate.equals(leftDate)) {
                // "el primero de diciembre", "mardi le premier décembre": the first of a month, not "the first one"
                text = said;
            }
        }
        text = withoutPastSpans(ctx, d, text);
        if (expectsTime(d)) {
            text = afterClosedDay(ctx, d, afterQuestionedTime(ctx, d, text));
        }
        Optional<TimeQuery> whole = TimeExpressions.parse(text, d.language, ctx.now());
        if (whole.isEmpty() && expectsTime(d) && !Cues.asksPrice(text)) {
            // "ok, eleven then", "2 works", "can you make it two instead": a bare hour answers the question
            whole = bareHour(ctx, d, text);
        }
        if (whole.isPresent() && whole.get().time() == null && expectsTime(d) && !Cues.asksPrice(text)) {
            // "I have a dentist thing that morning, can we make it eleven instead": the day said, and the hour
            Optional<TimeQuery> withHour = withBareHour(ctx, d, text, whole.get());
            whole = withHour.isPresent() ? withHour : whole;
        }
        if (whole.isPresent()
                && whole.get().date() != null
                && Cues.has("weekFrom", text)
                && !Cues.has("weekFrom", whole.get().matched())
                && whole.get().date().getDayOfWeek() != ctx.now().getDayOfWeek()) {
            // "a week from Friday": the parser reads the Friday, the caller means the one after ("a week from
            // Monday" said on a Monday is already a week from today)
            TimeQuery w = whole.get();
            return Optional.of(new TimeQuery(w.date().plusWeeks(1), w.time(), w.dayPart(), w.vague(), w.matched()));
        }
        if (whole.isPresent()
                && whole.get().date() != null
                && Cues.has("oneAfter", text)
                && whole.get().date().isBefore(ctx.now().toLocalDate().plusDays(7))) {
            // (a date already past the coming week, "the one after, the fourth of december", is that date)
            // "not this friday, the one after": a week later than the day said
            TimeQuery w = whole.get();
            return Optional.of(new TimeQuery(w.date().plusWeeks(1), w.time(), w.dayPart(), w.vague(), w.matched()));
        }
        Optional<String> after = Cues.afterCorrection(text);
        if (after.isEmpty()) {
            return whole;
        }
        // read with the correction's own words: "no wait, not tomorrow, the wednesday one" rules tomorrow out
        Optional<TimeQuery> corrected = Cues.fromCorrection(text)
                .flatMap(from -> TimeExpressions.parse(from, d.language, ctx.now()))
                .filter(q -> q.date() != null)
                .or(() -> TimeExpressions.parse(after.get(), d.language, ctx.now()));
        if (corrected.isEmpty()) {
            return whole;
        }
        TimeQuery c = corrected.get();
        Optional<TimeQuery> before =
                lastTimeIn(ctx, d, text.substring(0, text.length() - after.get().length()));
        if (before.isEmpty() || (c.date() != null && c.time() != null)) {
            return corrected;
        }
        TimeQuery b = before.get();
        // the words of both parts: "el martes 1 a las tres, no perdón, a las dos" is one time, said from its start
        int from = b.matched() == null
                ? -1
                : text.toLowerCase(java.util.Locale.ROOT)
                        .lastIndexOf(b.matched().toLowerCase(java.util.Locale.ROOT));
        String matched = from < 0 || c.date() != null
                ? c.matched()
                : text.substring(from).strip();
        return Optional.of(new TimeQuery(
                c.date() != null ? c.date() : b.date(),
                c.time() != null ? c.time() : c.date() != null ? null : b.time(),
                c.dayPart() != TimeQuery.DayPart.ANY ? c.dayPart() : b.dayPart(),
                c.vague(),
                matched));
    }
}
