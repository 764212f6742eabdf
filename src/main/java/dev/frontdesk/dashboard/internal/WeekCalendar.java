package dev.frontdesk.dashboard.internal;

import dev.frontdesk.directory.Directory;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.TimeRange;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The week calendar of the Appointments page: seven days from Monday in the business's timezone, its
 * opening hours as rows of 15 minutes (free half hours to click and book, closed and past times shaded)
 * and the live appointments as blocks at their start, as long as they last. Everything is computed here,
 * so the template only places what it is given; the week's appointments come from one range query.
 */
@Component
class WeekCalendar {

    /** Minutes in a row of the grid. */
    static final int ROW_MINUTES = 15;
    /** Minutes in a free cell that books. */
    static final int CELL_MINUTES = 30;
    /** How far from today a week may be asked for. */
    static final int MAX_YEARS_AWAY = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_OF_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Scheduling scheduling;
    private final Directory directory;
    private final Clock clock;

    WeekCalendar(Scheduling scheduling, Directory directory, Clock clock) {
        this.scheduling = scheduling;
        this.directory = directory;
        this.clock = clock;
    }

    /** A week as the page shows it. {@code monday} and the navigation dates are ISO dates (YYYY-MM-DD). */
    record Week(
            String monday,
            String title,
            String previous,
            String next,
            String thisWeek,
            boolean current,
            String notice,
            List<TimeLabel> times,
            List<Day> days) {}

    /** An hour's label in the first column. */
    record TimeLabel(String label, int row, int span) {}

    /**
     * A day's column ({@code column} 2 to 8). {@code bookDate} and {@code bookTime} fill the booking form from the
     * phone list (the day's first free half hour; null when none).
     */
    record Day(
            String label,
            String shortLabel,
            String dayOfMonth,
            String date,
            boolean today,
            boolean closed,
            int column,
            List<Item> items,
            List<Block> appointments,
            String bookTime) {}

    /**
     * What fills a place in a day's column, in time order: a cell ({@code free}, {@code closed}, {@code past} or
     * {@code busy}) or a {@code cluster} of appointments that overlap one another.
     */
    record Item(String kind, int row, int span, String date, String time, String label, List<Block> blocks) {}

    /** An appointment's block; {@code row} and {@code span} count from its cluster's first row (1). */
    record Block(
            String id,
            int row,
            int span,
            String time,
            String endTime,
            String day,
            String service,
            String customerName,
            String staff,
            boolean emergency) {}

    /** The Monday of the week asked for ({@code week}: any day of it), or this week's with a notice. */
    record WeekChoice(LocalDate monday, String notice) {}

