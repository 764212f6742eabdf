package dev.frontdesk.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery row is committed with the event that caused it and its job is planned just after that commit; a
 * process that dies in between leaves the row PENDING without a job. The sweep ({@code webhook-delivery-sweep},
 * every ten minutes, with the jobs on and the test's clock) plans it again, and it is delivered.
 */
@ApiTest
@Import(WebhookDeliverySweepTest.Clocks.class)
@TestPropertySource(properties = {"frontdesk.webhooks.allow-private=true", "frontdesk.jobs.polling-interval=100ms"})
class WebhookDeliverySweepTest {

    static final Instant START = Instant.parse("2026-11-23T15:00:00Z");

    @RegisterExtension
    static final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void aDeliveryLeftWithoutItsJobIsPlannedAgainBySweepAndDelivered() {
        receiver.stubFor(post("/swept").willReturn(aResponse().withStatus(204)));
        TestBusiness business = api.createBusiness("Swept hooks");
        String webhook = api.read(api.perform(
                        api.as(
                                        business,
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/webhooks"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(Map.of(
                                        "url", receiver.baseUrl() + "/swept", "events", new String[] {"call.completed"
                                        }))),
                        201))
                .get("id")
                .asString();
        // what a process that died between the commit and planning the job leaves behind
        UUID delivery = UUID.randomUUID();
        String payload = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"call.completed\",\"data\":{}}";
        jdbc.sql("INSERT INTO webhook_delivery (id, webhook_id, business_id, event, event_id, payload, status,"
                        + " attempts, created_at) VALUES (:id, :w, :b, 'call.completed', :e, :p, 'PENDING', 0, :at)")
                .param("id", delivery)
                .param("w", UUID.fromString(webhook))
                .param("b", UUID.fromString(business.id()))
                .param("e", UUID.randomUUID())
                .param("p", payload)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();

        clock.advance(Duration.ofMinutes(11));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.findAll(postRequestedFor(urlPathEqualTo("/swept")))
                                .size()
                        == 1);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/swept")))
                        .getFirst()
                        .getBodyAsString())
                .isEqualTo(payload);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "DELIVERED"
                        .equals(jdbc.sql("SELECT status FROM webhook_delivery WHERE id = :id")
                                .param("id", delivery)
                                .query(String.class)
                                .single()));
    }
}
