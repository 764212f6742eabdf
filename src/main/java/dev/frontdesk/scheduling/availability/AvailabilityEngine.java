package dev.frontdesk.scheduling.availability;

import dev.frontdesk.scheduling.availability.Verdict.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds free slots and checks bookings against opening hours, staff hours, busy time with buffers,
 * minimum notice, the booking horizon, closed dates, the daily cap and the morning reserve. Stateless and
 * thread-safe.
 *
 * <p>Candidate starts run from each opening range's start instant in steps of the granularity (real
 * elapsed time, so DST days have more or fewer candidates); a slot must end by the range's end instant.
 */
public final class AvailabilityEngine {

    /** Free slots on one local date. */
    public List<Slot> freeSlots(AvailabilityQuery q, LocalDate date) {
        return freeSlots(q, date, date);
    }

    /**
     * Free slots on the local dates {@code from..toInclusive} (limited to today..the horizon), in
     * chronological order, one per distinct start, each with the first free eligible staff member in list
     * order.
     */
    public List<Slot> freeSlots(AvailabilityQuery q, LocalDate from, LocalDate toInclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "toInclusive");
        List<Slot> slots = new ArrayList<>();
        new Search(q).freeSlots(from, toInclusive, slots::add);
        return slots;
    }

    /**
     * Whether a booking can start at exactly {@code start} (on the grid or not). Reasons are checked in the
     * order TOO_SOON, BEYOND_HORIZON, CLOSED, OUTSIDE_HOURS, RESERVED_FOR_EMERGENCIES, DAY_FULL, TAKEN.
     */
    public Verdict check(AvailabilityQuery q, Instant start) {
        Objects.requireNonNull(start, "start");
        Search search = new Search(q);
        if (start.isBefore(q.now()) || (!q.emergency() && start.isBefore(q.now().plus(q.minimumNotice())))) {
            return Verdict.of(Reason.TOO_SOON);
        }
        LocalDate date = search.localDate(start);
        if (date.isAfter(search.lastDate)) {
            return Verdict.of(Reason.BEYOND_HORIZON);
        }
        if (search.closed(date)) {
            return Verdict.of(Reason.CLOSED);
        }
        Search.Day day = search.day(date);
        long low = Times.floorMillis(start);
        int who = day.evaluate(low, Times.ceilMillis(start));
        if (who == Search.OUTSIDE_HOURS) {
            return Verdict.of(Reason.OUTSIDE_HOURS);
        }
        if (!q.emergency() && low < day.reserveCutoff) {
            return Verdict.of(Reason.RESERVED_FOR_EMERGENCIES);
        }
        if (!q.emergency() && day.capReached) {
            return Verdict.of(Reason.DAY_FULL);
        }
        if (who == Search.TAKEN) {
            return Verdict.of(Reason.TAKEN);
        }
        return Verdict.free(search.staffId(who));
    }

    /**
     * Up to {@code count} free slots near {@code requested}, never starting at it: first the same local
     * day's, nearest first (ties: the earlier), then the following days' in chronological order, up to the
     * horizon.
     */
    public List<Slot> alternatives(AvailabilityQuery q, Instant requested, int count) {
        Objects.requireNonNull(requested, "requested");
        if (count <= 0) {
            return List.of();
        }
        Search search = new Search(q);
        LocalDate date = search.localDate(requested);
        List<Slot> result = new ArrayList<>(count);
        if (!date.isBefore(search.today) && !date.isAfter(search.lastDate) && !search.closed(date)) {
            List<Slot> sameDay = new ArrayList<>();
            search.day(date).freeSlots(slot -> {
                if (!slot.start().equals(requested)) {
                    sameDay.add(slot);
                }
            });
            sameDay.sort(Comparator.comparing((Slot slot) ->
                            java.time.Duration.between(requested, slot.start()).abs())
                    .thenComparing(Slot::start));
            result.addAll(sameDay.subList(0, Math.min(count, sameDay.size())));
        }
        LocalDate next = date.plusDays(1).isBefore(search.today) ? search.today : date.plusDays(1);
        for (LocalDate d = next; result.size() < count && !d.isAfter(search.lastDate); d = d.plusDays(1)) {
            if (search.closed(d)) {
                continue;
            }
            List<Slot> daySlots = new ArrayList<>();
            search.day(d).freeSlots(daySlots::add);
            for (Slot slot : daySlots) {
                if (result.size() < count && !slot.start().equals(requested)) {
                    result.add(slot);
                }
            }
        }
        return List.copyOf(result);
    }
}
