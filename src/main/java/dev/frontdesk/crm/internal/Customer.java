package dev.frontdesk.crm.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer or lead of one business, one per phone number (E.164). {@code lead} puts the customer in the
 * outbound funnel, whose stage is {@code status}.
 */
record Customer(
        UUID id,
        BusinessId businessId,
        String phone,
        String name,
        String email,
        String country,
        String language,
        String timezone,
        Source source,
        String partner,
        Status status,
        boolean lead,
        boolean smsOptOut,
        boolean doNotCall,
        String notes,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        Instant lastContactAt) {

    Customer {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Where the customer first came from. */
    enum Source {
        MANUAL,
        CSV,
        PARTNER,
        INBOUND_CALL,
        SMS,
        WHATSAPP,
        WIDGET
    }

    /** The outbound funnel. */
    enum Status {
        NEW,
        QUEUED,
        CALLING,
        CONTACTED,
        MEETING_SCHEDULED,
        NOT_INTERESTED,
        NO_ANSWER,
        FAILED,
        DO_NOT_CALL
    }
}
