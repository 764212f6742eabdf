package dev.frontdesk.dashboard.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's sign-in rules.
 *
 * @param maxFailedAttempts failed sign-ins in a row that lock a login
 * @param lockout how long a locked login stays locked
 * @param resetsPerEmailPerHour password reset links one email may be sent in an hour
 * @param resetsPerAddressPerHour password reset requests one client address may make in an hour
 * @param redisUrl Redis for the password reset limits ({@code FRONTDESK_REDIS_URL}), shared by every node;
 *     unset keeps them in each node's memory
 */
@ConfigurationProperties("frontdesk.dashboard")
record DashboardProperties(
        Integer maxFailedAttempts,
        Duration lockout,
        Integer resetsPerEmailPerHour,
        Integer resetsPerAddressPerHour,
        String redisUrl) {

    DashboardProperties {
        maxFailedAttempts = maxFailedAttempts == null || maxFailedAttempts < 1 ? 5 : maxFailedAttempts;
        lockout = lockout == null || lockout.isNegative() || lockout.isZero() ? Duration.ofMinutes(15) : lockout;
        resetsPerEmailPerHour = resetsPerEmailPerHour == null || resetsPerEmailPerHour < 1 ? 3 : resetsPerEmailPerHour;
        resetsPerAddressPerHour =
                resetsPerAddressPerHour == null || resetsPerAddressPerHour < 1 ? 10 : resetsPerAddressPerHour;
        redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl.strip();
    }
}
