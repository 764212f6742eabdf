package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.Numbers.Num;
import dev.frontdesk.assistant.nlu.TimePiece.PartPiece;
import dev.frontdesk.assistant.nlu.TimePiece.RelPiece;
import dev.frontdesk.assistant.nlu.TimePiece.VaguePiece;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Relative expressions ("in two hours", "3 days from now"), parts of the day ("tomorrow morning") and vague words. */
final class RelativeRules extends TimeScan {

    RelativeRules(List<Text.Token> tokens, Lexicon lex, LocalDate today) {
        super(tokens, lex, today);
    }

    TimePiece relative(int i) {
        int j = longest(lex.relativeIntros(), i);
        if (j > 0) {
            int half = longest(lex.halfHours(), j);
            if (half > 0) {
                return new RelPiece(i, half, Duration.ofMinutes(30), 0);
            }
            TimePiece p = quantityOfTime(i, j, true);
            if (p != null) {
                return p;
            }
        }
        return quantityOfTime(i, i, false);
    }

    private TimePiece quantityOfTime(int from, int j, boolean introduced) {
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
                int days = lex.countedDays().getOrDefault(amount, amount);
                yield new RelPiece(from, k, null, days);
            }
            default -> new RelPiece(from, k, null, amount * 7);
        };
    }

    /** {value, end} for "two", "2", "an", "a couple of", "un par de"; null otherwise. */
    private int[] quantity(int j) {
        var said = longest(lex.quantities(), j);
        if (said != null) {
            return new int[] {said.getValue(), said.getKey()};
        }
        Num num = number(j);
        return num == null ? null : new int[] {num.value(), num.end()};
    }

    TimePiece part(int i) {
        var e = longest(lex.parts(), i);
        return e == null
                ? null
                : new PartPiece(i, e.getKey(), e.getValue().part(), e.getValue().dayOffset());
    }

    TimePiece vague(int i) {
        int e = longest(lex.vague(), i);
        return e < 0 ? null : new VaguePiece(i, e);
    }
}
