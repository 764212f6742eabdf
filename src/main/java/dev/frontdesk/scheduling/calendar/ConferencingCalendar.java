package dev.frontdesk.scheduling.calendar;

/**
 * An {@link ExternalCalendar} whose events can carry their own video meeting (Google Calendar with Google
 * Meet): the event is the meeting, so one appointment has one event and one link. Failures are reported
 * as an {@link ExternalCalendar}'s are; a conference the provider could not create is an event whose
 * conference {@link ConferenceEvent#failed() failed}, not an exception (the event exists).
 */
public interface ConferencingCalendar extends ExternalCalendar {

    /**
     * Creates an event with a new video meeting. {@code requestId} identifies the request for the meeting
     * (one per appointment). The provider may create the meeting later: then the answer is {@link
     * ConferenceEvent#pending() pending} and {@link #conference(String)} tells when the link exists.
     */
    ConferenceEvent createEventWithConference(CalendarEvent event, String requestId);

    /** The event's video meeting as the provider knows it now. */
    ConferenceEvent conference(String eventId);

    /**
     * An event and its video meeting: {@code joinUrl} is null while the provider is still creating the
     * meeting ({@code pending}) and when it could not create one ({@code failed}).
     */
    record ConferenceEvent(String eventId, String joinUrl, boolean pending) {

        public static ConferenceEvent ready(String eventId, String joinUrl) {
            return new ConferenceEvent(eventId, joinUrl, false);
        }

        public static ConferenceEvent pending(String eventId) {
            return new ConferenceEvent(eventId, null, true);
        }

        public static ConferenceEvent failed(String eventId) {
            return new ConferenceEvent(eventId, null, false);
        }

        public boolean failed() {
            return !pending && joinUrl == null;
        }
    }
}
