package dev.frontdesk.scheduling.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Busy time, indexed once for fast look-ups: per staff member (their own items plus the business-wide
 * ones), business-wide only, and everything, each sorted by start with binary-searchable arrays.
 * Immutable and safe to share between threads.
 */
public final class BusyIndex {

    private static final BusyIndex EMPTY = new BusyIndex(List.of());

    private final int size;
    private final Map<String, Timeline> byStaff;
    private final Timeline businessWide;
    private final Timeline everything;
    private final Intervals appointments;

    private BusyIndex(Collection<Busy> busy) {
        List<Busy> shared = new ArrayList<>();
        Map<String, List<Busy>> own = new HashMap<>();
        List<Busy> appointmentList = new ArrayList<>();
        for (Busy item : busy) {
            Objects.requireNonNull(item, "busy item");
            if (item.staffId() == null) {
                shared.add(item);
            } else {
                own.computeIfAbsent(item.staffId(), id -> new ArrayList<>()).add(item);
            }
            if (item.appointment()) {
                appointmentList.add(item);
            }
        }
        Map<String, Timeline> staff = new HashMap<>();
        own.forEach((id, items) -> {
            items.addAll(shared);
            staff.put(id, Timeline.of(items));
        });
        this.size = busy.size();
        this.byStaff = Map.copyOf(staff);
        this.businessWide = Timeline.of(shared);
        this.everything = Timeline.of(List.copyOf(busy));
        this.appointments = Intervals.of(appointmentList);
    }

    public static BusyIndex of(Collection<Busy> busy) {
        return busy.isEmpty() ? EMPTY : new BusyIndex(busy);
    }

    public static BusyIndex empty() {
        return EMPTY;
    }

    /** How many busy items the index holds. */
    public int size() {
        return size;
    }

    /** Every item overlapping {@code [from, to)}, whoever it belongs to, in start order. */
    public List<Busy> overlapping(Instant from, Instant to) {
        return collect(everything, from, to);
    }

    /**
     * The items that block one staff member during {@code [from, to)}: their own and the business-wide
     * ones, appointments first, each group in start order.
     */
    public List<Busy> overlapping(String staffId, Instant from, Instant to) {
        return collect(timeline(staffId), from, to);
    }

    /** How many appointments (all staff, and business-wide) start on a local date in a zone. */
    public int appointmentsStartingOn(LocalDate date, ZoneId zone) {
        long from = Times.floorMillis(date.atStartOfDay(zone).toInstant());
        long to = Times.floorMillis(date.plusDays(1).atStartOfDay(zone).toInstant());
        return appointments.countStartingIn(from, to);
    }

    /** What blocks a staff member: their own items and the business-wide ones. */
    Timeline timeline(String staffId) {
        Objects.requireNonNull(staffId, "staffId");
        return byStaff.getOrDefault(staffId, businessWide);
    }

    /** What blocks a business without staff: everything. */
    Timeline everything() {
        return everything;
    }

    private static List<Busy> collect(Timeline timeline, Instant from, Instant to) {
        List<Busy> out = new ArrayList<>();
        long start = Times.floorMillis(from);
        long end = Times.ceilMillis(to);
        timeline.appointments.collect(start, end, out);
        timeline.external.collect(start, end, out);
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "BusyIndex[" + size + " items]";
    }
}
