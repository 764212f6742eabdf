package dev.frontdesk.dashboard.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How many password reset links may be asked for: per email address and per client address, each an
 * in-memory Bucket4j token bucket of this node refilled greedily over an hour (on the application's clock).
 * The maps are cleared when they grow past a bound, which only ever forgives, never blocks.
 */
@Component
class ResetLimits {

    static final int MAX_BUCKETS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(ResetLimits.class);

    private final DashboardProperties properties;
    private final TimeMeter time;
    private final ConcurrentMap<String, Bucket> perEmail = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> perAddress = new ConcurrentHashMap<>();

    ResetLimits(DashboardProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /**
     * Takes one request from the client address's bucket and then from the email's (normalised; a missing one
     * has none): false when either is empty, and then nothing is taken from the email's.
     */
    boolean take(String email, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        if (!take(perAddress, address, properties.resetsPerAddressPerHour())) {
            log.warn("Password reset requests from {} are over the limit; no link sent", address);
            return false;
        }
        String login = Users.normalizeEmail(email);
        if (!login.isEmpty() && !take(perEmail, login, properties.resetsPerEmailPerHour())) {
            log.warn("Password reset requests for one email are over the limit; no link sent (from {})", address);
            return false;
        }
        return true;
    }

    private boolean take(ConcurrentMap<String, Bucket> buckets, String key, int perHour) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(
                        key,
                        k -> Bucket.builder()
                                .withCustomTimePrecision(time)
                                .addLimit(Bandwidth.builder()
                                        .capacity(perHour)
                                        .refillGreedy(perHour, Duration.ofHours(1))
                                        .build())
                                .build())
                .tryConsume(1);
    }
}
