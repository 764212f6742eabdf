package dev.frontdesk.scheduling.availability;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that occupies time, as the half-open interval {@code [start, end)}.
 *
 * @param staffId the staff member it belongs to, or {@code null} when it blocks the whole business
 *     (every staff member)
 * @param appointment {@code true} for our own bookings: they count toward the daily cap and get the
 *     buffers on both sides; {@code false} for external calendar busy time, which has no buffers of
 *     its own and is not counted
 */
public record Busy(Instant start, Instant end, String staffId, boolean appointment) {

    public Busy {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    /** One of our own appointments. */
    public static Busy appointment(Instant start, Instant end, String staffId) {
        return new Busy(start, end, staffId, true);
    }

    /** External calendar busy time. */
    public static Busy external(Instant start, Instant end, String staffId) {
        return new Busy(start, end, staffId, false);
    }
}
