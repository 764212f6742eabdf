package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.TimeQuery.DayPart;
import java.time.DayOfWeek;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The words of one language for time expressions, read from {@code assistant/lang/<code>/time.properties}.
 * Multi-word phrases are written folded (lower case, no accents) with single spaces, the way {@link
 * Text#tokenize} splits them ("l'après-midi" is "l apres midi").
 */
record Lexicon(
        Numbers.Words numbers,
        Set<String> fillers,
        Map<String, Integer> dayOffsets,
        Map<String, DayOfWeek> weekdays,
        Set<String> weekdayArticles,
        Set<String> thisBefore,
        Set<String> nextBefore,
        Set<String> nextAfter,
        Map<String, Week> weeks,
        Map<String, Integer> months,
        Set<String> dayArticles,
        Set<String> ordinalSuffixes,
        Map<String, Integer> ordinalWords,
        Set<String> monthLinks,
        Set<String> monthDayArticles,
        Set<String> weekdayMonthLinks,
        Set<String> dayLinks,
        Set<String> dayRuledOut,
        Set<String> dayRuledOutBefore,
        Set<String> pastBefore,
        Set<String> appointmentWords,
        Map<String, Part> parts,
        Set<String> vague,
        Set<String> relativeIntros,
        Map<String, ChronoUnit> units,
        Set<String> halfHours,
        Set<String> andAHalf,
        Set<String> fromToday,
        Set<String> fromTomorrow,
        Set<String> timeCues,
        Set<String> rangeStarts,
        Set<String> noon,
        Set<String> midnight,
        Set<String> oclock,
        Set<String> hourWords,
        Set<String> articleNumbers,
        Map<String, Integer> minuteSuffixes,
        Set<String> plusMinutes,
        Set<String> minusMinutes,
        Set<String> notAfterHour,
        Set<String> am,
        Set<String> pm,
        Map<String, Integer> quantities,
        Map<Integer, Integer> countedDays,
        boolean monthFirst,
        boolean dayNumberAfterWeekday,
        boolean dayNumberWords,
        Prefixed prefixed) {

    /** "next week" is one week ahead; "this weekend" is the weekend of this week. */
    record Week(int weeksAhead, boolean weekend) {}

    /** A part of the day, optionally tied to a day ("tonight" is today, {@code 0}). */
    record Part(DayPart part, Integer dayOffset) {}

    /**
     * Clock times said with a prefix ("half past ten", "quarter to three", "twenty past four", "ten oh five");
     * all empty in languages that do not say them so.
     */
    record Prefixed(
            Set<String> article,
            Set<String> half,
            Set<String> quarter,
            Set<String> past,
            Set<String> to,
            Set<String> quarterTo,
            Set<Integer> toAmounts,
            Set<String> minutes,
            Set<String> noon,
            Set<String> midnight,
            Set<String> zero,
            boolean halfBefore) {}

    static Lexicon from(LangFile f, Numbers.Words numbers) {
        Map<String, Part> parts = new HashMap<>();
        for (DayPart p : List.of(DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING)) {
            String key = "part." + p.name().toLowerCase(Locale.ROOT);
            f.list(key).forEach(w -> parts.put(w, new Part(p, null)));
            f.list(key + ".today").forEach(w -> parts.put(w, new Part(p, 0)));
        }
        Map<String, Week> weeks = new HashMap<>();
        f.numbered("week").forEach((w, n) -> weeks.put(w, new Week(n, false)));
        f.numbered("weekend").forEach((w, n) -> weeks.put(w, new Week(n, true)));
        Map<Integer, Integer> counted = new HashMap<>();
        f.family("counted-days")
                .forEach((said, meant) -> counted.put(Integer.parseInt(said), Integer.parseInt(meant.getFirst())));
        String order = f.one("numeric-date-order");
        if (!order.equals("month-day") && !order.equals("day-month")) {
            throw new IllegalStateException(f.source() + ": numeric-date-order must be month-day or day-month");
        }
        return new Lexicon(
                numbers,
                f.set("fillers"),
                f.numbered("day"),
                named(f, "weekday", DayOfWeek::valueOf),
                f.set("weekday-articles"),
                f.set("this-before"),
                f.set("next-before"),
                f.set("next-after"),
                Map.copyOf(weeks),
                f.numbered("month"),
                f.set("day-articles"),
                f.set("ordinal-suffixes"),
                f.numbered("ordinal"),
                f.set("month-links"),
                f.set("month-day-articles"),
                f.set("weekday-month-links"),
                f.set("day-links"),
                f.set("day-ruled-out"),
                f.set("day-ruled-out-before"),
                f.set("past-before"),
                f.set("appointment-words"),
                Map.copyOf(parts),
                f.set("vague"),
                f.set("relative-intros"),
                named(f, "unit", ChronoUnit::valueOf),
                f.set("half-hours"),
                f.set("and-a-half"),
                f.set("from-today"),
                f.set("from-tomorrow"),
                f.set("time-cues"),
                f.set("range-starts"),
                f.set("noon"),
                f.set("midnight"),
                f.set("oclock"),
                f.set("hour-words"),
                f.set("article-numbers"),
                f.numbered("minute-suffix"),
                f.set("plus-minutes"),
                f.set("minus-minutes"),
                f.set("not-after-hour"),
                f.set("am"),
                f.set("pm"),
                f.numbered("quantity"),
                Map.copyOf(counted),
                order.equals("month-day"),
                f.flag("day-number-after-weekday"),
                f.flag("day-number-words"),
                new Prefixed(
                        f.set("clock.article"),
                        f.set("clock.half"),
                        f.set("clock.quarter"),
                        f.set("clock.past"),
                        f.set("clock.to"),
                        f.set("clock.quarter-to"),
                        Set.copyOf(f.list("clock.to-amounts").stream()
                                .map(Integer::valueOf)
                                .toList()),
                        f.set("clock.minutes"),
                        f.set("clock.noon"),
                        f.set("clock.midnight"),
                        f.set("clock.zero"),
                        f.flag("clock.half-before")));
    }

    /** The keys {@code prefix.name} as word → the constant of that (upper-cased) name. */
    private static <V> Map<String, V> named(LangFile f, String prefix, Function<String, V> constant) {
        Map<String, V> out = new HashMap<>();
        f.family(prefix).forEach((name, words) -> {
            V value = constant.apply(name.toUpperCase(Locale.ROOT));
            words.forEach(w -> out.put(w, value));
        });
        return Map.copyOf(out);
    }
}
