package dev.frontdesk.notifications.internal;

import dev.frontdesk.crm.CrmEvents.ConversationEnded;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentCancelled;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The module's listeners: they run after the event's transaction commits (so a text never slows or
 * undoes a booking) and are kept in the event publication registry until they finish, so a crash
 * republishes them after the restart. One listener per event, not one per notice: every listener is a
 * publication row written in the booking's (or the call's) own transaction. A notice that fails is logged
 * and does not hold back the other one.
 */
@Component
class NotificationListeners {

    private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);

    private final CustomerTexts customer;
    private final OwnerNotices owner;

    NotificationListeners(CustomerTexts customer, OwnerNotices owner) {
        this.customer = customer;
        this.owner = owner;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        both(event.appointment(), "booked", () -> owner.booked(event.appointment()));
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled event) {
        both(event.appointment(), "moved", () -> {});
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        both(event.appointment(), "cancelled", () -> owner.cancelled(event.appointment()));
    }

    @ApplicationModuleListener
    void on(ConversationEnded event) {
        owner.ended(event);
    }

    private void both(Appointment appointment, String what, Runnable ownerNotice) {
        try {
            customer.text(appointment, what);
        } catch (RuntimeException e) {
            log.warn("The customer's text for appointment {} ({}) failed", appointment.id(), what, e);
        }
        try {
            ownerNotice.run();
        } catch (RuntimeException e) {
            log.warn("The owner's notice for appointment {} ({}) failed", appointment.id(), what, e);
        }
    }
}
