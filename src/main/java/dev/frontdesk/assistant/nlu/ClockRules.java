package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.Numbers.Num;
import dev.frontdesk.assistant.nlu.TimePiece.ClockPiece;
import dev.frontdesk.assistant.nlu.TimePiece.Mer;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Clock times: "at 3", "10:30", "half past ten", "a las diez y media", "14h30", "noon", with am/pm. */
final class ClockRules extends TimeScan {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

    private record Core(int hour, int minute, int offset, Mer mer, boolean strong, int end) {}

    /** The pieces found so far, to tell whether a bare number follows a day ("Tuesday 3"). */
    private final List<TimePiece> pieces;

    /** The text the tokens come from, to see where its sentences end. */
    private final String original;

    ClockRules(List<Text.Token> tokens, Lexicon lex, LocalDate today, List<TimePiece> pieces, String original) {
        super(tokens, lex, today);
        this.pieces = pieces;
        this.original = original;
    }

    TimePiece clock(int i) {
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
            TimePiece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
            boolean adjacent = last != null && last.to() == i && !(last instanceof ClockPiece);
            boolean whole = i == 0 && k == n || aloneInSentence(i, k);
            if (!(cue || adjacent || whole || partFollows)) {
                return null;
            }
            if (!cue && adjacent && !partFollows && pronounAfterDay(last, j)) {
                return null; // "cancel the wednesday one": which appointment, not one o'clock
            }
            if (!partFollows && (longest(lex.notAfterHour(), k) > 0 || dateFollows(k))) {
                return null;
            }
        }
        return new ClockPiece(i, k, core.hour(), core.minute(), core.offset(), core.mer());
    }

    /** "the Wednesday one": a word for an appointment after a day said with an article. */
    private boolean pronounAfterDay(TimePiece day, int j) {
        return lex.appointmentWords().contains(tok(j))
                && day.from() > 0
                && lex.dayArticles().contains(tok(day.from() - 1));
    }

    /** "... in the morning instead? Like nine?": the number is all its sentence says (fillers aside). */
    private boolean aloneInSentence(int i, int k) {
        boolean starts =
                i == 0 || sentenceEnds(tokens.get(i - 1).end(), tokens.get(i).start());
        boolean ends =
                k == n || sentenceEnds(tokens.get(k - 1).end(), tokens.get(k).start());
        return starts && ends && k - i == 1;
    }

    private boolean sentenceEnds(int from, int to) {
        for (int c = from; c < to && c < original.length(); c++) {
            if (".?!".indexOf(original.charAt(c)) >= 0) {
                return true;
            }
        }
        return false;
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
        Core prefixed = prefixed(j, range);
        if (prefixed != null) {
            return meridiem(prefixed);
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
            // "at 1030", "at 930": only after a cue, or before a word for the appointment ("my 1030 appt")
            int v = h.value();
            if (!(cue || lex.appointmentWords().contains(tok(h.end())))
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
        if (hw < 0 && !h.digits() && h.end() == j + 1 && lex.articleNumbers().contains(tok(j))) {
            return null; // "on a une fuite": "a une" is "has a", not "à une (heure)"
        }
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
        if (lex.prefixed().zero().contains(tok(k))) {
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
        int e = longest(lex.am(), c.end());
        Mer mer = Mer.AM;
        if (e < 0) {
            e = longest(lex.pm(), c.end());
            mer = Mer.PM;
        }
        if (e < 0 || c.hour() < 1 || c.hour() > 12) {
            return c;
        }
        return new Core(c.hour(), c.minute(), c.offset(), mer, true, e);
    }

    /**
     * "half past ten", "quarter to three", "twenty past four", "ten to five", "half ten": the words come from
     * the {@code clock.*} keys of time.properties and are empty in languages that do not say times so.
     */
    private Core prefixed(int j, boolean range) {
        Lexicon.Prefixed w = lex.prefixed();
        int k = j;
        if (w.article().contains(tok(k))) {
            k++;
        }
        int offset;
        int after;
        boolean half = w.half().contains(tok(k));
        if (half || w.quarter().contains(tok(k))) {
            int amount = half ? 30 : 15;
            String rel = tok(k + 1);
            if (w.past().contains(rel)) {
                offset = amount;
                after = k + 2;
            } else if (amount == 15 && w.quarterTo().contains(rel)) {
                offset = -amount;
                after = k + 2;
            } else if (amount == 30 && k == j) {
                // "half ten" is 10:30 in English, "halb drei" 2:30 in German
                offset = w.halfBefore() ? -30 : 30;
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
            if (w.minutes().contains(tok(r))) {
                r++;
            }
            String rel = tok(r);
            if (w.past().contains(rel)) {
                offset = mm.value();
            } else if (!range && w.to().contains(rel) && w.toAmounts().contains(mm.value())) {
                offset = -mm.value();
            } else {
                return null;
            }
            after = r + 1;
        }
        Num hour = number(after);
        if (hour == null || hour.value() < 1 || hour.value() > 12) {
            boolean noon = w.noon().contains(tok(after));
            if (noon || w.midnight().contains(tok(after))) {
                return new Core(noon ? 12 : 0, 0, offset, Mer.H24, true, after + 1);
            }
            return null;
        }
        return new Core(hour.value(), 0, offset, Mer.NONE, true, hour.end());
    }
}
