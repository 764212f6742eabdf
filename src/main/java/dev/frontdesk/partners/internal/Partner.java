package dev.frontdesk.partners.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/** A partner of one business; its key is kept only as a prefix and a hash. */
record Partner(
        UUID id,
        BusinessId businessId,
        String name,
        String keyPrefix,
        String keyHash,
        int ratePerMinute,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "Partner[id=" + id + ", business=" + businessId + ", prefix=" + keyPrefix + "]";
    }
}
