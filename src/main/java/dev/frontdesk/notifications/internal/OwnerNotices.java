package dev.frontdesk.notifications.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.CrmEvents.ConversationEnded;
import dev.frontdesk.messaging.NotificationSettings.NotifyBy;
import dev.frontdesk.messaging.NotificationSettings.OwnerEvent;
import dev.frontdesk.messaging.OwnerNotifications;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.shared.Wording;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells the owner about new bookings, cancellations and missed calls, as the owner chose (SMS, email,
 * both or none; none by default), in the business's language. A missed call is a phone conversation the
 * caller left before anything was done (outcome ABANDONED). Emergencies and messages are told by the
 * assistant and the directory at once, through the same choices.
 */
@Component
class OwnerNotices {

    private final OwnerNotifications owner;
    private final Tenants tenants;
    private final Conversations conversations;

    OwnerNotices(OwnerNotifications owner, Tenants tenants, Conversations conversations) {
        this.owner = owner;
        this.tenants = tenants;
        this.conversations = conversations;
    }

    void booked(Appointment appointment) {
        appointment(appointment, OwnerEvent.NEW_BOOKING, "owner.new_booking");
    }

    void cancelled(Appointment appointment) {
        appointment(appointment, OwnerEvent.CANCELLATION, "owner.cancellation");
    }

    /** A conversation ended: a phone call the caller left before anything was done is a missed call. */
    void ended(ConversationEnded event) {
        if (!Conversation.Outcome.ABANDONED.name().equals(event.outcome())
                || !wanted(event.businessId(), OwnerEvent.MISSED_CALL)) {
            return;
        }
        Optional<Conversation> call = conversations.find(event.businessId(), event.conversationId());
        Optional<Business> business = tenants.find(event.businessId());
        if (call.isEmpty() || business.isEmpty() || !"VOICE".equals(call.get().channel())) {
            return;
        }
        Wording words = Wording.of(CustomerTexts.WORDS, business.get().defaultLanguage());
        String caller = call.get().customerPhone() == null
                ? words.text("owner.unknown_caller")
                : call.get().customerPhone();
        owner.notifyOwner(
                event.businessId(),
                OwnerEvent.MISSED_CALL,
                words.text(
                        "owner.missed_call",
                        Map.of(
                                "caller",
                                caller,
                                "time",
                                Dates.time(
                                        words,
                                        call.get().startedAt(),
                                        business.get().timezone()))));
    }

    private void appointment(Appointment appointment, OwnerEvent event, String key) {
        if (!wanted(appointment.businessId(), event)) {
            return;
        }
        Optional<Business> business = tenants.find(appointment.businessId());
        if (business.isEmpty()) {
            return;
        }
        Wording words = Wording.of(CustomerTexts.WORDS, business.get().defaultLanguage());
        String customer = appointment.customer().name()
                + (appointment.customer().phone() == null
                        ? ""
                        : " (" + appointment.customer().phone().e164() + ")");
        owner.notifyOwner(
                appointment.businessId(),
                event,
                words.text(
                        key,
                        Map.of(
                                "service", appointment.service(),
                                "customer", customer,
                                "when",
                                        Dates.when(
                                                words,
                                                appointment.start(),
                                                business.get().timezone()))));
    }

    private boolean wanted(BusinessId business, OwnerEvent event) {
        return owner.settings(business).of(event) != NotifyBy.NONE;
    }
}
