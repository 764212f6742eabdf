package dev.frontdesk.scheduling.availability;

import java.util.List;

/** The busy items that block one calendar: appointments and external busy time, kept apart. */
final class Timeline {

    static final Timeline EMPTY = new Timeline(Intervals.EMPTY, Intervals.EMPTY);

    final Intervals appointments;
    final Intervals external;

    private Timeline(Intervals appointments, Intervals external) {
        this.appointments = appointments;
        this.external = external;
    }

    static Timeline of(List<Busy> busy) {
        if (busy.isEmpty()) {
            return EMPTY;
        }
        return new Timeline(
                Intervals.of(busy.stream().filter(Busy::appointment).toList()),
                Intervals.of(busy.stream().filter(b -> !b.appointment()).toList()));
    }

    /**
     * Whether a booking {@code [start, end)} conflicts. With the buffers {@code before} and {@code after},
     * the booking occupies {@code [start - before, end + after)}; an appointment {@code [bs, be)} occupies
     * {@code [bs - before, be + after)}, which overlaps the booking exactly when {@code [bs, be)} overlaps
     * {@code [start - before - after, end + after + before)}; external busy time occupies just itself.
     */
    boolean conflicts(long start, long end, long before, long after) {
        long both = before + after;
        return appointments.overlaps(start - both, end + both) || external.overlaps(start - before, end + after);
    }
}
