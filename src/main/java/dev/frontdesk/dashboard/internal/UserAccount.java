package dev.frontdesk.dashboard.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/**
 * A dashboard user as stored: {@code passwordHash} is null for a user who has not chosen a password yet;
 * {@code lockedUntil} is set after repeated failed sign-ins.
 */
record UserAccount(
        UUID id,
        BusinessId businessId,
        String email,
        String name,
        Role role,
        String passwordHash,
        int failedAttempts,
        Instant lockedUntil,
        Instant createdAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
