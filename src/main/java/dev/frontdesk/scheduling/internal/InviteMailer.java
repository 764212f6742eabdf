package dev.frontdesk.scheduling.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentCancelled;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import dev.frontdesk.scheduling.ics.Invite;
import dev.frontdesk.scheduling.ics.Invites;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails the customer a calendar invite when an appointment is booked or moved (METHOD:REQUEST, same
 * UID, higher SEQUENCE) and a cancellation when it is cancelled (METHOD:CANCEL). Customers without an
 * email address get none.
 */
@Component
class InviteMailer {

    static final String FALLBACK_ORGANIZER = "no-reply@frontdesk.invalid";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d 'at' h:mm a", Locale.US);

    private final Tenants tenants;
    private final Messages messages;
    private final Invites invites;

    private final Integrations integrations;

    InviteMailer(Tenants tenants, Messages messages, Integrations integrations, Clock clock) {
        this.tenants = tenants;
        this.messages = messages;
        this.integrations = integrations;
        this.invites = new Invites(clock);
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        if (integrations.settings(event.appointment().businessId()).hasMeetings()) {
            return; // the calendar sync sends the confirmation once the video link exists
        }
        sendConfirmation(event.appointment());
    }

    /** The booking confirmation with its invite. */
    void sendConfirmation(Appointment appointment) {
        send(appointment, "Confirmed", "REQUEST");
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled event) {
        send(event.appointment(), "Moved", "REQUEST");
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        send(event.appointment(), "Cancelled", "CANCEL");
    }

    static Invite invite(Appointment appointment, Business business) {
        return new Invite(
                appointment.id() + "@frontdesk.dev",
                appointment.sequence(),
                appointment.service() + " with " + business.name(),
                appointment.notes(),
                appointment.start(),
                appointment.end(),
                business.timezone(),
                business.name(),
                business.ownerEmail() == null ? FALLBACK_ORGANIZER : business.ownerEmail(),
                appointment.customer().name(),
                appointment.customer().email(),
                appointment.meetingLink());
    }

    private void send(Appointment appointment, String what, String method) {
        if (appointment.customer().email() == null) {
            return;
        }
        var business = tenants.find(appointment.businessId());
        if (business.isEmpty()) {
            return;
        }
        Invite invite = invite(appointment, business.get());
        String calendar = "CANCEL".equals(method) ? invites.cancel(invite) : invites.request(invite);
        String when = WHEN.format(appointment.start().atZone(business.get().timezone()));
        String subject = what + ": " + appointment.service() + " on " + when;
        String contact = business.get().phoneNumbers().isEmpty()
                ? ""
                : " To change it, call or text "
                        + business.get().phoneNumbers().getFirst().e164() + ".";
        String text = switch (what) {
            case "Cancelled" ->
                "Your " + appointment.service() + " with " + business.get().name() + " on " + when + " is cancelled."
                        + contact;
            case "Moved" ->
                "Your " + appointment.service() + " with " + business.get().name() + " is now on " + when + "."
                        + contact;
            default ->
                "Your " + appointment.service() + " with " + business.get().name() + " is booked for " + when + "."
                        + (appointment.meetingLink() == null ? "" : " Join: " + appointment.meetingLink()) + contact;
        };
        messages.sendEmail(
                appointment.businessId(),
                new Messages.Email(
                        appointment.customer().email(),
                        appointment.customer().name(),
                        subject,
                        text,
                        List.of(new Messages.Attachment(
                                "CANCEL".equals(method) ? "cancel.ics" : "invite.ics",
                                Invites.contentType(method),
                                calendar))));
    }
}
