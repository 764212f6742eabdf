package dev.frontdesk.scheduling.ics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes appointments as RFC 5545 iCalendar text: iTIP (RFC 5546) invitations and cancellations to mail to a
 * customer, and a read-only feed a business can subscribe to.
 *
 * <p>Times are written in UTC ({@code 20260308T140000Z}), which every client accepts and which needs no
 * {@code VTIMEZONE}; clients show them in the viewer's own zone. Lines end in CRLF and are folded so that none is
 * longer than 75 octets of UTF-8.
 */
public final class Invites {

    public static final String PRODID = "-//Frontdesk//Frontdesk//EN";

    private static final Set<String> METHODS =
            Set.of("PUBLISH", "REQUEST", "REPLY", "ADD", "CANCEL", "REFRESH", "COUNTER", "DECLINECOUNTER");

    private final Clock clock;

    public Invites(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The MIME type for a calendar part with the given iTIP method, e.g. {@code text/calendar; charset=UTF-8;
     * method=REQUEST}. Mail clients only offer accept/decline (or apply a cancellation) when the method is there
     * and matches the METHOD inside the calendar.
     */
    public static String contentType(String method) {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
        var upper = method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw new IllegalArgumentException("not an iTIP method: " + method);
        }
        return "text/calendar; charset=UTF-8; method=" + upper;
    }

    /**
     * An invitation ({@code METHOD:REQUEST}); send it again with a higher sequence after a reschedule.
     *
     * @throws IllegalArgumentException when the organizer's or attendee's e-mail is missing
     */
    public String request(Invite invite) {
        requireParticipants(invite);
        var calendar = calendar(ImmutableMethod.REQUEST);
        calendar.add(event(invite, ImmutableStatus.VEVENT_CONFIRMED, true, now()));
        return write(calendar);
    }

    /**
     * A cancellation ({@code METHOD:CANCEL}) of the event with the invite's uid; give it a higher sequence.
     *
     * @throws IllegalArgumentException when the organizer's or attendee's e-mail is missing
     */
    public String cancel(Invite invite) {
        requireParticipants(invite);
        var calendar = calendar(ImmutableMethod.CANCEL);
        calendar.add(event(invite, ImmutableStatus.VEVENT_CANCELLED, true, now()));
        return write(calendar);
    }

    /**
     * A subscribable feed ({@code METHOD:PUBLISH}) named {@code calendarName}, one event per invite, without
     * attendees. Give each invite the organizer's e-mail: iTIP wants an ORGANIZER even in a PUBLISH. An empty list
     * gives a calendar with no events, which RFC 5545's grammar does not allow but which clients subscribe to
     * happily; it is what a business with no appointments should serve.
     */
    public String feed(String calendarName, List<Invite> invites) {
        if (calendarName == null || calendarName.isBlank()) {
            throw new IllegalArgumentException("calendarName is required");
        }
        if (invites == null) {
            throw new IllegalArgumentException("invites is required");
        }
        var calendar = calendar(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", Text.singleLine(calendarName)));
        var stamp = now();
        Set<String> uids = new HashSet<>();
        for (var invite : invites) {
            requireInvite(invite);
            if (!uids.add(invite.uid())) {
                throw new IllegalArgumentException("duplicate uid in feed: " + invite.uid());
            }
            calendar.add(event(invite, ImmutableStatus.VEVENT_CONFIRMED, false, stamp));
        }
        return write(calendar);
    }

    private static void requireInvite(Invite invite) {
        if (invite == null) {
            throw new IllegalArgumentException("invite is required");
        }
    }

    /**
     * iTIP requests and cancellations must name the organizer and at least one attendee (RFC 5546 section 3.2);
     * without them mail clients show neither accept/decline nor an update, or treat the recipient as the organizer.
     */
    private static void requireParticipants(Invite invite) {
        requireInvite(invite);
        if (invite.organizerEmail() == null) {
            throw new IllegalArgumentException("an invitation or cancellation needs the organizer's e-mail");
        }
        if (invite.attendeeEmail() == null) {
            throw new IllegalArgumentException("an invitation or cancellation needs the attendee's e-mail");
        }
    }

    private static Calendar calendar(Method method) {
        var calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        return calendar;
    }

    private Instant now() {
        return seconds(clock.instant());
    }

    private static VEvent event(Invite invite, Status status, boolean withAttendee, Instant stamp) {
        var event = new VEvent(false); // false: no DTSTAMP from the system clock, ours comes from the Clock
        event.add(new Uid(invite.uid()));
        event.add(new Sequence(invite.sequence()));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(seconds(invite.start())));
        event.add(new DtEnd<>(seconds(invite.end())));
        event.add(new Summary(Text.clean(invite.summary())));
        if (invite.description() != null) {
            event.add(new Description(Text.clean(invite.description())));
        }
        if (invite.location() != null) {
            event.add(new Location(Text.clean(invite.location())));
        }
        event.add(status);
        if (invite.organizerEmail() != null) {
            event.add(new Organizer(named(invite.organizerName()), Addresses.mailto(invite.organizerEmail())));
        }
        if (withAttendee && invite.attendeeEmail() != null) {
            var parameters = named(invite.attendeeName())
                    .add(Role.REQ_PARTICIPANT)
                    .add(PartStat.NEEDS_ACTION)
                    .add(Rsvp.FALSE);
            event.add(new Attendee(parameters, Addresses.mailto(invite.attendeeEmail())));
        }
        return event;
    }

    private static ParameterList named(String name) {
        List<Parameter> parameters = new ArrayList<>();
        if (name != null && !Text.parameterValue(name).isBlank()) {
            parameters.add(new Cn(Text.parameterValue(name)));
        }
        return new ParameterList(parameters);
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String write(Calendar calendar) {
        var out = new StringWriter();
        try {
            // not validating: that only logs, and would warn about every empty feed; the tests validate instead
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("generated an invalid calendar: " + e.getMessage(), e);
        }
        return Folding.refold(out.toString());
    }
}
