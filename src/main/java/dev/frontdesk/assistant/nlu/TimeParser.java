package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.TimePiece.ClockPiece;
import dev.frontdesk.assistant.nlu.TimePiece.DayPiece;
import dev.frontdesk.assistant.nlu.TimePiece.PartPiece;
import dev.frontdesk.assistant.nlu.TimePiece.RelPiece;
import dev.frontdesk.assistant.nlu.TimePiece.VaguePiece;
import dev.frontdesk.assistant.nlu.TimePiece.WeekPiece;
import dev.frontdesk.assistant.nlu.TimeQuery.DayPart;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parse of one text in one language: scans the tokens left to right, at each position takes the
 * longest piece any rule recognises (a day, a week, a part of the day, a clock time, a relative offset or a
 * vague word), then combines the pieces into a {@link TimeQuery}.
 */
final class TimeParser {

    private final String original;
    private final List<Text.Token> tokens;
    private final ZonedDateTime now;
    private final LocalDate today;
    private final List<TimePiece> pieces = new ArrayList<>();
    private final RelativeRules relative;
    private final DateRules dates;
    private final ClockRules clocks;

    private TimeParser(String original, Lexicon lex, ZonedDateTime now) {
        this.original = original;
        this.now = now;
        this.today = now.toLocalDate();
        this.tokens = Text.tokenize(original).stream()
                .filter(t -> !lex.fillers().contains(t.text()))
                .toList();
        this.relative = new RelativeRules(tokens, lex, today);
        this.dates = new DateRules(tokens, lex, today);
        this.clocks = new ClockRules(tokens, lex, today, pieces, original);
    }

    static Optional<TimeQuery> parse(String text, Lexicon lex, ZonedDateTime now) {
        return new TimeParser(text, lex, now).run();
    }

    private Optional<TimeQuery> run() {
        int i = 0;
        while (i < tokens.size()) {
            TimePiece best = null;
            for (TimePiece p : candidates(i)) {
                if (p != null && p.to() > i && (best == null || p.to() > best.to())) {
                    best = p;
                }
            }
            if (best == null) {
                i++;
            } else {
                boolean ruledOut = dates.ruledOut(best.to()) || dates.ruledOutBefore(i);
                if (best instanceof DayPiece out && ruledOut) {
                    // "the one tomorrow, no wait, not tomorrow, the wednesday one": not that day, wherever said
                    pieces.removeIf(p -> p instanceof DayPiece d
                            && d.date() != null
                            && d.date().equals(out.date()));
                } else if (!dates.past(i)) {
                    pieces.add(best); // "then Wednesday's no good. How about Friday at three?": not Wednesday
                }
                i = best.to();
            }
        }
        return pieces.isEmpty() ? Optional.empty() : Optional.of(assemble());
    }

    /** Candidates in priority order: on equal length the earlier one wins. */
    private List<TimePiece> candidates(int i) {
        List<TimePiece> list = new ArrayList<>(8);
        list.add(relative.relative(i));
        list.add(dates.numericDate(i));
        list.add(dates.dayOfMonth(i));
        list.add(dates.dayWord(i));
        list.add(dates.weekday(i));
        list.add(dates.nthWeekday(i));
        list.add(dates.week(i));
        list.add(relative.part(i));
        list.add(clocks.clock(i));
        list.add(relative.vague(i));
        return list;
    }

    private TimeQuery assemble() {
        DayPiece absolute = null;
        DayPiece day = null;
        WeekPiece week = null;
        PartPiece part = null;
        ClockPiece clock = null;
        RelPiece rel = null;
        boolean vagueWord = false;
        for (TimePiece p : pieces) {
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
        if (clock != null && absolute == null && week == null && day != null) {
            // "mardi non attendez mardi j'ai un client, mercredi à quinze heures": the day said with the hour
            day = dayNearest(clock, day);
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
        if (clock != null) {
            // "Wednesday afternoon ... the same day but in the morning? Like nine?": the part said nearest the hour
            dayPart = nearestPart(clock, dayPart);
        }
        if (time == null && clock != null) {
            // "make it one o'clock instead, I forgot I have a dentist thing in the morning": a part of the day said
            // far from the hour does not set its am or pm
            time = resolve(clock, partGap(clock) <= PART_REACH ? dayPart : DayPart.ANY);
        }
        // "tomorrow, sometime after lunch": a vague word with a named day and a part of it is that part
        boolean dayAndPart = part != null && (rel != null || day != null || part.dayOffset() != null);
        // "más tarde ese mismo día, como a mediodía": a vague word beside a clock time is that time
        // "Tuesday would be good, any time at all": a vague word with a named day is that day
        boolean namedDay = day != null && day.date() != null && !day.date().equals(today); // ("later today" asks)
        boolean vague = (vagueWord && !dayAndPart && !namedDay && time == null)
                || weekAlone
                || (part != null && date == null && time == null);
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (TimePiece p : pieces) {
            from = Math.min(from, tokens.get(p.from()).start());
            to = Math.max(to, tokens.get(p.to() - 1).end());
        }
        return new TimeQuery(date, time, dayPart, vague, original.substring(from, to));
    }

    private DayPiece dayNearest(ClockPiece clock, DayPiece first) {
        // ("hosting Thanksgiving on Thursday ... come tomorrow, first thing, like eight": tomorrow)
        return nearest(clock, DayPiece.class, d -> d.date() != null).orElse(first);
    }

    /** How many words from an hour a part of the day may be said and still set its am or pm. */
    private static final int PART_REACH = 6;

    /** Words between the hour and the nearest part of the day said. */
    private int partGap(ClockPiece clock) {
        return nearest(clock, PartPiece.class, p -> true)
                .map(p -> gap(p, clock))
                .orElse(Integer.MAX_VALUE);
    }

    private DayPart nearestPart(ClockPiece clock, DayPart first) {
        return nearest(clock, PartPiece.class, p -> true).map(PartPiece::part).orElse(first);
    }

    /** The piece of that kind said nearest the hour (the first of those as near). */
    private <T extends TimePiece> Optional<T> nearest(
            ClockPiece clock, Class<T> kind, java.util.function.Predicate<T> which) {
        T best = null;
        for (TimePiece p : pieces) {
            if (kind.isInstance(p) && which.test(kind.cast(p)) && (best == null || gap(p, clock) < gap(best, clock))) {
                best = kind.cast(p);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Words between a piece and the hour. */
    private static int gap(TimePiece p, ClockPiece clock) {
        return p.from() >= clock.to() ? p.from() - clock.to() : clock.from() - p.to();
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
