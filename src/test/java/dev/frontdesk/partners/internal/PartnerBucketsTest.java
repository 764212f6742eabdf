package dev.frontdesk.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.TestRedis;
import io.lettuce.core.RedisClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A partner's bucket gives a batch all its tokens or none; in Redis, two nodes (two independent
 * Bucket4j proxy managers, each with its own connection) take from one bucket.
 */
class PartnerBucketsTest {

    @Test
    void aBatchTakesAllItsTokensOrNoneAndSaysHowLongToWait() {
        PartnerBuckets buckets = PartnerBuckets.inMemory();
        String partner = UUID.randomUUID().toString();
        assertThat(buckets.take(partner, 10, 7).taken()).isTrue();
        var refused = buckets.take(partner, 10, 4);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(buckets.take(partner, 10, 3).taken())
                .as("the refused batch took nothing")
                .isTrue();
        assertThat(buckets.take(partner, 10, 1).taken()).isFalse();
        assertThat(buckets.take(UUID.randomUUID().toString(), 10, 10).taken())
                .as("each partner has a bucket of its own")
                .isTrue();
    }

    @Test
    void twoNodesOnOneRedisShareOnePartnersLimit() {
        String url = TestRedis.url();
        RedisClient first = RedisClient.create(url);
        RedisClient second = RedisClient.create(url);
        try {
            PartnerBuckets nodeA = PartnerBuckets.shared(PartnersConfiguration.proxyManager(first));
            PartnerBuckets nodeB = PartnerBuckets.shared(PartnersConfiguration.proxyManager(second));
            String partner = UUID.randomUUID().toString();

            assertThat(nodeA.take(partner, 10, 6).taken()).isTrue();
            var refused = nodeB.take(partner, 10, 5);
            assertThat(refused.taken())
                    .as("node B sees the 6 tokens node A took")
                    .isFalse();
            assertThat(refused.remaining()).isEqualTo(4);
            assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
            assertThat(nodeB.take(partner, 10, 4).taken()).isTrue();
            assertThat(nodeA.take(partner, 10, 1).taken()).isFalse();
            assertThat(nodeB.take(partner, 10, 1).taken()).isFalse();
        } finally {
            first.shutdown();
            second.shutdown();
        }
    }
}
