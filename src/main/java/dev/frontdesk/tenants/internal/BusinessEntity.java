package dev.frontdesk.tenants.internal;

import dev.frontdesk.tenants.Business;
import java.time.Instant;

/** A stored business row: the public view plus key hashes and the optimistic-lock version. */
record BusinessEntity(
        Business business,
        String apiKeyPrefix,
        String apiKeyHash,
        String widgetTokenPrefix,
        String widgetTokenHash,
        long version) {

    BusinessEntity withBusiness(Business updated) {
        return new BusinessEntity(updated, apiKeyPrefix, apiKeyHash, widgetTokenPrefix, widgetTokenHash, version);
    }

    Instant updatedAt() {
        return business.updatedAt();
    }
}
