package dev.frontdesk.scheduling.ics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/** Invites to write and ways to read them back. */
final class Examples {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Invites INVITES = new Invites(Clock.fixed(NOW, ZoneOffset.UTC));

    private Examples() {}

    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    /** A one-hour haircut at Bella's on Tuesday 10 March 2026, 10:00 New York time. */
    static Invite haircut() {
        return new Invite(
                "appt-42@frontdesk.dev",
                0,
                "Haircut with Alex",
                "Booked by phone with Frontdesk.",
                newYork("2026-03-10T10:00"),
                newYork("2026-03-10T11:00"),
                NEW_YORK,
                "Bella's Salon",
                "hello@bella.example",
                "Maria Núñez",
                "maria@example.com",
                "12 Main St, Springfield");
    }

    static Invite rescheduled(Invite invite, Instant start, Instant end) {
        return new Invite(
                invite.uid(),
                invite.sequence() + 1,
                invite.summary(),
                invite.description(),
                start,
                end,
                invite.zone(),
                invite.organizerName(),
                invite.organizerEmail(),
                invite.attendeeName(),
                invite.attendeeEmail(),
                invite.location());
    }

    static Invite withText(Invite invite, String summary, String description, String location) {
        return new Invite(
                invite.uid(),
                invite.sequence(),
                summary,
                description,
                invite.start(),
                invite.end(),
                invite.zone(),
                invite.organizerName(),
                invite.organizerEmail(),
                invite.attendeeName(),
                invite.attendeeEmail(),
                location);
    }

    static Invite withUid(Invite invite, String uid, Instant start) {
        return new Invite(
                uid,
                invite.sequence(),
                invite.summary(),
                invite.description(),
                start,
                start.plusSeconds(1800),
                invite.zone(),
                invite.organizerName(),
                invite.organizerEmail(),
                invite.attendeeName(),
                invite.attendeeEmail(),
                invite.location());
    }

    static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("not parseable iCalendar: " + e.getMessage() + "\n" + ics, e);
        }
    }

    static VEvent onlyEvent(Calendar calendar) {
        var events = calendar.<VEvent>getComponents("VEVENT");
        if (events.size() != 1) {
            throw new AssertionError("expected one VEVENT, got " + events.size());
        }
        return events.getFirst();
    }

    static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    static String parameter(Property property, String name) {
        return property.getParameter(name)
                .map(p -> ((net.fortuna.ical4j.model.Parameter) p).getValue())
                .orElse(null);
    }

    static Instant instant(VEvent event, String name) {
        DateProperty<? extends Temporal> property = event.getRequiredProperty(name);
        return Instant.from(property.getDate());
    }
}
