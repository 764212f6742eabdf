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
     * A customer's funnel status changed (a change through the API, or "stop calling me"): {@code from}
     * and {@code to} are status names such as NEW, CONTACTED, DO_NOT_CALL.
     */
    public record LeadStatusChanged(
            BusinessId businessId, UUID customerId, String phone, boolean lead, String from, String to, Instant at) {}
}
