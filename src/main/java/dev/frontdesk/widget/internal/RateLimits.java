package dev.frontdesk.widget.internal;

import dev.frontdesk.shared.FrontdeskException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * In-memory token buckets of this node: one per widget token (keyed by business) and one per client
 * address for messages, and one per client address for asking for later answers. Each refills greedily over a minute. The maps are cleared when they grow past a bound, which
 * only ever forgives callers, never blocks them.
 */
@Component
class RateLimits {

    static final int MAX_BUCKETS = 50_000;

    private final WidgetProperties properties;
    private final ConcurrentMap<String, Bucket> perToken = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> perIp = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> asksPerIp = new ConcurrentHashMap<>();

    RateLimits(WidgetProperties properties) {
        this.properties = properties;
    }

    /** Takes one message from the client address's bucket, or fails with 429. */
    void takeForIp(String ip) {
        take(perIp, ip == null ? "unknown" : ip, properties.messagesPerMinutePerIp(), "client address");
    }

    /**
     * Takes one ask for later answers from the client address's bucket for asks (twice its messages a minute: a
     * page asks every few seconds while an answer is pending), or fails with 429.
     */
    void takeAskForIp(String ip) {
        take(asksPerIp, ip == null ? "unknown" : ip, 2 * properties.messagesPerMinutePerIp(), "client address");
    }

    /** Takes one message from the widget's bucket, or fails with 429. */
    void takeForWidget(String businessKey) {
        take(perToken, businessKey, properties.messagesPerMinutePerToken(), "chat widget");
    }

    private static void take(ConcurrentMap<String, Bucket> buckets, String key, int perMinute, String what) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimited(seconds, what);
        }
    }

    /** Too many messages; {@code retryAfterSeconds} goes into the {@code Retry-After} header. */
    static final class RateLimited extends FrontdeskException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds, String what) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "widget-rate-limited",
                    "Too many messages",
                    "This " + what + " sent too many messages; try again in " + retryAfterSeconds + " seconds");
            this.retryAfterSeconds = retryAfterSeconds;
            with("retryAfterSeconds", retryAfterSeconds);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
