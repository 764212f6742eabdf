package dev.frontdesk.scheduling.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the SMS reminder of one appointment, at most once: only while the appointment is live, only to
 * customers who have not opted out, and never again once {@code reminder_sent_at} is set.
 */
@Component
class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d 'at' h:mm a", Locale.US);

    private final AppointmentRepository appointments;
    private final Tenants tenants;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReminderSender(
            AppointmentRepository appointments, Tenants tenants, Messages messages, JdbcClient jdbc, Clock clock) {
        this.appointments = appointments;
        this.tenants = tenants;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The job's instance id: business and appointment, so the job stays tenant-scoped. */
    static String instanceId(BusinessId business, AppointmentId appointment) {
        return business + "/" + appointment;
    }

    @Transactional
    void send(String instanceId) {
        String[] parts = instanceId.split("/", 2);
        Optional<BusinessId> businessId = BusinessId.parse(parts[0]);
        Optional<AppointmentId> appointmentId = parts.length == 2 ? AppointmentId.parse(parts[1]) : Optional.empty();
        if (businessId.isEmpty() || appointmentId.isEmpty()) {
            log.warn("Ignoring a reminder job with a malformed id");
            return;
        }
        Optional<Appointment> found = appointments.find(businessId.get(), appointmentId.get());
        Optional<Business> business = tenants.find(businessId.get());
        if (found.isEmpty() || business.isEmpty() || !found.get().status().holdsTime()) {
            return;
        }
        if (!business.get().isActive()) {
            log.info("No reminder for appointment {}: the business is suspended", appointmentId.get());
            return;
        }
        Appointment appointment = found.get();
        if (appointment.customer().phone() == null || !appointment.end().isAfter(clock.instant())) {
            return;
        }
        // claim the reminder first: a second run (retry, second node) finds it claimed and stops
        int claimed = jdbc.sql(
                        "UPDATE appointment SET reminder_sent_at = :now WHERE id = :id AND business_id = :business"
                                + " AND reminder_sent_at IS NULL")
                .param("now", Timestamps.utc(clock.instant()))
                .param("id", appointment.id().value())
                .param("business", businessId.get().value())
                .update();
        if (claimed == 0) {
            return;
        }
        String when = WHEN.format(appointment.start().atZone(business.get().timezone()));
        String text = "Reminder: your " + appointment.service() + " appointment with "
                + business.get().name() + " is " + when + ". Reply to this message if you need to change it.";
        var delivery =
                messages.sendSms(businessId.get(), appointment.customer().phone(), text, Messages.Purpose.REMINDER);
        log.info("Reminder for appointment {}: {}", appointment.id(), delivery);
    }
}
