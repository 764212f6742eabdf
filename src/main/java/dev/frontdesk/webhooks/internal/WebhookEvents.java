package dev.frontdesk.webhooks.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.CrmEvents.ConversationEnded;
import dev.frontdesk.crm.CrmEvents.LeadStatusChanged;
import dev.frontdesk.directory.DirectoryEvents.MessageTaken;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentCancelled;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import dev.frontdesk.shared.InTransactionListener;
import dev.frontdesk.telephony.Calls;
import dev.frontdesk.telephony.TelephonyEvents.CallCompleted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events other modules publish into webhook deliveries. A delivery row is written in the
 * event's own transaction, just before it commits ({@link InTransactionListener}): the booking, the call's
 * end or the message and its deliveries are committed together or not at all, and db-scheduler sends them
 * after the commit. A lead's move is the exception: it is published from within other listeners, so it
 * keeps a publication in the registry and is delivered after the commit. An event's id is derived from
 * what happened (not random), so a receiver can drop a repeat.
 *
 * <p>Payloads carry ids, times, outcomes and channels, and the customer's number as the appointment and
 * lead payloads do; never a transcript, a summary, a message's words or a recording.
 */
@Component
class WebhookEvents {

    private final WebhookService webhooks;
    private final Conversations conversations;
    private final Calls calls;

    WebhookEvents(WebhookService webhooks, Conversations conversations, Calls calls) {
        this.webhooks = webhooks;
        this.conversations = conversations;
        this.calls = calls;
    }

    @InTransactionListener
    void on(AppointmentBooked event) {
        appointment(
                "appointment.booked",
                event.appointment(),
                null,
                event.appointment().createdAt());
    }

    @InTransactionListener
    void on(AppointmentRescheduled event) {
        appointment(
                "appointment.rescheduled",
                event.appointment(),
                event.previousStart(),
                event.appointment().updatedAt());
    }

    @InTransactionListener
    void on(AppointmentCancelled event) {
        appointment(
                "appointment.cancelled",
                event.appointment(),
                null,
                event.appointment().updatedAt());
    }

    @ApplicationModuleListener
    void on(LeadStatusChanged event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("customerId", event.customerId());
        data.put("phone", event.phone());
        data.put("lead", event.lead());
        data.put("from", event.from());
        data.put("to", event.to());
        webhooks.publish(
                event.businessId(),
                "lead.status_changed",
                id("lead.status_changed", event.customerId() + "/" + event.at() + "/" + event.to()),
                event.at(),
                data);
    }

    @InTransactionListener
    void on(CallCompleted event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("callId", event.callId());
        data.put("callSid", event.callSid());
        data.put("direction", event.direction());
        data.put("status", event.status());
        data.put("customerPhone", event.customerPhone());
        data.put("startedAt", event.startedAt());
        data.put("endedAt", event.endedAt());
        data.put("durationSeconds", event.durationSeconds());
        if (event.campaignId() != null) {
            data.put("campaign", campaign(event));
        }
        webhooks.publish(
                event.businessId(), "call.completed", id("call.completed", event.callSid()), event.endedAt(), data);
    }

    @InTransactionListener
    void on(ConversationEnded event) {
        // the conversation is read only for a business that subscribed: ending a call costs the others no read
        webhooks.publish(
                event.businessId(),
                "conversation.ended",
                id("conversation.ended", event.conversationId().toString()),
                event.endedAt(),
                () -> {
                    var conversation = conversations.find(event.businessId(), event.conversationId());
                    var data = new LinkedHashMap<String, Object>();
                    data.put("conversationId", event.conversationId());
                    data.put("channel", conversation.map(Conversation::channel).orElse(null));
                    data.put(
                            "customerPhone",
                            conversation.map(Conversation::customerPhone).orElse(null));
                    data.put(
                            "language", conversation.map(Conversation::language).orElse(null));
                    data.put("outcome", event.outcome());
                    data.put(
                            "emergency",
                            conversation.map(Conversation::emergency).orElse(false));
                    data.put(
                            "startedAt",
                            conversation.map(Conversation::startedAt).orElse(null));
                    data.put("endedAt", event.endedAt());
                    return data;
                });
    }

    @InTransactionListener
    void on(MessageTaken event) {
        var data = new LinkedHashMap<String, Object>();
        data.put("messageId", event.messageId());
        data.put("recipientKind", event.recipientKind());
        data.put("recipientId", event.recipientId());
        data.put("status", event.status());
        data.put("callerPhone", event.callerPhone());
        data.put("createdAt", event.at());
        webhooks.publish(
                event.businessId(),
                "message.taken",
                id("message.taken", event.messageId().toString()),
                event.at(),
                data);
    }

    /** A campaign call's campaign: its id, and its name of now (null when it cannot be read). */
    private Map<String, Object> campaign(CallCompleted event) {
        // read only for a campaign's call: the name is the campaigns module's, looked up through telephony
        String name = null;
        Calls.CallCampaign named =
                calls.campaigns(event.businessId(), List.of(event.callSid())).get(event.callSid());
        if (named != null && event.campaignId().equals(named.id())) {
            name = named.name();
        }
        var campaign = new LinkedHashMap<String, Object>();
        campaign.put("id", event.campaignId());
        campaign.put("name", name);
        return campaign;
    }

    private void appointment(String type, Appointment a, Instant previousStart, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("appointmentId", a.id().value());
        data.put("service", a.service());
        data.put("start", a.start());
        data.put("end", a.end());
        if (previousStart != null) {
            data.put("previousStart", previousStart);
        }
        data.put("status", a.status().name());
        data.put("staffId", a.staffId());
        data.put("emergency", a.emergency());
        var customer = new LinkedHashMap<String, Object>();
        customer.put("name", a.customer() == null ? null : a.customer().name());
        customer.put(
                "phone",
                a.customer() == null || a.customer().phone() == null
                        ? null
                        : a.customer().phone().e164());
        customer.put("email", a.customer() == null ? null : a.customer().email());
        data.put("customer", customer);
        data.put("channel", a.sourceChannel());
        webhooks.publish(a.businessId(), type, id(type, a.id().value() + "/" + a.sequence()), at, data);
    }

    private static UUID id(String type, String what) {
        return UUID.nameUUIDFromBytes((type + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
