package dev.frontdesk.scheduling.availability;

import dev.frontdesk.tenants.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One query, prepared: times in epoch milliseconds, hours normalized, the eligible staff resolved. */
final class Search {

    /** {@link #evaluate} result: nobody eligible works then. */
    static final int OUTSIDE_HOURS = -2;
    /** {@link #evaluate} result: within hours, but everyone eligible is busy. */
    static final int TAKEN = -1;

    final AvailabilityQuery query;
    final ZoneId zone;
    final LocalDate today;
    final LocalDate lastDate;
    /** The start of the day after the horizon: every start at or after it is beyond the horizon. */
    final Instant horizonEnd;

    final boolean emergency;
    /** The earliest start a slot may have: now, plus the minimum notice unless an emergency. */
    final long earliest;

    private final long duration;
    private final long granularity;
    private final long bufferBefore;
    private final long bufferAfter;
    private final Map<DayOfWeek, List<TimeRange>> businessHours = new EnumMap<>(DayOfWeek.class);
    /** The staff who may take the booking, in list order; empty when the business has no staff. */
    private final StaffMember[] eligible;
    /**
     * Per eligible staff member and day of week ({@code ordinal}), their own hours, normalized; {@code null}
     * when they keep the business hours.
     */
    private final List<TimeRange>[][] staffHours;

    private final Timeline[] timelines;
    private final Timeline everything;

    @SuppressWarnings("unchecked")
    Search(AvailabilityQuery q) {
        this.query = q;
        this.zone = q.zone();
        this.today = LocalDate.ofInstant(q.now(), zone);
        this.lastDate = today.plusDays(q.horizonDays());
        this.horizonEnd = lastDate.plusDays(1).atStartOfDay(zone).toInstant();
        this.emergency = q.emergency();
        long now = Times.ceilMillis(q.now());
        this.earliest = emergency ? now : Math.max(now, Times.ceilMillis(q.now().plus(q.minimumNotice())));
        this.duration = q.duration().toMillis();
        this.granularity = q.granularity().toMillis();
        this.bufferBefore = q.bufferBefore().toMillis();
        this.bufferAfter = q.bufferAfter().toMillis();
        for (DayOfWeek day : DayOfWeek.values()) {
            businessHours.put(day, Times.normalize(q.hours().on(day)));
        }
        this.eligible = q.staff().stream()
                .filter(m ->
                        q.requestedStaffId() == null || q.requestedStaffId().equals(m.id()))
                .toArray(StaffMember[]::new);
        this.staffHours = new List[eligible.length][];
        this.timelines = new Timeline[eligible.length];
        for (int i = 0; i < eligible.length; i++) {
            StaffMember member = eligible[i];
            timelines[i] = q.busy().timeline(member.id());
            staffHours[i] = new List[7];
            for (DayOfWeek day : DayOfWeek.values()) {
                staffHours[i][day.ordinal()] = member.hours() == null
                        ? null
                        : Times.normalize(member.hours().on(day));
            }
        }
        this.everything = q.busy().everything();
    }

    boolean closed(LocalDate date) {
        return query.closedDates().contains(date);
    }

    /** The local date of an instant, clamped to just outside [today, lastDate] for far-away instants. */
    LocalDate localDate(Instant instant) {
        if (!instant.isBefore(horizonEnd)) {
            return lastDate.plusDays(1);
        }
        if (instant.isBefore(query.now())) {
            Instant dayBefore = today.atStartOfDay(zone).toInstant().minusSeconds(86_400);
            if (instant.isBefore(dayBefore)) {
                return today.minusDays(1);
            }
        }
        return LocalDate.ofInstant(instant, zone);
    }

    /** One date's opening ranges as instants, and the rules that apply to the whole day. */
    final class Day {
        final LocalDate date;
        /**
         * Ranges of the business as {@code [start0, end0, start1, end1, ...]}. A range that runs to
         * midnight continues into the next day's range that starts at midnight (a 24-hour business can
         * take a booking that crosses midnight); starts stay within the date itself.
         */
        final long[] business;
        /** The first instant of the next date: candidate starts of this date lie before it. */
        final long dayEnd;
        /**
         * Ranges per eligible staff member, same layout: their own hours intersected with the business's,
         * as instants; one shared array for everyone on business hours.
         */
        final long[][] staff;
        /** Starts before this are reserved for emergencies ({@code Long.MIN_VALUE} without a reserve). */
        final long reserveCutoff;

        final boolean capReached;

        Day(LocalDate date) {
            this.date = date;
            DayOfWeek dayOfWeek = date.getDayOfWeek();
            List<TimeRange> businessRanges = businessHours.get(dayOfWeek);
            this.dayEnd = Times.floorMillis(date.plusDays(1).atStartOfDay(zone).toInstant());
            this.business = continuedPastMidnight(Times.toInstants(businessRanges, date, zone), date);
            this.staff = new long[eligible.length][];
            for (int i = 0; i < eligible.length; i++) {
                List<TimeRange> own = staffHours[i][dayOfWeek.ordinal()];
                staff[i] = own == null ? business : Times.intersect(business, Times.toInstants(own, date, zone));
            }
            MorningReserve reserve = query.morningReserve();
            this.reserveCutoff =
                    reserve == null ? Long.MIN_VALUE : Times.ceilMillis(Times.instantOf(date, reserve.cutoff(), zone));
            Integer cap = query.maxJobsPerDay();
            this.capReached = cap != null && query.busy().appointmentsStartingOn(date, zone) >= cap;
        }

