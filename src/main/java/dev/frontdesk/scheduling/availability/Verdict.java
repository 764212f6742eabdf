package dev.frontdesk.scheduling.availability;

import java.util.Objects;

/**
 * Whether a booking at a given start is possible, and why not.
 *
 * @param staffId the staff member who would take it when {@link Reason#FREE} and the business has staff;
 *     otherwise {@code null}
 */
public record Verdict(Reason reason, String staffId) {

    public enum Reason {
        /** Bookable. */
        FREE,
        /** Within hours, but every eligible staff member (or the business) is busy then. */
        TAKEN,
        /** The day has reached its cap of jobs. */
        DAY_FULL,
        /** Not within opening hours (for staff: no eligible staff member works then). */
        OUTSIDE_HOURS,
        /** The business is closed that date. */
        CLOSED,
        /** In the past, or sooner than the minimum notice. */
        TOO_SOON,
        /** Beyond the booking horizon. */
        BEYOND_HORIZON,
        /** Before the morning reserve's cutoff, which only emergencies may book. */
        RESERVED_FOR_EMERGENCIES;

        /** TAKEN and DAY_FULL are conflicts with existing bookings; the others are invalid requests. */
        public boolean isConflict() {
            return this == TAKEN || this == DAY_FULL;
        }
    }

    public Verdict {
        Objects.requireNonNull(reason, "reason");
        if (reason != Reason.FREE && staffId != null) {
            throw new IllegalArgumentException("only a free verdict names a staff member");
        }
    }

    static Verdict free(String staffId) {
        return new Verdict(Reason.FREE, staffId);
    }

    static Verdict of(Reason reason) {
        return new Verdict(reason, null);
    }

    public boolean isFree() {
        return reason == Reason.FREE;
    }
}
