package dev.frontdesk.crm;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/** A conversation with a customer on one channel, from first message to outcome. */
public record Conversation(
        UUID id,
        BusinessId businessId,
        String channel,
        String key,
        String customerPhone,
        String language,
        Instant startedAt,
        Instant lastActivityAt,
        Instant endedAt,
        Outcome outcome,
        boolean emergency,
        String summary) {

    public boolean isOpen() {
        return endedAt == null;
    }

    /** How a conversation ended. */
    public enum Outcome {
        BOOKED,
        RESCHEDULED,
        CANCELLED,
        ANSWERED,
        MESSAGE_TAKEN,
        TRANSFERRED,
        EMERGENCY,
        NOT_INTERESTED,
        ABANDONED
    }
}
