package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.Secrets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * How many password reset links may be asked for: per email address and per client address, each a Bucket4j
 * token bucket refilled greedily over an hour (on the application's clock). With {@code FRONTDESK_REDIS_URL}
 * set the buckets live in Redis (Bucket4j's Lettuce proxy manager, as the partners' rate limits), so every node
 * takes from the same ones and a limit holds behind a load balancer; their keys carry a SHA-256 of the email or
 * address, never the address itself, and expire once full again. Without Redis, or while it cannot be reached,
 * each node keeps its own buckets in memory; that map is cleared when it grows past a bound, which only ever
 * forgives, never blocks.
 */
@Component
class ResetLimits implements DisposableBean {

    static final int MAX_BUCKETS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(ResetLimits.class);

    private final DashboardProperties properties;
    private final TimeMeter time;
    private final RedisClient redis;
    private final ProxyManager<String> shared;
    private final ConcurrentMap<String, Bucket> local = new ConcurrentHashMap<>();

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
        if (properties.redisUrl() == null) {
            this.redis = null;
            this.shared = null;
            return;
        }
        RedisURI uri = RedisURI.create(properties.redisUrl());
        uri.setTimeout(Duration.ofSeconds(2));
        this.redis = RedisClient.create(uri);
        this.shared = Bucket4jLettuce.casBasedBuilder(redis)
                .clientClock(time)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .requestTimeout(Duration.ofSeconds(2))
                .build()
                .withMapper((String key) -> key.getBytes(StandardCharsets.UTF_8));
        log.info("Password reset limits are kept in Redis");
    }

    /**
     * Takes one request from the client address's bucket and then from the email's (normalised; a missing one
     * has none): false when either is empty, and then nothing is taken from the email's.
     */
    boolean take(String email, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        if (!take("address", address, properties.resetsPerAddressPerHour())) {
            log.warn("Password reset requests from {} are over the limit; no link sent", address);
            return false;
        }
        String login = Users.normalizeEmail(email);
        if (!login.isEmpty() && !take("email", login, properties.resetsPerEmailPerHour())) {
            log.warn("Password reset requests for one email are over the limit; no link sent (from {})", address);
            return false;
        }
        return true;
    }

    private boolean take(String kind, String value, int perHour) {
        // the rate is in the key: a changed limit starts fresh buckets instead of keeping the old configuration
        String key = "frontdesk:reset:" + kind + ":" + Secrets.sha256(value) + ":" + perHour;
        if (shared != null) {
            try {
                return shared.builder().build(key, () -> configuration(perHour)).tryConsume(1);
            } catch (RuntimeException e) {
                log.warn(
                        "Redis cannot be reached for the password reset limits; this node's own count applies: {}",
                        e.getClass().getSimpleName());
            }
        }
        if (local.size() > MAX_BUCKETS) {
            local.clear();
        }
        return local.computeIfAbsent(
                        key,
                        k -> Bucket.builder()
                                .withCustomTimePrecision(time)
                                .addLimit(configuration(perHour).getBandwidths()[0])
                                .build())
                .tryConsume(1);
    }

    private static BucketConfiguration configuration(int perHour) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perHour)
                        .refillGreedy(perHour, Duration.ofHours(1))
                        .build())
                .build();
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.shutdown();
        }
    }
}
