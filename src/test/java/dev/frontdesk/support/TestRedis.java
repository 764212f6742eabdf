package dev.frontdesk.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * Redis for the tests that need one: {@code FRONTDESK_TEST_REDIS_URL} (set by .ci/run), else a Redis on
 * {@code localhost:6379}. Like the PostgreSQL tests, under {@code CI=true} a missing or unreachable Redis
 * fails the test instead of skipping it; elsewhere the test is skipped.
 */
public final class TestRedis {

    public static final String URL_VARIABLE = "FRONTDESK_TEST_REDIS_URL";

    private TestRedis() {}

    /** The URL of a Redis that answers PING, or the test is failed (CI) or skipped (elsewhere). */
    public static String url() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String configured = System.getenv(URL_VARIABLE);
        if (ci && (configured == null || configured.isBlank())) {
            throw new IllegalStateException(
                    "CI=true but " + URL_VARIABLE + " is not set: the Redis tests must run under CI (use .ci/run)");
        }
        String url = configured == null || configured.isBlank() ? "redis://127.0.0.1:6379/15" : configured;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (var connection = client.connect()) {
            connection.sync().ping();
            return url;
        } catch (RuntimeException e) {
            if (ci) {
                throw new IllegalStateException("CI=true but Redis at " + url + " does not answer: " + e, e);
            }
            Assumptions.abort("No Redis at " + url + " (set " + URL_VARIABLE + "): " + e.getMessage());
            return null;
        } finally {
            client.shutdown();
        }
    }
}
