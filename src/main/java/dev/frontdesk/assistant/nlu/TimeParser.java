package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.Numbers.Num;
import dev.frontdesk.assistant.nlu.TimeQuery.DayPart;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parse of one text in one language: scans the tokens left to right, at each position takes the
 * longest piece any rule recognises (a day, a week, a part of the day, a clock time, a relative offset or a
 * vague word), then combines the pieces into a {@link TimeQuery}.
 */
final class TimeParser {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");
    private static final Set<String> AM = Set.of("am", "a m");
    private static final Set<String> PM = Set.of("pm", "p m");

    private enum Mer {
        NONE,
        AM,
        PM,
        H24
    }

    private enum Mode {
        BARE,
        THIS,
        NEXT
    }

    private sealed interface Piece permits DayPiece, WeekPiece, PartPiece, ClockPiece, RelPiece, VaguePiece {
        int from();

        int to();
    }

    private record DayPiece(int from, int to, LocalDate date, boolean absolute, DayOfWeek weekday) implements Piece {}

    private record WeekPiece(int from, int to, LocalDate monday, LocalDate date) implements Piece {}

    private record PartPiece(int from, int to, DayPart part, Integer dayOffset) implements Piece {}

    private record ClockPiece(int from, int to, int hour, int minute, int offset, Mer mer) implements Piece {}

    private record RelPiece(int from, int to, Duration clock, int days) implements Piece {}

    private record VaguePiece(int from, int to) implements Piece {}

    private record Core(int hour, int minute, int offset, Mer mer, boolean strong, int end) {}

    private record DayNum(int value, int end, boolean ordinal, boolean word) {}

    private final String original;
    private final List<Text.Token> tokens;
    private final int n;
    private final Lexicon lex;
    private final ZonedDateTime now;
    private final LocalDate today;
    private final List<Piece> pieces = new ArrayList<>();

    private TimeParser(String original, Lexicon lex, ZonedDateTime now) {
        this.original = original;
        this.lex = lex;
        this.now = now;
        this.today = now.toLocalDate();
        this.tokens = Text.tokenize(original).stream()
                .filter(t -> !lex.fillers().contains(t.text()))
                .toList();
        this.n = tokens.size();
    }

    static Optional<TimeQuery> parse(String text, Lexicon lex, ZonedDateTime now) {
        return new TimeParser(text, lex, now).run();
    }

    private Optional<TimeQuery> run() {
        int i = 0;
        while (i < n) {
            Piece best = null;
            for (Piece p : candidates(i)) {
                if (p != null && p.to() > i && (best == null || p.to() > best.to())) {
                    best = p;
                }
            }
            if (best == null) {
                i++;
            } else {
                pieces.add(best);
                i = best.to();
            }
        }
        return pieces.isEmpty() ? Optional.empty() : Optional.of(assemble());
    }

    /** Candidates in priority order: on equal length the earlier one wins. */
    private List<Piece> candidates(int i) {
        List<Piece> list = new ArrayList<>(8);
        list.add(relative(i));
        list.add(numericDate(i));
        list.add(dayOfMonth(i));
        list.add(dayWord(i));
        list.add(weekday(i));
        list.add(week(i));
        list.add(part(i));
        list.add(clock(i));
        list.add(vague(i));
        return list;
    }

    // ---------------------------------------------------------------- token helpers

    private String tok(int i) {
        return i >= 0 && i < n ? tokens.get(i).text() : "";
    }

    /** The end index if {@code phrase} (space-separated folded words) starts at {@code i}, else -1. */
    private int phrase(String phrase, int i) {
        String first = tok(i);
        if (first.isEmpty() || !phrase.startsWith(first)) {
            return -1;
        }
        if (phrase.length() == first.length()) {
            return i + 1;
        }
        if (phrase.charAt(first.length()) != ' ') {
            return -1;
        }
        int j = i;
        for (String w : phrase.split(" ")) {
            if (!w.equals(tok(j))) {
                return -1;
            }
            j++;
        }
        return j;
    }

    private int longest(Collection<String> phrases, int i) {
        int best = -1;
        for (String p : phrases) {
            best = Math.max(best, phrase(p, i));
        }
        return best;
    }

