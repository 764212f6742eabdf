package dev.frontdesk.scheduling.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An appointment as an event in an external calendar. {@code zone} is the business's time zone;
 * {@code description}, {@code attendeeName}, {@code attendeeEmail} and {@code location} may be null.
 * The customer is invited as an attendee only when they have an email address.
 */
public record CalendarEvent(
        String summary,
        String description,
        Instant start,
        Instant end,
        ZoneId zone,
        String attendeeName,
        String attendeeEmail,
        String location) {

    public CalendarEvent {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an event must end after it starts");
        }
    }

    /** Whether the customer is to be invited. */
    public boolean hasAttendee() {
        return attendeeEmail != null && !attendeeEmail.isBlank();
    }
}