        private long[] continuedPastMidnight(long[] ranges, LocalDate date) {
            LocalDate next = date.plusDays(1);
            if (ranges.length == 0 || ranges[ranges.length - 1] != dayEnd || closed(next)) {
                return ranges;
            }
            long[] following = Times.toInstants(businessHours.get(next.getDayOfWeek()), next, zone);
            if (following.length == 0 || following[0] != dayEnd) {
                return ranges;
            }
            long[] continued = ranges.clone();
            continued[continued.length - 1] = following[1];
            return continued;
        }

        /** Candidate starts: each range's grid, merged across staff, ascending and distinct. */
        long[] candidates() {
            if (eligible.length == 0) {
                return grid(List.of(business));
            }
            List<long[]> distinct = new ArrayList<>(2);
            for (long[] ranges : staff) {
                boolean seen = false;
                for (long[] other : distinct) {
                    if (other == ranges || Arrays.equals(other, ranges)) {
                        seen = true;
                        break;
                    }
                }
                if (!seen) {
                    distinct.add(ranges);
                }
            }
            return grid(distinct);
        }

        private long[] grid(List<long[]> rangeSets) {
            int count = 0;
            for (long[] ranges : rangeSets) {
                for (int k = 0; k < ranges.length; k += 2) {
                    long span = ranges[k + 1] - ranges[k] - duration;
                    if (span >= 0) {
                        count += (int)
                                (span / granularity + 1); // at most 1,501: ranges are within a day, steps >= 1 min
                    }
                }
            }
            long[] starts = new long[count];
            int n = 0;
            for (long[] ranges : rangeSets) {
                for (int k = 0; k < ranges.length; k += 2) {
                    long last = ranges[k + 1] - duration;
                    for (long s = ranges[k]; s <= last && s < dayEnd; s += granularity) {
                        starts[n++] = s;
                    }
                }
            }
            if (n < starts.length) {
                starts = Arrays.copyOf(starts, n);
            }
            if (rangeSets.size() <= 1 && strictlyAscending(starts)) {
                return starts; // the usual case: one normalized set of ranges is ascending and distinct
            }
            // several staff members' grids, or ranges whose ends fell in a DST gap and now overlap
            Arrays.sort(starts, 0, n);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (distinct == 0 || starts[i] != starts[distinct - 1]) {
                    starts[distinct++] = starts[i];
                }
            }
            return Arrays.copyOf(starts, distinct);
        }

        private static boolean strictlyAscending(long[] starts) {
            for (int i = 1; i < starts.length; i++) {
                if (starts[i] <= starts[i - 1]) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Who can take a booking starting in {@code [startLow, startHigh]} (the same instant, or its
         * millisecond floor and ceiling): the index of the first eligible staff member who works then and
         * is not busy (0 without staff), {@link #TAKEN} or {@link #OUTSIDE_HOURS}.
         */
        int evaluate(long startLow, long startHigh) {
            long end = startHigh + duration;
            if (eligible.length == 0) {
                if (!within(business, startLow, end)) {
                    return OUTSIDE_HOURS;
                }
                return everything.conflicts(startLow, end, bufferBefore, bufferAfter) ? TAKEN : 0;
            }
            boolean working = false;
            for (int i = 0; i < eligible.length; i++) {
                if (within(staff[i], startLow, end)) {
                    working = true;
                    if (!timelines[i].conflicts(startLow, end, bufferBefore, bufferAfter)) {
                        return i;
                    }
                }
            }
            return working ? TAKEN : OUTSIDE_HOURS;
        }

        /** The free slots of the day, in order, to {@code out}. */
        void freeSlots(Consumer<Slot> out) {
            if (!emergency && capReached) {
                return;
            }
            long floor = emergency ? earliest : Math.max(earliest, reserveCutoff);
            for (long start : candidates()) {
                if (start < floor) {
                    continue;
                }
                int who = evaluate(start, start);
                if (who >= 0) {
                    out.accept(slot(start, who));
                }
            }
        }

        Slot slot(long start, int who) {
            return new Slot(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + duration), staffId(who));
        }
    }

    String staffId(int who) {
        return eligible.length == 0 ? null : eligible[who].id();
    }

    /** The plan of a date within [today, lastDate] that is not closed. */
    Day day(LocalDate date) {
        return new Day(date);
    }

    /** Free slots of the dates from..to (clamped to today..lastDate), in order. */
    void freeSlots(LocalDate from, LocalDate toInclusive, Consumer<Slot> out) {
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = toInclusive.isAfter(lastDate) ? lastDate : toInclusive;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!closed(date)) {
                day(date).freeSlots(out);
            }
        }
    }

    private static boolean within(long[] ranges, long start, long end) {
        for (int k = 0; k < ranges.length; k += 2) {
            if (ranges[k] <= start && end <= ranges[k + 1]) {
                return true;
            }
        }
        return false;
    }
}