    private <V> Map.Entry<Integer, V> longest(Map<String, V> phrases, int i) {
        int best = -1;
        V value = null;
        for (Map.Entry<String, V> e : phrases.entrySet()) {
            int end = phrase(e.getKey(), i);
            if (end > best) {
                best = end;
                value = e.getValue();
            }
        }
        return best < 0 ? null : Map.entry(best, value);
    }

    private Num number(int i) {
        return Numbers.read(tokens, i, lex.lang());
    }

    // ---------------------------------------------------------------- relative offsets

    private Piece relative(int i) {
        int j = longest(lex.relativeIntros(), i);
        if (j > 0) {
            int half = longest(lex.halfHours(), j);
            if (half > 0) {
                return new RelPiece(i, half, Duration.ofMinutes(30), 0);
            }
            Piece p = quantityOfTime(i, j, true);
            if (p != null) {
                return p;
            }
        }
        return quantityOfTime(i, i, false);
    }

    private Piece quantityOfTime(int from, int j, boolean introduced) {
        int[] q = quantity(j);
        if (q == null) {
            return null;
        }
        int amount = q[0];
        int k = q[1];
        ChronoUnit unit = lex.units().get(tok(k));
        if (unit == null || amount < 0 || amount > 999) {
            return null;
        }
        k++;
        if (!introduced) {
            if (unit != ChronoUnit.DAYS && unit != ChronoUnit.WEEKS) {
                return null;
            }
            int base;
            int e = longest(lex.fromToday(), k);
            if (e > 0) {
                base = 0;
            } else {
                e = longest(lex.fromTomorrow(), k);
                if (e < 0) {
                    return null;
                }
                base = 1;
            }
            int days = unit == ChronoUnit.WEEKS ? amount * 7 : amount;
            return new RelPiece(from, e, null, base + days);
        }
        return switch (unit) {
            case MINUTES -> new RelPiece(from, k, Duration.ofMinutes(amount), 0);
            case HOURS -> {
                int half = longest(lex.andAHalf(), k);
                yield half > 0
                        ? new RelPiece(from, half, Duration.ofMinutes(amount * 60L + 30), 0)
                        : new RelPiece(from, k, Duration.ofHours(amount), 0);
            }
            case DAYS -> {
                // French counts a week as "huit jours" and a fortnight as "quinze jours".
                int days =
                        lex.lang() == Lang.FR && amount == 8 ? 7 : lex.lang() == Lang.FR && amount == 15 ? 14 : amount;
                yield new RelPiece(from, k, null, days);
            }
            default -> new RelPiece(from, k, null, amount * 7);
        };
    }

    /** {value, end} for "two", "2", "an", "a couple of", "un par de"; null otherwise. */
    private int[] quantity(int j) {
        for (String couple : List.of("a couple of", "a couple", "couple of", "un par de")) {
            int e = phrase(couple, j);
            if (e > 0) {
                return new int[] {2, e};
            }
        }
        if (lex.lang() == Lang.EN && (tok(j).equals("a") || tok(j).equals("an"))) {
            return new int[] {1, j + 1};
        }
        Num num = number(j);
        return num == null ? null : new int[] {num.value(), num.end()};
    }

    // ---------------------------------------------------------------- days

    private Piece dayWord(int i) {
        var e = longest(lex.dayOffsets(), i);
        return e == null ? null : new DayPiece(i, e.getKey(), today.plusDays(e.getValue()), false, null);
    }

    private Piece weekday(int i) {
        int j = i;
        int a = longest(lex.weekdayArticles(), j);
        if (a > 0 && weekdayOrModifierAt(a)) {
            j = a;
        }
        Mode mode = Mode.BARE;
        int t = longest(lex.thisBefore(), j);
        if (t > 0) {
            mode = Mode.THIS;
            j = t;
        } else {
            t = longest(lex.nextBefore(), j);
            if (t > 0) {
                mode = Mode.NEXT;
                j = t;
            }
        }
        DayOfWeek day = lex.weekdays().get(tok(j));
        if (day == null) {
            return null;
        }
        j++;
        if (mode == Mode.BARE) {
            t = longest(lex.nextAfter(), j);
            if (t > 0 && longest(lex.weeks(), j) == null) {
                mode = Mode.NEXT;
                j = t;
            }
        }
        return new DayPiece(i, j, weekdayDate(day, mode), false, day);
    }

    private boolean weekdayOrModifierAt(int j) {
        return lex.weekdays().containsKey(tok(j))
                || longest(lex.thisBefore(), j) > 0
                || longest(lex.nextBefore(), j) > 0;
    }

