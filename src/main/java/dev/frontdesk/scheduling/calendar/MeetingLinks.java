package dev.frontdesk.scheduling.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Video meetings for remote appointments. Failures are reported like an {@link ExternalCalendar}'s:
 * {@link CalendarUnavailable} (retry later), {@link CalendarAccessDenied} (re-authorise) or {@link
 * CalendarRequestRejected}.
 */
public interface MeetingLinks {

    /** Schedules a meeting; {@code zone} is the business's time zone, shown to participants. */
    Meeting create(String topic, Instant start, Duration duration, ZoneId zone);

    /** Deletes a meeting; one that no longer exists is not an error. */
    void delete(String meetingId);
}
