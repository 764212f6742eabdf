package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.calendar.BusyInterval;
import dev.frontdesk.scheduling.calendar.CalendarEvent;
import dev.frontdesk.scheduling.calendar.CalendarUnavailable;
import dev.frontdesk.scheduling.calendar.ConferencingCalendar;
import dev.frontdesk.scheduling.calendar.Meeting;
import dev.frontdesk.scheduling.calendar.MeetingLinks;
import dev.frontdesk.shared.Breakers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * A business's Google Calendar (with its Google Meet conferences) and Zoom behind circuit breakers of their own: while a provider keeps
 * failing (outages, timeouts; not refused credentials, which are the owner's to fix), calls fail at once
 * as {@link CalendarUnavailable}, so availability falls back to the internal calendar without waiting
 * and the sync job retries later.
 */
final class GuardedProviders {

    private GuardedProviders() {}

    private static <T> T guarded(Breakers breakers, String name, Supplier<T> call) {
        try {
            return breakers.call(name, failure -> failure instanceof CalendarUnavailable, call);
        } catch (Breakers.Open open) {
            throw new CalendarUnavailable(open.getMessage(), open);
        }
    }

    record Calendar(ConferencingCalendar calendar, Breakers breakers, String name) implements ConferencingCalendar {
        @Override
        public List<BusyInterval> busy(Instant from, Instant to) {
            return guarded(breakers, name, () -> calendar.busy(from, to));
        }

        @Override
        public String createEvent(CalendarEvent event) {
            return guarded(breakers, name, () -> calendar.createEvent(event));
        }

        @Override
        public ConferenceEvent createEventWithConference(CalendarEvent event, String requestId) {
            return guarded(breakers, name, () -> calendar.createEventWithConference(event, requestId));
        }

        @Override
        public ConferenceEvent conference(String eventId) {
            return guarded(breakers, name, () -> calendar.conference(eventId));
        }

        @Override
        public void updateEvent(String eventId, CalendarEvent event) {
            guarded(breakers, name, () -> {
                calendar.updateEvent(eventId, event);
                return null;
            });
        }

        @Override
        public void deleteEvent(String eventId) {
            guarded(breakers, name, () -> {
                calendar.deleteEvent(eventId);
                return null;
            });
        }
    }

    record Meetings(MeetingLinks meetings, Breakers breakers, String name) implements MeetingLinks {
        @Override
        public Meeting create(String topic, Instant start, Duration duration, ZoneId zone) {
            return guarded(breakers, name, () -> meetings.create(topic, start, duration, zone));
        }

        @Override
        public void delete(String meetingId) {
            guarded(breakers, name, () -> {
                meetings.delete(meetingId);
                return null;
            });
        }
    }
}
