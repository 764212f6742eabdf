package dev.frontdesk.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Vendors go down (WireMock plays the LLM, Google and Twilio, all failing): after a few failures the
 * circuit breaker stops calling the vendor, and callers, bookings and texts get their fallback at once
 * instead of each waiting for the vendor's timeout.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.breakers.minimum-calls=5",
            "frontdesk.breakers.open-for=10m",
            "frontdesk.assistant.llm.timeout=1s",
            "frontdesk.messaging.sms=twilio",
            "frontdesk.messaging.twilio-account-sid=AC00000000000000000000000000000002",
            "frontdesk.messaging.twilio-auth-token=outage-test-token",
            "frontdesk.messaging.sms-retry-backoff=10ms"
        })
class VendorOutageIT {

    static final WireMockServer llm = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer google = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer twilio = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        llm.start();
        google.start();
        twilio.start();
        llm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withFixedDelay(300)));
        google.stubFor(post("/token")
                .willReturn(
                        okJson("{\"access_token\": \"ya29.t\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        google.stubFor(post(urlPathMatching("/calendar/v3/freeBusy.*"))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\": {\"code\": 503}}")));
        twilio.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
    }

    @AfterAll
    static void stop() {
        llm.stop();
        google.stop();
        twilio.stop();
    }

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.assistant.llm.base-url", () -> llm.baseUrl() + "/v1");
        registry.add("frontdesk.assistant.llm.api-key", () -> "sk-test");
        registry.add("frontdesk.scheduling.google-root-url", () -> google.baseUrl() + "/");
        registry.add("frontdesk.scheduling.google-token-server", () -> google.baseUrl() + "/token");
        registry.add("frontdesk.messaging.twilio-api-base-url", twilio::baseUrl);
    }

    @Autowired
    TestApi api;

    @Autowired
    Messages messages;

    private String turn(TestApi.TestBusiness business, int i) {
        return api.read(api.perform(
                        api.as(
                                        business,
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/simulator/turns"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"channel\": \"SMS\", \"callerPhone\": \"+16175550123\", \"session\": \"s-"
                                        + i + "\", \"text\": \"what time do you open on saturday\"}"),
                        200))
                .get("reply")
                .asString();
    }

    @Test
    void whenTheLlmIsDownTurnsGoStraightToTheOfflineBrain() {
        var business = api.createBusiness("LLM outage plumbing");
        for (int i = 0; i < 5; i++) {
            assertThat(turn(business, i)).isNotBlank();
        }
        int calls = llm.getAllServeEvents().size();
        long started = System.nanoTime();
        for (int i = 5; i < 10; i++) {
            assertThat(turn(business, i)).containsIgnoringCase("saturday");
        }
        assertThat(llm.getAllServeEvents())
                .as("the LLM is not called while its breaker is open")
                .hasSize(calls);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void whenGoogleIsDownAvailabilityStopsAskingItAndUsesTheInternalCalendar() {
        var business = api.createBusiness("Google outage plumbing");
        api.perform(
                api.as(business, put("/api/integrations/calendar"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"google\", \"oauth\": {\"clientId\": \"c\", \"clientSecret\": \"s\","
                                + " \"refreshToken\": \"r\"}}"),
                200);
        String availability = "/api/availability?date=2026-11-24&service=Drain cleaning";
        for (int i = 0; i < 5; i++) {
            assertThat(api.getJson(availability, business, 200).get("slots").size())
                    .isPositive();
        }
        int calls = google.findAll(anyRequestedFor(urlPathMatching("/calendar/v3/freeBusy.*")))
                .size();
        for (int i = 0; i < 5; i++) {
            assertThat(api.getJson(availability, business, 200).get("slots").size())
                    .isPositive();
        }
        assertThat(google.findAll(anyRequestedFor(urlPathMatching("/calendar/v3/freeBusy.*"))))
                .hasSize(calls);
    }

    @Test
    void whenTwilioIsDownTextsFailAtOnceWithoutCallingIt() {
        var business = api.createBusiness("Twilio outage plumbing");
        BusinessId id = BusinessId.parse(business.id()).orElseThrow();
        PhoneNumber customer = new PhoneNumber("+16175550199");
        for (int i = 0; i < 2; i++) {
            assertThat(messages.sendSms(id, customer, "Your appointment is confirmed", Messages.Purpose.CONFIRMATION))
                    .isEqualTo(Messages.Delivery.FAILED);
        }
        int calls = twilio.getAllServeEvents().size();
        assertThat(calls).isGreaterThanOrEqualTo(5);
        long started = System.nanoTime();
        assertThat(messages.sendSms(id, customer, "Your appointment is confirmed", Messages.Purpose.CONFIRMATION))
                .isEqualTo(Messages.Delivery.FAILED);
        assertThat(twilio.getAllServeEvents()).hasSize(calls);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
