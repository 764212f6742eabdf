package dev.frontdesk.crm;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/** Events the CRM module publishes (through the event publication registry). */
public final class CrmEvents {

    private CrmEvents() {}

    /**
     * A conversation started on a channel with a known phone number (E.164): a call, a text, a WhatsApp
     * message; the CRM makes the caller a customer.
     */
    public record ConversationStarted(
            BusinessId businessId, UUID conversationId, String channel, String customerPhone, Instant at) {}

    /**
     * A customer's funnel status changed (a change through the API, "stop calling me", or a campaign's
     * funnel move, one event per customer whose status changed): {@code from}
     * and {@code to} are status names such as NEW, CONTACTED, DO_NOT_CALL.
     */
    public record LeadStatusChanged(
            BusinessId businessId, UUID customerId, String phone, boolean lead, String from, String to, Instant at) {}

    /**
     * A conversation ended (the caller hung up, the assistant ended it, or it expired idle), once: its
     * outcome (a {@link Conversation.Outcome} name) and when. Small on purpose, so that ending a call costs
     * one statement more; a listener that needs the channel, number or start reads the conversation
     * ({@link Conversations#find}).
     */
    public record ConversationEnded(BusinessId businessId, UUID conversationId, String outcome, Instant endedAt) {}
}