    /**
     * A bare weekday is the nearest one strictly after today; "this Friday" may be today; "next Tuesday" is
     * the nearest one at least two days away (someone who means tomorrow says "tomorrow").
     */
    private LocalDate weekdayDate(DayOfWeek day, Mode mode) {
        return switch (mode) {
            case THIS -> today.with(TemporalAdjusters.nextOrSame(day));
            case BARE -> today.with(TemporalAdjusters.next(day));
            case NEXT -> today.plusDays(1).with(TemporalAdjusters.next(day));
        };
    }

    private Piece week(int i) {
        var e = longest(lex.weeks(), i);
        if (e == null) {
            return null;
        }
        Lexicon.Week w = e.getValue();
        LocalDate monday =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(w.weeksAhead());
        LocalDate date;
        if (w.weekend()) {
            LocalDate saturday = monday.plusDays(5);
            date = saturday.isBefore(today) ? today : saturday;
        } else {
            date = w.weeksAhead() == 0 ? today : monday;
        }
        return new WeekPiece(i, e.getKey(), monday, date);
    }

    private Piece numericDate(int i) {
        String t = tok(i);
        Matcher iso = ISO_DATE.matcher(t);
        if (iso.matches()) {
            LocalDate d = date(
                    Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            return d == null ? null : new DayPiece(i, i + 1, d, true, null);
        }
        Matcher slash = SLASH_DATE.matcher(t);
        if (!slash.matches()) {
            return null;
        }
        int a = Integer.parseInt(slash.group(1));
        int b = Integer.parseInt(slash.group(2));
        Integer year = slash.group(3) == null ? null : Integer.parseInt(slash.group(3));
        if (year != null && year < 100) {
            year += 2000;
        }
        // en-US writes month/day, es and fr write day/month; the other order is used only when it is the
        // one order that makes a date (14/12 in English).
        boolean monthFirst = lex.lang() == Lang.EN;
        LocalDate d = monthFirst ? monthDay(a, b, year) : monthDay(b, a, year);
        if (d == null) {
            d = monthFirst ? monthDay(b, a, year) : monthDay(a, b, year);
        }
        return d == null ? null : new DayPiece(i, i + 1, d, true, null);
    }

    private Piece dayOfMonth(int i) {
        int j = i;
        boolean article = false;
        int a = longest(lex.dayArticles(), j);
        if (a > 0) {
            j = a;
            article = true;
        }
        Integer month = lex.months().get(tok(j));
        if (month != null) {
            int k = j + 1;
            if (tok(k).equals("the")) {
                k++;
            }
            DayNum dn = dayNumber(k, true);
            if (dn == null) {
                return null;
            }
            return monthDayPiece(i, dn.end(), month, dn.value());
        }
        DayNum dn = dayNumber(j, article);
        if (dn == null) {
            return null;
        }
        int k = dn.end();
        int link = longest(lex.monthLinks(), k);
        int m = link > 0 ? link : k;
        month = lex.months().get(tok(m));
        if (month != null) {
            return monthDayPiece(i, m + 1, month, dn.value());
        }
        boolean afterWeekday = lex.lang() != Lang.EN && lex.weekdays().containsKey(tok(i - 1));
        if (!(article || dn.ordinal() || afterWeekday)) {
            return null;
        }
        if (!dn.ordinal() && (lex.hourWords().contains(tok(k)) || longest(lex.notAfterHour(), k) > 0)) {
            return null;
        }
        if (lex.lang() == Lang.EN && dn.word() && !dn.ordinal()) {
            return null;
        }
        LocalDate d = nextDayOfMonth(dn.value());
        return d == null ? null : new DayPiece(i, k, d, true, null);
    }

    private Piece monthDayPiece(int from, int end, int month, int day) {
        Integer year = null;
        int k = end;
        int yearAt = lex.monthLinks().contains(tok(k)) ? k + 1 : k;
        if (tokens.size() > yearAt
                && tokens.get(yearAt).isDigits()
                && tok(yearAt).length() == 4) {
            int y = Integer.parseInt(tok(yearAt));
            if (y >= 1900 && y <= 2199) {
                year = y;
                k = yearAt + 1;
            }
        }
        LocalDate d = monthDay(month, day, year);
        return d == null ? null : new DayPiece(from, k, d, true, null);
    }

    /** A day number 1–31: digits, digits with an ordinal suffix, or an ordinal/cardinal word. */
    private DayNum dayNumber(int j, boolean wordsAllowed) {
        var ord = longest(lex.ordinalWords(), j);
        if (ord != null) {
            return wordsAllowed ? new DayNum(ord.getValue(), ord.getKey(), true, true) : null;
        }
        Num num = number(j);
        if (num == null || num.value() < 1 || num.value() > 31 || (num.digits() && num.width() > 2)) {
            return null;
        }
        if (num.digits() && lex.ordinalSuffixes().contains(tok(num.end()))) {
            return new DayNum(num.value(), num.end() + 1, true, false);
        }
        if (!num.digits() && !wordsAllowed) {
            return null;
        }
        return new DayNum(num.value(), num.end(), false, !num.digits());
    }

    /** The day-of-month this month if it is still ahead (or today), else the next month that has it. */
    private LocalDate nextDayOfMonth(int day) {
        YearMonth ym = YearMonth.from(today);
        for (int k = 0; k < 13; k++) {
            YearMonth m = ym.plusMonths(k);
            if (day <= m.lengthOfMonth()) {
                LocalDate d = m.atDay(day);
                if (!d.isBefore(today)) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The given day with the given year, or without a year the next one on or after today. */
    private LocalDate monthDay(int month, int day, Integer year) {
        if (year != null) {
            return date(year, month, day);
        }
        for (int y = today.getYear(); y <= today.getYear() + 8; y++) {
            LocalDate d = date(y, month, day);
            if (d != null && !d.isBefore(today)) {
                return d;
            }
        }
        return null;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- parts of the day, vague words

    private Piece part(int i) {
        var e = longest(lex.parts(), i);
        return e == null
                ? null
                : new PartPiece(i, e.getKey(), e.getValue().part(), e.getValue().dayOffset());
    }

    private Piece vague(int i) {
        int e = longest(lex.vague(), i);
        return e < 0 ? null : new VaguePiece(i, e);
    }

    // ---------------------------------------------------------------- clock times

    private Piece clock(int i) {
        int j = i;
        boolean cue = false;
        boolean range = false;
        int c = longest(lex.timeCues(), i);
        if (c > 0) {
            j = c;
            cue = true;
            range = longest(lex.rangeStarts(), i) == c;
        }
        Core core = core(j, cue, range);
        if (core == null) {
            return null;
        }
        int k = core.end();
        boolean partFollows = longest(lex.parts(), k) != null;
        if (!core.strong()) {
            Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
            boolean adjacent = last != null && last.to() == i && !(last instanceof ClockPiece);
            boolean whole = i == 0 && k == n;
            if (!(cue || adjacent || whole || partFollows)) {
                return null;
            }
            if (!partFollows && (longest(lex.notAfterHour(), k) > 0 || dateFollows(k))) {
                return null;
            }
        }
        return new ClockPiece(i, k, core.hour(), core.minute(), core.offset(), core.mer());
    }

    private boolean dateFollows(int k) {
        return lex.ordinalSuffixes().contains(tok(k))
                || lex.months().containsKey(tok(k))
                || (lex.monthLinks().contains(tok(k)) && lex.months().containsKey(tok(k + 1)));
    }

    private Core core(int j, boolean cue, boolean range) {
        int e = longest(lex.noon(), j);
        int hour = 12;
        if (e < 0) {
            e = longest(lex.midnight(), j);
            hour = 0;
        }
        if (e > 0) {
            var suffix = longest(lex.minuteSuffixes(), e);
            return suffix == null
                    ? new Core(hour, 0, 0, Mer.H24, true, e)
                    : new Core(hour, 0, suffix.getValue(), Mer.H24, true, suffix.getKey());
        }
        if (lex.lang() == Lang.EN) {
            Core prefixed = englishPrefixed(j, range);
            if (prefixed != null) {
                return meridiem(prefixed);
            }
        }
        Matcher m = CLOCK.matcher(tok(j));
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h > 23 || min > 59) {
                return null;
            }
            Mer mer = m.group(1).length() == 2 && m.group(1).startsWith("0") ? Mer.H24 : Mer.NONE;
            int k = j + 1;
            if (lex.hourWords().contains(tok(k))) {
                k++;
            }
            return meridiem(new Core(h, min, 0, mer, true, k));
        }
        Num h = number(j);
        if (h == null) {
            return null;
        }
        if (h.digits() && h.width() > 2) {
            // "at 1030", "at 930": only after a cue.
            int v = h.value();
            if (!cue
                    || v / 100 > 23
                    || v % 100 > 59
                    || tokens.size() > h.end() && tokens.get(h.end()).isDigits()) {
                return null;
            }
            return meridiem(new Core(v / 100, v % 100, 0, Mer.NONE, true, h.end()));
        }
        if (h.value() > 23) {
            return null;
        }
        Mer mer = h.digits() && h.width() == 2 && tok(j).startsWith("0") ? Mer.H24 : Mer.NONE;
        int k = h.end();
        int minute = 0;
        int offset = 0;
        boolean strong = false;
        int hw = longest(lex.hourWords(), k);
        if (hw > 0) {
            strong = true;
            k = hw;
            var suffix = longest(lex.minuteSuffixes(), k);
            if (suffix != null) {
                offset = suffix.getValue();
                k = suffix.getKey();
            } else if (lex.minusMinutes().contains(tok(k)) && minutes(k + 1) != null) {
                Num mm = minutes(k + 1);
                offset = -mm.value();
                k = mm.end();
            } else {
                Num mm = minutes(k);
                if (mm != null && !lex.units().containsKey(tok(mm.end()))) {
                    minute = mm.value();
                    k = mm.end();
                }
            }
        } else {
            int oc = longest(lex.oclock(), k);
            var suffix = longest(lex.minuteSuffixes(), k);
            if (oc > 0) {
                strong = true;
                k = oc;
            } else if (suffix != null) {
                strong = true;
                offset = suffix.getValue();
                k = suffix.getKey();
            } else if (lex.plusMinutes().contains(tok(k)) && minutes(k + 1) != null) {
                Num mm = minutes(k + 1);
                strong = true;
                minute = mm.value();
                k = mm.end();
            } else if (lex.minusMinutes().contains(tok(k)) && minutes(k + 1) != null) {
                Num mm = minutes(k + 1);
                strong = true;
                offset = -mm.value();
                k = mm.end();
            } else {
                Num mm = directMinutes(k);
                if (mm != null) {
                    strong = true;
                    minute = mm.value();
                    k = mm.end();
                }
            }
            int punto = longest(lex.oclock(), k);
            if (punto > 0) {
                strong = true;
                k = punto;
            }
        }
        return meridiem(new Core(h.value(), minute, offset, mer, strong, k));
    }

    private Num minutes(int k) {
        Num mm = number(k);
        return mm != null && mm.value() >= 1 && mm.value() <= 59 ? mm : null;
    }

    /** Minutes said straight after the hour: "10 30", "ten thirty", "ten oh five", "diez cuarenta". */
    private Num directMinutes(int k) {
        if (lex.lang() == Lang.EN && (tok(k).equals("oh") || tok(k).equals("o"))) {
            Num mm = number(k + 1);
            return mm != null && !mm.digits() && mm.value() >= 1 && mm.value() <= 9 ? mm : null;
        }
        Num mm = number(k);
        if (mm == null || mm.value() > 59 || lex.units().containsKey(tok(mm.end()))) {
            return null;
        }
        if (mm.digits()) {
            return mm.width() == 2 ? mm : null;
        }
        return mm.value() >= 10 ? mm : null;
    }

    private Core meridiem(Core c) {
        int e = longest(AM, c.end());
        Mer mer = Mer.AM;
        if (e < 0) {
            e = longest(PM, c.end());
            mer = Mer.PM;
        }
        if (e < 0 || c.hour() < 1 || c.hour() > 12) {
            return c;
        }
        return new Core(c.hour(), c.minute(), c.offset(), mer, true, e);
    }

    /** "half past ten", "quarter to three", "twenty past four", "ten to five", "half ten". */
    private Core englishPrefixed(int j, boolean range) {
        int k = j;
        if (tok(k).equals("a")) {
            k++;
        }
        int offset;
        int after;
        if (tok(k).equals("half") || tok(k).equals("quarter")) {
            int amount = tok(k).equals("half") ? 30 : 15;
            String rel = tok(k + 1);
            if (Set.of("past", "after").contains(rel)) {
                offset = amount;
                after = k + 2;
            } else if (amount == 15
                    && Set.of("to", "til", "till", "of", "before").contains(rel)) {
                offset = -amount;
                after = k + 2;
            } else if (amount == 30 && k == j) {
                offset = 30;
                after = k + 1;
            } else {
                return null;
            }
        } else {
            Num mm = number(k);
            if (mm == null || mm.value() < 1 || mm.value() > 30) {
                return null;
            }
            int r = mm.end();
            if (tok(r).equals("minutes")) {
                r++;
            }
            String rel = tok(r);
            if (Set.of("past", "after").contains(rel)) {
                offset = mm.value();
            } else if (!range
                    && Set.of("to", "til", "till", "before").contains(rel)
                    && Set.of(5, 10, 20, 25).contains(mm.value())) {
                offset = -mm.value();
            } else {
                return null;
            }
            after = r + 1;
        }
        Num hour = number(after);
        if (hour == null || hour.value() < 1 || hour.value() > 12) {
            if (tok(after).equals("noon") || tok(after).equals("midnight")) {
                return new Core(tok(after).equals("noon") ? 12 : 0, 0, offset, Mer.H24, true, after + 1);
            }
            return null;
        }
        return new Core(hour.value(), 0, offset, Mer.NONE, true, hour.end());
    }

    // ---------------------------------------------------------------- assembly

    private TimeQuery assemble() {
        DayPiece absolute = null;
        DayPiece day = null;
        WeekPiece week = null;
        PartPiece part = null;
        ClockPiece clock = null;
        RelPiece rel = null;
        boolean vagueWord = false;
        for (Piece p : pieces) {
            switch (p) {
                case DayPiece d -> {
                    if (day == null) {
                        day = d;
                    }
                    if (absolute == null && d.absolute()) {
                        absolute = d;
                    }
                }
                case WeekPiece w -> week = week == null ? w : week;
                case PartPiece pp -> part = part == null ? pp : part;
                case ClockPiece c -> clock = clock == null ? c : clock;
                case RelPiece r -> rel = rel == null ? r : rel;
                case VaguePiece v -> vagueWord = true;
            }
        }
        LocalDate date = null;
        LocalTime time = null;
        if (rel != null) {
            if (rel.clock() != null) {
                ZonedDateTime at = now.plus(rel.clock()).truncatedTo(ChronoUnit.MINUTES);
                date = at.toLocalDate();
                time = at.toLocalTime();
            } else {
                date = today.plusDays(rel.days());
            }
        }
        boolean weekAlone = false;
        if (date == null) {
            if (absolute != null) {
                date = absolute.date();
            } else if (day != null && day.weekday() != null && week != null) {
                date = week.monday().plusDays(day.weekday().getValue() - 1L);
            } else if (day != null) {
                date = day.date();
            } else if (week != null) {
                date = week.date();
                weekAlone = true;
            } else if (part != null && part.dayOffset() != null) {
                date = today.plusDays(part.dayOffset());
            }
        }
        DayPart dayPart = part == null ? DayPart.ANY : part.part();
        if (time == null && clock != null) {
            time = resolve(clock, dayPart);
        }
        boolean vague = vagueWord || weekAlone || (part != null && date == null && time == null);
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (Piece p : pieces) {
            from = Math.min(from, tokens.get(p.from()).start());
            to = Math.max(to, tokens.get(p.to() - 1).end());
        }
        return new TimeQuery(date, time, dayPart, vague, original.substring(from, to));
    }

    /**
     * A clock hour without am/pm: 1–6 is afternoon (13–18), 7–11 is morning, 12 is noon, 0 and 13–23 are
     * 24-hour; a said part of the day wins ("2 in the morning", "7 in the evening", "10 de la noche").
     */
    private static LocalTime resolve(ClockPiece c, DayPart part) {
        int h = c.hour();
        int hour = switch (c.mer()) {
            case AM -> h % 12;
            case PM -> h % 12 + 12;
            case H24 -> h;
            case NONE -> {
                if (h == 0 || h >= 12) {
                    yield h;
                }
                if (part == DayPart.MORNING) {
                    yield h;
                }
                if (part == DayPart.AFTERNOON || part == DayPart.EVENING) {
                    yield h + 12;
                }
                yield h <= 6 ? h + 12 : h;
            }
        };
        int total = Math.floorMod(hour * 60 + c.minute() + c.offset(), 24 * 60);
        return LocalTime.of(total / 60, total % 60);
    }
}
