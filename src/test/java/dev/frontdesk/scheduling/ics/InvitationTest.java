package dev.frontdesk.scheduling.ics;

import static dev.frontdesk.scheduling.ics.Examples.INVITES;
import static dev.frontdesk.scheduling.ics.Examples.NOW;
import static dev.frontdesk.scheduling.ics.Examples.haircut;
import static dev.frontdesk.scheduling.ics.Examples.instant;
import static dev.frontdesk.scheduling.ics.Examples.newYork;
import static dev.frontdesk.scheduling.ics.Examples.onlyEvent;
import static dev.frontdesk.scheduling.ics.Examples.parameter;
import static dev.frontdesk.scheduling.ics.Examples.parse;
import static dev.frontdesk.scheduling.ics.Examples.value;
import static dev.frontdesk.scheduling.ics.Examples.withText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Organizer;
import org.junit.jupiter.api.Test;

/** {@link Invites#request}: the invitation mailed to a customer. */
class InvitationTest {

    @Test
    void anInvitationIsARequestForOneConfirmedEvent() throws Exception {
        var calendar = parse(INVITES.request(haircut()));

        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Frontdesk//Frontdesk//EN");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.CALSCALE)).isEqualTo("GREGORIAN");

        var event = onlyEvent(calendar);
        assertThat(value(event, Property.UID)).isEqualTo("appt-42@frontdesk.dev");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Haircut with Alex");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Booked by phone with Frontdesk.");
        assertThat(value(event, Property.LOCATION)).isEqualTo("12 Main St, Springfield");
        assertThat(instant(event, Property.DTSTART)).isEqualTo(Instant.parse("2026-03-10T14:00:00Z"));
        assertThat(instant(event, Property.DTEND)).isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
    }

    @Test
    void theInvitationIsValidICalendarAndITip() throws Exception {
        assertThat(parse(INVITES.request(haircut())).validate().getEntries()).isEmpty();
    }

    @Test
    void theTimestampComesFromTheClockInUtc() {
        var ics = INVITES.request(haircut());

        assertThat(instant(onlyEvent(parse(ics)), Property.DTSTAMP)).isEqualTo(NOW);
        assertThat(ics).contains("\r\nDTSTAMP:20260301T120000Z\r\n");
    }

    @Test
    void theOrganizerIsTheBusinessAndTheAttendeeTheCustomerWhoNeedNotReply() {
        var event = onlyEvent(parse(INVITES.request(haircut())));

        Organizer organizer = event.getRequiredProperty(Property.ORGANIZER);
        assertThat(organizer.getValue()).isEqualTo("mailto:hello@bella.example");
        assertThat(parameter(organizer, "CN")).isEqualTo("Bella's Salon");

        Attendee attendee = event.getRequiredProperty(Property.ATTENDEE);
        assertThat(attendee.getValue()).isEqualTo("mailto:maria@example.com");
        assertThat(parameter(attendee, "CN")).isEqualTo("Maria Núñez");
        assertThat(parameter(attendee, "ROLE")).isEqualTo("REQ-PARTICIPANT");
        assertThat(parameter(attendee, "PARTSTAT")).isEqualTo("NEEDS-ACTION");
        assertThat(parameter(attendee, "RSVP")).isEqualTo("FALSE");
    }

    @Test
    void commasSemicolonsBackslashesAndNewlinesInTextSurviveTheRoundTrip() throws Exception {
        var summary = "Cut, colour; blow-dry \\ style";
        var description = "Line one,\nline two; still\r\nline three\rand four";
        var location = "Suite 3; 12 Main St, Springfield";
        var ics = INVITES.request(withText(haircut(), summary, description, location));

        assertThat(ics).contains("SUMMARY:Cut\\, colour\\; blow-dry \\\\ style\r\n");
        var calendar = parse(ics);
        var event = onlyEvent(calendar);
        assertThat(value(event, Property.SUMMARY)).isEqualTo(summary);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Line one,\nline two; still\nline three\nand four");
        assertThat(value(event, Property.LOCATION)).isEqualTo(location);
        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void namesWithQuotesCommasAndColonsStayOneParameter() {
        var invite = new Invite(
                "appt-1@frontdesk.dev",
                0,
                "Consultation",
                null,
                newYork("2026-03-10T10:00"),
                newYork("2026-03-10T10:30"),
                null,
                "Dr. \"Doc\" Brown, DDS: Family Dentistry",
                "office@brown.example",
                "O'Neil;\nPat",
                "pat@example.com",
                null);
        var event = onlyEvent(parse(INVITES.request(invite)));

        Organizer organizer = event.getRequiredProperty(Property.ORGANIZER);
        assertThat(parameter(organizer, "CN")).isEqualTo("Dr. 'Doc' Brown, DDS: Family Dentistry");
        assertThat(organizer.getValue()).isEqualTo("mailto:office@brown.example");
        Attendee attendee = event.getRequiredProperty(Property.ATTENDEE);
        assertThat(parameter(attendee, "CN")).isEqualTo("O'Neil; Pat");
        assertThat(attendee.getValue()).isEqualTo("mailto:pat@example.com");
    }

    @Test
    void missingDescriptionLocationAndNamesAreLeftOut() throws Exception {
        var invite = new Invite(
                "appt-2@frontdesk.dev",
                3,
                "Check-up",
                null,
                newYork("2026-03-10T10:00"),
                newYork("2026-03-10T10:30"),
                null,
                null,
                "office@clinic.example",
                null,
                "pat@example.com",
                null);
        var ics = INVITES.request(invite);

        assertThat(ics).doesNotContain("DESCRIPTION").doesNotContain("LOCATION").doesNotContain("CN=");
        assertThat(ics).contains("\r\nORGANIZER:mailto:office@clinic.example\r\n");
        var calendar = parse(ics);
        assertThat(value(onlyEvent(calendar), Property.SEQUENCE)).isEqualTo("3");
        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void startAndEndAreWrittenInUtcAcrossTheSpringForwardChange() {
        // 2026-03-08 is the day New York moves from EST (-05:00) to EDT (-04:00) at 02:00
        var invite = new Invite(
                "appt-3@frontdesk.dev",
                0,
                "Morning appointment",
                null,
                newYork("2026-03-08T10:00"),
                newYork("2026-03-08T11:00"),
                Examples.NEW_YORK,
                null,
                "hello@bella.example",
                null,
                "maria@example.com",
                null);
        var ics = INVITES.request(invite);

        assertThat(ics).contains("\r\nDTSTART:20260308T140000Z\r\n").contains("\r\nDTEND:20260308T150000Z\r\n");
        assertThat(ics).doesNotContain("TZID").doesNotContain("VTIMEZONE");
        var event = onlyEvent(parse(ics));
        assertThat(instant(event, Property.DTSTART)).isEqualTo(Instant.parse("2026-03-08T14:00:00Z"));
    }

    @Test
    void theDayBeforeTheChangeIsStillFiveHoursBehindUtc() {
        var invite = Examples.rescheduled(haircut(), newYork("2026-03-07T10:00"), newYork("2026-03-07T11:00"));

        assertThat(INVITES.request(invite)).contains("\r\nDTSTART:20260307T150000Z\r\n");
    }
}
