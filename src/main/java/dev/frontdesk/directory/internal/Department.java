package dev.frontdesk.directory.internal;

import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.Instant;
import java.util.UUID;

/** A department; {@code hours} null means the business's hours. */
record Department(
        UUID id,
        BusinessId businessId,
        String name,
        String description,
        WeeklyHours hours,
        int routingPriority,
        Instant createdAt) {}
