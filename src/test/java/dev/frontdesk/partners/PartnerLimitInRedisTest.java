package dev.frontdesk.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestRedis;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With FRONTDESK_REDIS_URL set, a partner's bucket lives in Redis and the API is held to it. */
@ApiTest
class PartnerLimitInRedisTest {

    static String redisUrl;

    @Autowired
    TestApi api;

    @BeforeAll
    static void redis() {
        redisUrl = TestRedis.url();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.partners.redis-url", () -> redisUrl);
    }

    @Test
    void theServiceKeepsAPartnersBucketInRedis() {
        var business = api.createBusiness("Redis limited");
        var partner = api.read(api.perform(
                api.as(business, post("/api/partners"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Shared\", \"ratePerMinute\": 2}"),
                201));
        String key = partner.get("key").asString();
        String twoLeads = "{\"leads\": [{\"name\": \"A\", \"phone\": \"+16175550701\"},"
                + " {\"name\": \"B\", \"phone\": \"+16175550702\"}]}";
        var transfer = post("/api/leads/partner-transfer")
                .header("X-Partner-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(twoLeads);
        api.perform(transfer, 200);
        var refused = api.perform(transfer, 429);
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();

        RedisClient client = RedisClient.create(redisUrl);
        try (var connection = client.connect()) {
            assertThat(connection
                            .sync()
                            .exists("frontdesk:partner:" + partner.get("id").asString() + ":2"))
                    .isEqualTo(1L);
        } finally {
            client.shutdown();
        }
    }
}
