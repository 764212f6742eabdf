package dev.frontdesk.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.TestRedis;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Password reset limits behind a load balancer: two nodes (two limit instances, each with its own Redis
 * connection) over one Redis take from the same per-email and per-address buckets, so asking node A twice and
 * node B once uses the email's 3 an hour; the keys hold no email or address in clear. Without Redis each node
 * counts alone. Under CI=true a missing Redis fails the test.
 */
class ResetLimitsAcrossNodesTest {

    /** A fixed time, the same on both nodes. */
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);

    @Test
    void twoNodesOnOneRedisShareOneEmailsLimit() {
        String url = TestRedis.url();
        DashboardProperties properties = new DashboardProperties(null, null, 3, 100, url);
        ResetLimits nodeA = new ResetLimits(properties, clock);
        ResetLimits nodeB = new ResetLimits(properties, clock);
        try {
            String email = "reset-" + UUID.randomUUID() + "@example.com";

            assertThat(nodeA.take(email, "203.0.113.1")).isTrue();
            assertThat(nodeB.take(email.toUpperCase(java.util.Locale.ROOT), "203.0.113.2"))
                    .isTrue();
            assertThat(nodeA.take(email, "203.0.113.3")).isTrue();

            assertThat(nodeB.take(email, "203.0.113.4"))
                    .as("node B sees the two links node A sent")
                    .isFalse();
            assertThat(nodeA.take(email, "203.0.113.5")).isFalse();
            assertThat(nodeB.take("other-" + email, "203.0.113.6"))
                    .as("another email has a bucket of its own")
                    .isTrue();
            assertThat(keysNaming(url, email))
                    .as("Redis keys naming the email in clear")
                    .isEmpty();
        } finally {
            nodeA.destroy();
            nodeB.destroy();
        }
    }

    @Test
    void twoNodesOnOneRedisShareOneAddresssLimit() {
        String url = TestRedis.url();
        DashboardProperties properties = new DashboardProperties(null, null, 100, 2, url);
        ResetLimits nodeA = new ResetLimits(properties, clock);
        ResetLimits nodeB = new ResetLimits(properties, clock);
        try {
            String address = "198.51.100.7 " + UUID.randomUUID();

            assertThat(nodeA.take("a-" + UUID.randomUUID() + "@example.com", address))
                    .isTrue();
            assertThat(nodeB.take("b-" + UUID.randomUUID() + "@example.com", address))
                    .isTrue();
            assertThat(nodeA.take("c-" + UUID.randomUUID() + "@example.com", address))
                    .as("the address asked twice, once on each node")
                    .isFalse();
        } finally {
            nodeA.destroy();
            nodeB.destroy();
        }
    }

    @Test
    void withoutRedisEachNodeCountsAlone() {
        DashboardProperties properties = new DashboardProperties(null, null, 1, 100, null);
        ResetLimits nodeA = new ResetLimits(properties, clock);
        ResetLimits nodeB = new ResetLimits(properties, clock);
        String email = "alone-" + UUID.randomUUID() + "@example.com";

        assertThat(nodeA.take(email, "192.0.2.1")).isTrue();
        assertThat(nodeA.take(email, "192.0.2.1")).isFalse();
        assertThat(nodeB.take(email, "192.0.2.1")).isTrue();
    }

    private static List<String> keysNaming(String url, String email) {
        RedisClient client = RedisClient.create(url);
        try (var connection = client.connect()) {
            return connection.sync().keys("*" + email + "*");
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
