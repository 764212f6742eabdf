package dev.frontdesk.webhooks.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/** One delivery of an event to a webhook, and how it went. */
record Delivery(
        UUID id,
        UUID webhookId,
        BusinessId businessId,
        String event,
        UUID eventId,
        String payload,
        Status status,
        int attempts,
        Integer responseStatus,
        String error,
        UUID replayOf,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt) {

    /** PENDING (being tried, or waiting for a retry), DELIVERED (2xx) or FAILED (retries used up). */
    enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }
}
