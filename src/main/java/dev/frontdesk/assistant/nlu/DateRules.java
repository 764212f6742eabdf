package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.Numbers.Num;
import dev.frontdesk.assistant.nlu.TimePiece.DayPiece;
import dev.frontdesk.assistant.nlu.TimePiece.WeekPiece;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Days: day words ("tomorrow"), weekdays ("next Tuesday"), weeks ("next week"), numeric dates and days of the month. */
final class DateRules extends TimeScan {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");

    private enum Mode {
        BARE,
        THIS,
        NEXT
    }

    private record DayNum(int value, int end, boolean ordinal, boolean word) {}

    DateRules(List<Text.Token> tokens, Lexicon lex, LocalDate today) {
        super(tokens, lex, today);
    }

    TimePiece dayWord(int i) {
        var e = longest(lex.dayOffsets(), i);
        return e == null ? null : new DayPiece(i, e.getKey(), today.plusDays(e.getValue()), false, null);
    }

    TimePiece weekday(int i) {
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

    /** "the first Saturday in December", "el primer sábado de diciembre": that weekday's nth in the month. */
    TimePiece nthWeekday(int i) {
        int j = i;
        int a = longest(lex.dayArticles(), j);
        if (a > 0) {
            j = a;
        }
        var ord = longest(lex.ordinalWords(), j);
        if (ord == null || ord.getValue() > 5) {
            return null;
        }
        int k = ord.getKey();
        DayOfWeek day = lex.weekdays().get(tok(k));
        int link = day == null ? -1 : longest(lex.weekdayMonthLinks(), k + 1);
        Integer month = link > 0 ? lex.months().get(tok(link)) : null;
        if (month == null) {
            return null;
        }
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            LocalDate d = LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ord.getValue(), day));
            if (d.getMonthValue() == month && !d.isBefore(today)) {
                return new DayPiece(i, link + 1, d, true, day);
            }
        }
        return null;
    }

    /** Whether the words from {@code j} rule the day just said out ("Wednesday's no good", "el martes no puedo"). */
    boolean ruledOut(int j) {
        int k = longest(lex.dayLinks(), j);
        return longest(lex.dayRuledOut(), j) > 0 || (k > 0 && longest(lex.dayRuledOut(), k) > 0);
    }

    /** "can't do Wednesday anymore, would Friday work": the words just before the day rule it out. */
    boolean ruledOutBefore(int i) {
        for (String p : lex.dayRuledOutBefore()) {
            int w = p.split(" ").length;
            if (i >= w && phrase(p, i - w) == i) {
                return true;
            }
        }
        return false;
    }

    /** "no hot water since last night", "bouché depuis hier soir": when the trouble began, not a time asked for. */
    boolean past(int i) {
        for (String p : lex.pastBefore()) {
            int w = p.split(" ").length;
            if (i >= w && phrase(p, i - w) == i) {
                return true;
            }
        }
        return false;
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

    TimePiece week(int i) {
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

    TimePiece numericDate(int i) {
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
        // en-US writes month/day, es and fr write day/month (numeric-date-order); the other order is used only when it
        // is the
        // one order that makes a date (14/12 in English).
        boolean monthFirst = lex.monthFirst();
        LocalDate d = monthFirst ? monthDay(a, b, year) : monthDay(b, a, year);
        if (d == null) {
            d = monthFirst ? monthDay(b, a, year) : monthDay(a, b, year);
        }
        return d == null ? null : new DayPiece(i, i + 1, d, true, null);
    }

    TimePiece dayOfMonth(int i) {
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
            if (lex.monthDayArticles().contains(tok(k))) {
                k++;
            }
            DayNum dn = dayNumber(k, true);
            if (dn == null) {
                return null;
            }
            return monthDayPiece(i, dn.end(), month, dn.value());
        }
        // a day said in words needs an article, a month after it ("primero de diciembre") or a weekday before it
        DayNum dn = dayNumber(j, true);
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
        boolean afterWeekday = lex.dayNumberAfterWeekday() && lex.weekdays().containsKey(tok(i - 1));
        if (dn.word() && !article && !(afterWeekday && (dn.ordinal() || lex.dayNumberWords()))) {
            return null;
        }
        if (!(article || dn.ordinal() || afterWeekday)) {
            return null;
        }
        if (!dn.ordinal() && lex.hourWords().contains(tok(k))) {
            return null;
        }
        if (longest(lex.notAfterHour(), k) > 0
                && !(dn.ordinal() && lex.monthLinks().contains(tok(k)))) {
            return null; // "the first floor tenant", "the second time": not a day of the month
        }
        if (!lex.dayNumberWords() && dn.word() && !dn.ordinal()) {
            return null;
        }
        LocalDate d = nextDayOfMonth(dn.value());
        return d == null ? null : new DayPiece(i, k, d, true, null);
    }

    private TimePiece monthDayPiece(int from, int end, int month, int day) {
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
}
