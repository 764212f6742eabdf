package dev.frontdesk.webhooks.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A business's endpoint for some events; its secret is kept sealed. */
record Webhook(
        UUID id, BusinessId businessId, String url, List<String> events, String secretSealed, Instant createdAt) {

    Webhook {
        events = List.copyOf(events);
    }

    /** The events a webhook may subscribe to. */
    static final List<String> EVENTS = List.of(
            "call.completed",
            "conversation.ended",
            "appointment.booked",
            "appointment.rescheduled",
            "appointment.cancelled",
            "lead.status_changed",
            "message.taken");

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", business=" + businessId + "]";
    }
}
