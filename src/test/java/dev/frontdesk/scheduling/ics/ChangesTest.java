package dev.frontdesk.scheduling.ics;

import static dev.frontdesk.scheduling.ics.Examples.INVITES;
import static dev.frontdesk.scheduling.ics.Examples.haircut;
import static dev.frontdesk.scheduling.ics.Examples.instant;
import static dev.frontdesk.scheduling.ics.Examples.newYork;
import static dev.frontdesk.scheduling.ics.Examples.onlyEvent;
import static dev.frontdesk.scheduling.ics.Examples.parse;
import static dev.frontdesk.scheduling.ics.Examples.rescheduled;
import static dev.frontdesk.scheduling.ics.Examples.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.Attendee;
import org.junit.jupiter.api.Test;

/** Reschedules and cancellations update the event the customer already has. */
class ChangesTest {

    @Test
    void aRescheduleKeepsTheUidWithAHigherSequenceAndTheNewTimes() {
        var original = onlyEvent(parse(INVITES.request(haircut())));
        var moved = onlyEvent(parse(
                INVITES.request(rescheduled(haircut(), newYork("2026-03-12T15:00"), newYork("2026-03-12T16:00")))));

        assertThat(value(moved, Property.UID)).isEqualTo(value(original, Property.UID));
        assertThat(Integer.parseInt(value(moved, Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(value(original, Property.SEQUENCE)));
        assertThat(instant(moved, Property.DTSTART)).isEqualTo(Instant.parse("2026-03-12T19:00:00Z"));
        assertThat(instant(moved, Property.DTEND)).isEqualTo(Instant.parse("2026-03-12T20:00:00Z"));
    }

    @Test
    void aCancellationKeepsTheUidAndCarriesTheGivenSequence() throws Exception {
        var cancelled = rescheduled(haircut(), haircut().start(), haircut().end());
        var calendar = parse(INVITES.cancel(cancelled));
        var event = onlyEvent(calendar);

        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(event, Property.UID)).isEqualTo("appt-42@frontdesk.dev");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(instant(event, Property.DTSTART)).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void aCancellationIsAddressedFromTheOrganizerToTheAttendee() {
        var event = onlyEvent(parse(INVITES.cancel(haircut())));

        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:hello@bella.example");
        Attendee attendee = event.getRequiredProperty(Property.ATTENDEE);
        assertThat(attendee.getValue()).isEqualTo("mailto:maria@example.com");
    }
}
