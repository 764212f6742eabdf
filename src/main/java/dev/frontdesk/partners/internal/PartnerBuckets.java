package dev.frontdesk.partners.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per partner: {@code ratePerMinute} tokens, refilled greedily over a minute, one
 * token per lead. {@link #inMemory} keeps the buckets in this node; {@link #shared} keeps them behind a
 * Bucket4j proxy manager (Redis), so every node takes from the same bucket.
 */
interface PartnerBuckets {

    /** Takes {@code tokens} at once, or none: the answer says which, and how long to wait if none. */
    Taken take(String partnerKey, int ratePerMinute, int tokens);

    /** The outcome of a take: {@code waitNanos} is 0 when the tokens were taken. */
    record Taken(boolean taken, long remaining, long waitNanos) {

        /** Whole seconds to wait before the same take can succeed (at least 1), for Retry-After. */
        long retryAfterSeconds() {
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    static BucketConfiguration configuration(int ratePerMinute) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(ratePerMinute)
                        .refillGreedy(ratePerMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /**
     * The bucket's key: the partner and its rate, so a changed rate starts a fresh bucket rather than
     * keeping the old configuration.
     */
    static String key(String partnerKey, int ratePerMinute) {
        return "frontdesk:partner:" + partnerKey + ":" + ratePerMinute;
    }

    /** Buckets of this node only. The map is cleared past a bound, which only ever forgives partners. */
    static PartnerBuckets inMemory() {
        ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        return (partnerKey, rate, tokens) -> {
            if (buckets.size() > 100_000) {
                buckets.clear();
            }
            Bucket bucket = buckets.computeIfAbsent(
                    key(partnerKey, rate),
                    k -> Bucket.builder()
                            .addLimit(configuration(rate).getBandwidths()[0])
                            .build());
            var probe = bucket.tryConsumeAndReturnRemaining(tokens);
            return new Taken(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
        };
    }

    /** Buckets behind a proxy manager (e.g. Bucket4j's Lettuce one on Redis), shared by every node using it. */
    static PartnerBuckets shared(ProxyManager<String> proxies) {
        return (partnerKey, rate, tokens) -> {
            var bucket = proxies.builder().build(key(partnerKey, rate), () -> configuration(rate));
            var probe = bucket.tryConsumeAndReturnRemaining(tokens);
            return new Taken(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
        };
    }
}
