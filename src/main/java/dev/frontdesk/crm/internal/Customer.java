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

    /** The same customer with these funnel status and contact flags, changed at {@code at}. */
    Customer withFlags(Status status, boolean smsOptOut, boolean doNotCall, Instant at) {
        return new Customer(
                id,
                businessId,
                phone,
                name,
                email,
                country,
                language,
                timezone,
                source,
                partner,
                status,
                lead,
                smsOptOut,
                doNotCall,
                notes,
                tags,
                createdAt,
                at,
                lastContactAt);
    }

    /** The same customer on the do-not-call list (DO_NOT_CALL), changed at {@code at}. */
    Customer doNotCall(Instant at) {
        return withFlags(Status.DO_NOT_CALL, smsOptOut, true, at);
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