    WeekChoice choose(String week, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (week == null || week.isBlank()) {
            return new WeekChoice(thisMonday, null);
        }
        try {
            LocalDate day = LocalDate.parse(week.strip());
            if (Math.abs(day.getYear() - today.getYear()) > MAX_YEARS_AWAY) {
                return new WeekChoice(thisMonday, "That week is too far away; this week is shown.");
            }
            return new WeekChoice(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), null);
        } catch (DateTimeException e) {
            return new WeekChoice(thisMonday, "The week must be a date (YYYY-MM-DD); this week is shown.");
        }
    }

    /** The week of {@code week} (any day of it; this week when missing or unreadable) of the business. */
    Week week(Business business, String week, boolean canBook) {
        ZoneId zone = business.timezone();
        WeekChoice choice = choose(week, zone);
        LocalDate monday = choice.monday();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
        List<Appointment> appointments = scheduling.live(business.id(), from, to);
        Map<String, String> staff = staffNames(business, appointments, now);

        int[] range = gridRange(business, monday, appointments, zone);
        int gridStart = range[0];
        int gridEnd = range[1];
        int rows = (gridEnd - gridStart) / ROW_MINUTES;

        List<TimeLabel> times = new ArrayList<>();
        for (int minute = gridStart; minute < gridEnd; minute += 60) {
            times.add(new TimeLabel(
                    "%02d:00".formatted(minute / 60), rowOf(minute, gridStart), Math.min(60, gridEnd - minute) / 15));
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            List<Block> blocks = appointments.stream()
                    .filter(a -> localDate(a.start(), zone, from).equals(date))
                    .map(a -> block(a, zone, from, gridStart, rows, staff))
                    .sorted(Comparator.comparingInt(Block::row))
                    .toList();
            days.add(day(business, date, today, now, i + 2, blocks, gridStart, gridEnd, canBook));
        }
        return new Week(
                monday.toString(),
                title(monday),
                monday.minusWeeks(1).toString(),
                monday.plusWeeks(1).toString(),
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
                !today.isBefore(monday) && today.isBefore(monday.plusDays(7)),
                choice.notice(),
                times,
                days);
    }

    private Day day(
            Business business,
            LocalDate date,
            LocalDate today,
            Instant now,
            int column,
            List<Block> blocks,
            int gridStart,
            int gridEnd,
            boolean canBook) {
        ZoneId zone = business.timezone();
        boolean closedDay = business.closedDates().contains(date)
                || business.hours().on(date.getDayOfWeek()).isEmpty();
        List<TimeRange> open = closedDay ? List.of() : business.hours().on(date.getDayOfWeek());
        List<Item> items = new ArrayList<>();
        List<Item> clusters = clusters(blocks);
        String firstFree = null;
        for (int minute = gridStart; minute < gridEnd; minute += CELL_MINUTES) {
            int row = rowOf(minute, gridStart);
            int span = Math.min(CELL_MINUTES, gridEnd - minute) / ROW_MINUTES;
            LocalTime time = LocalTime.of(minute / 60, minute % 60);
            boolean isOpen = open.stream().anyMatch(r -> !time.isBefore(r.start()) && time.isBefore(r.end()));
            boolean past = ZonedDateTime.ofLocal(date.atTime(time), zone, null)
                    .toInstant()
                    .isBefore(now);
            boolean covered = clusters.stream().anyMatch(c -> row < c.row() + c.span() && c.row() < row + span);
            String kind = !isOpen ? "closed" : covered ? "busy" : past ? "past" : canBook ? "free" : "open";
            if (kind.equals("free") && firstFree == null) {
                firstFree = TIME.format(time);
            }
            items.add(new Item(
                    kind,
                    row,
                    span,
                    date.toString(),
                    TIME.format(time),
                    "Book " + DAY.format(date) + " at " + TIME.format(time),
                    List.of()));
        }
        items.addAll(clusters);
        // time order; at the same row a cluster first, so that keyboard order follows the day
        items.sort(Comparator.comparingInt(Item::row)
                .thenComparing(item -> !item.kind().equals("cluster")));
        return new Day(
                DAY.format(date),
                SHORT_DAY.format(date),
                DAY_OF_MONTH.format(date),
                date.toString(),
                date.equals(today),
                closedDay,
                column,
                items,
                blocks,
                firstFree);
    }

    /** Appointments that overlap one another, side by side: each cluster's blocks count rows from 1. */
    private static List<Item> clusters(List<Block> blocks) {
        List<Item> clusters = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (Block b : blocks) {
            if (!current.isEmpty() && b.row() >= end) {
                clusters.add(cluster(current, start, end));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                start = b.row();
                end = b.row() + b.span();
            }
            current.add(b);
            end = Math.max(end, b.row() + b.span());
        }
        if (!current.isEmpty()) {
            clusters.add(cluster(current, start, end));
        }
        return clusters;
    }

    private static Item cluster(List<Block> blocks, int start, int end) {
        List<Block> relative = blocks.stream()
                .map(b -> new Block(
                        b.id(),
                        b.row() - start + 1,
                        b.span(),
                        b.time(),
                        b.endTime(),
                        b.day(),
                        b.service(),
                        b.customerName(),
                        b.staff(),
                        b.emergency()))
                .toList();
        return new Item("cluster", start, end - start, null, null, null, relative);
    }

    private static Block block(
            Appointment a, ZoneId zone, Instant weekStart, int gridStart, int rows, Map<String, String> staff) {
        var start = (a.start().isBefore(weekStart) ? weekStart : a.start()).atZone(zone);
        var end = a.end().atZone(zone);
        int startMinute = start.getHour() * 60 + start.getMinute();
        int endMinute = end.toLocalDate().isAfter(start.toLocalDate()) ? 24 * 60 : end.getHour() * 60 + end.getMinute();
        int first = Math.max(0, (startMinute - gridStart) / ROW_MINUTES);
        int last = Math.min(rows, ceilDiv(endMinute - gridStart, ROW_MINUTES));
        return new Block(
                a.id().toString(),
                first + 2,
                Math.max(1, last - first),
                TIME.format(start),
                TIME.format(end),
                DAY.format(start),
                a.service(),
                a.customer() == null ? "" : a.customer().name(),
                a.staffId() == null ? null : staff.getOrDefault(a.staffId(), null),
                a.emergency());
    }

    /**
     * The first and last minute of the day the grid shows: the week's opening hours and its appointments,
     * on whole hours; 08:00 to 18:00 for a week with neither.
     */
    private static int[] gridRange(Business business, LocalDate monday, List<Appointment> appointments, ZoneId zone) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < 7; i++) {
            for (TimeRange r : business.hours().on(monday.plusDays(i).getDayOfWeek())) {
                first = Math.min(first, r.start().getHour() * 60 + r.start().getMinute());
                last = Math.max(
                        last,
                        r.end().equals(LocalTime.MAX)
                                ? 24 * 60
                                : r.end().getHour() * 60 + r.end().getMinute());
            }
        }
        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        for (Appointment a : appointments) {
            var start = (a.start().isBefore(weekStart) ? weekStart : a.start()).atZone(zone);
            var end = a.end().atZone(zone);
            first = Math.min(first, start.getHour() * 60 + start.getMinute());
            last = Math.max(
                    last,
                    end.toLocalDate().isAfter(start.toLocalDate()) ? 24 * 60 : end.getHour() * 60 + end.getMinute());
        }
        if (first == Integer.MAX_VALUE) {
            return new int[] {8 * 60, 18 * 60};
        }
        int start = first / 60 * 60;
        int end = Math.min(24 * 60, ceilDiv(last, 60) * 60);
        return new int[] {start, Math.max(end, start + 60)};
    }

    private static int rowOf(int minute, int gridStart) {
        return (minute - gridStart) / ROW_MINUTES + 2;
    }

    private static int ceilDiv(int a, int b) {
        return Math.floorDiv(a + b - 1, b);
    }

    private static LocalDate localDate(Instant start, ZoneId zone, Instant weekStart) {
        return (start.isBefore(weekStart) ? weekStart : start).atZone(zone).toLocalDate();
    }

    /** Staff names by employee id, read once, only when an appointment of the week has a staff member. */
    private Map<String, String> staffNames(Business business, List<Appointment> appointments, Instant now) {
        if (appointments.stream().allMatch(a -> a.staffId() == null)) {
            return Map.of();
        }
        return directory.staff(business.id(), now).employees().stream()
                .collect(Collectors.toMap(e -> e.id().toString(), Directory.StaffMember::name, (a, b) -> a));
    }

    private static String title(LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        return DAY_OF_MONTH.format(monday) + " – " + TITLE.format(sunday);
    }

    /** The Monday of the week that holds {@code instant} in the zone, as an ISO date. */
    static String mondayOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .toString();
    }

    static String mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    }

    /** A date read from a request parameter (years 1 to 9999); empty when missing or unreadable. */
    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip())).filter(d -> d.getYear() >= 1 && d.getYear() <= 9999);
        } catch (DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
