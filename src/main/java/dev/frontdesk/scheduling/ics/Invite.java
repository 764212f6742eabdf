package dev.frontdesk.scheduling.ics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One appointment as a calendar event.
 *
 * <p>iCalendar times have whole-second precision, so {@code start} and {@code end} are compared (and
 * written) truncated to the second.
 *
 * @param uid stable for the life of the appointment, e.g. {@code <appointment-id>@frontdesk.dev}
 * @param sequence revision number; must grow with every reschedule or cancellation of the same uid
 * @param summary the event title
 * @param description free text, or {@code null}
 * @param start when it starts
 * @param end when it ends, after {@code start}
 * @param zone the business's zone; informational only, as times are written in UTC. May be {@code null}
 * @param organizerName display name of the organizer (the business), or {@code null}
 * @param organizerEmail the organizer's address, or {@code null} when unknown
 * @param attendeeName display name of the attendee (the customer), or {@code null}
 * @param attendeeEmail the attendee's address, or {@code null} when unknown
 * @param location where, or {@code null}
 */
public record Invite(
        String uid,
        int sequence,
        String summary,
        String description,
        Instant start,
        Instant end,
        ZoneId zone,
        String organizerName,
        String organizerEmail,
        String attendeeName,
        String attendeeEmail,
        String location) {

    public Invite {
        require(uid != null && !uid.isBlank(), "uid is required");
        require(uid.chars().noneMatch(Character::isISOControl), "uid must not contain control characters");
        require(sequence >= 0, "sequence must not be negative");
        require(summary != null, "summary is required");
        require(start != null, "start is required");
        require(end != null, "end is required");
        require(
                end.truncatedTo(ChronoUnit.SECONDS).isAfter(start.truncatedTo(ChronoUnit.SECONDS)),
                "end must be after start");
        require(organizerEmail == null || Addresses.isPlausible(organizerEmail), "organizerEmail is not an address");
        require(attendeeEmail == null || Addresses.isPlausible(attendeeEmail), "attendeeEmail is not an address");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
