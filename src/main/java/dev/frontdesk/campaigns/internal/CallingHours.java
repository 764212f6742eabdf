package dev.frontdesk.campaigns.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a lead may be called: inside the campaign's window and, whatever the window says, only between
 * 08:00 and 21:00, both in the lead's local time (daylight saving included). A call is placed at or after
 * the start and before the end.
 */
record CallingHours(LocalTime start, LocalTime end) {

    /** The legal calling hours, in the lead's local time. */
    static final LocalTime EARLIEST = LocalTime.of(8, 0);

    static final LocalTime LATEST = LocalTime.of(21, 0);

    /** The start of the hours calls are placed in: the window's start, not before 08:00. */
    LocalTime from() {
        return start.isBefore(EARLIEST) ? EARLIEST : start;
    }

    /** The end of the hours calls are placed in: the window's end, not after 21:00. */
    LocalTime to() {
        return end.isAfter(LATEST) ? LATEST : end;
    }

    /** Whether the window leaves any time to call in (it overlaps 08:00-21:00). */
    boolean callable() {
        return from().isBefore(to());
    }

    /** Whether a lead in {@code zone} may be called at {@code now}. */
    boolean open(ZoneId zone, Instant now) {
        LocalTime local = now.atZone(zone).toLocalTime();
        return callable() && !local.isBefore(from()) && local.isBefore(to());
    }

    /** The first instant at or after {@code after} when a lead in {@code zone} may be called. */
    Instant nextOpening(ZoneId zone, Instant after) {
        if (open(zone, after)) {
            return after;
        }
        ZonedDateTime local = after.atZone(zone);
        var day = local.toLocalTime().isBefore(from())
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        for (int i = 0; i < 3; i++) {
            // on a day the clocks jump over the start, the opening is the first instant after the jump
            Instant opening = ZonedDateTime.of(day.plusDays(i), from(), zone).toInstant();
            if (open(zone, opening)) {
                return opening;
            }
        }
        return ZonedDateTime.of(day.plusDays(1), from(), zone).toInstant();
    }
}
