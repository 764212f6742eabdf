package dev.frontdesk.scheduling.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A business owner's own calendar at a provider: its busy times count against availability, and booked
 * appointments are mirrored into it as events.
 *
 * <p>Every method throws {@link CalendarUnavailable} when trying again later may help (provider
 * errors, rate limits, I/O errors, timeouts), {@link CalendarAccessDenied} when the owner has to
 * re-authorise, and {@link CalendarRequestRejected} when the provider refused the request itself.
 */
public interface ExternalCalendar {

    /** The busy intervals between {@code from} (inclusive) and {@code to} (exclusive). */
    List<BusyInterval> busy(Instant from, Instant to);

    /** Creates an event and returns the provider's id for it. */
    String createEvent(CalendarEvent event);

    /** Replaces the event's time, texts and attendee with those of {@code event}. */
    void updateEvent(String eventId, CalendarEvent event);

    /** Deletes the event; an event that is already gone is not an error. */
    void deleteEvent(String eventId);
}
