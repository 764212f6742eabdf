package dev.frontdesk.dashboard.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's sign-in rules.
 *
 * @param maxFailedAttempts failed sign-ins in a row that lock a login
 * @param lockout how long a locked login stays locked
 */
@ConfigurationProperties("frontdesk.dashboard")
record DashboardProperties(Integer maxFailedAttempts, Duration lockout) {

    DashboardProperties {
        maxFailedAttempts = maxFailedAttempts == null || maxFailedAttempts < 1 ? 5 : maxFailedAttempts;
        lockout = lockout == null || lockout.isNegative() || lockout.isZero() ? Duration.ofMinutes(15) : lockout;
    }
}
