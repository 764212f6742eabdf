package dev.frontdesk.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.frontdesk.messaging.Messages.Delivery;
import dev.frontdesk.messaging.Messages.Purpose;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** With FRONTDESK_SMS=twilio, texts go through twilio-java's REST client to Twilio (WireMock plays it). */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.messaging.sms=twilio",
            "frontdesk.messaging.twilio-account-sid=" + TwilioSmsDeliveryTest.ACCOUNT_SID,
            "frontdesk.messaging.twilio-auth-token=" + TwilioSmsDeliveryTest.AUTH_TOKEN,
            "frontdesk.messaging.sms-retry-backoff=10ms"
        })
class TwilioSmsDeliveryTest {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String AUTH_TOKEN = "twilio-test-auth-token";
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    static final String CUSTOMER = "+16175550199";

    static final WireMockServer twilio = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        twilio.start();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.stop();
    }

    @DynamicPropertySource
    static void twilioUrl(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.messaging.twilio-api-base-url", twilio::baseUrl);
    }

    @Autowired
    Messages messages;

    @Autowired
    TestApi api;

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    static String messageJson(String sid) {
        return """
                {"sid": "%s", "account_sid": "%s", "status": "queued", "to": "%s", "body": "Hello",
                 "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01",
                 "date_created": "Mon, 23 Nov 2026 13:00:00 +0000", "uri": "%s"}""".formatted(
                sid, ACCOUNT_SID, CUSTOMER, MESSAGES_PATH.replace("Messages.json", "Messages/" + sid + ".json"));
    }

    static void twilioAccepts() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(messageJson("SM" + "0".repeat(31) + "1"))));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aTextIsPostedToTwilioFromTheBusinessNumberWithBasicAuth() {
        twilioAccepts();
        TestBusiness business = api.createBusiness("Twilio texter");
        Delivery delivery = messages.sendSms(
                BusinessId.parse(business.id()).orElseThrow(),
                new PhoneNumber(CUSTOMER),
                "Reminder: drain cleaning tomorrow at 10:00 AM.",
                Purpose.REMINDER);

        assertThat(delivery).isEqualTo(Delivery.SENT);
        String basic =
                Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        twilio.verify(
                1,
                postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
                        .withHeader("Authorization", equalTo("Basic " + basic))
                        .withRequestBody(containing("To=" + form(CUSTOMER)))
                        .withRequestBody(containing("From=" + form(business.phoneNumber())))
                        .withRequestBody(containing("Body=" + form("Reminder: drain cleaning tomorrow at 10:00 AM."))));
        // Twilio, not the sandbox: nothing in the outbox
        assertThat(api.getJson("/api/outbox?channel=SMS", business, 200)
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aTransient503IsRetriedAndThePermanent400IsNot() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service unavailable\", \"status\": 503}"))
                .willSetStateTo("recovered"));
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(messageJson("SM" + "0".repeat(31) + "2"))));
        BusinessId business =
                BusinessId.parse(api.createBusiness("Flaky texter").id()).orElseThrow();

        assertThat(messages.sendSms(
                        business, new PhoneNumber(CUSTOMER), "Your booking is confirmed.", Purpose.CONFIRMATION))
                .isEqualTo(Delivery.SENT);
        twilio.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));

        twilio.resetAll();
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\","
                                + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}")));
        assertThat(messages.sendSms(
                        business, new PhoneNumber(CUSTOMER), "Your booking is confirmed.", Purpose.CONFIRMATION))
                .isEqualTo(Delivery.FAILED);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void aTwilioThatStaysDownFailsAfterThreeAttempts() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(aResponse().withStatus(503).withBody("{\"code\": 20503, \"status\": 503}")));
        BusinessId business =
                BusinessId.parse(api.createBusiness("Down texter").id()).orElseThrow();
        assertThat(messages.sendSms(business, new PhoneNumber(CUSTOMER), "Hello", Purpose.REPLY))
                .isEqualTo(Delivery.FAILED);
        twilio.verify(3, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    @Test
    void theDailyCapSkipsTextsOverItButNeverOwnerAlerts() {
        twilioAccepts();
        TestBusiness business = api.createBusiness("Capped texter");
        api.patchJson("/api/settings", business, "{\"settings\": {\"messaging\": {\"smsDailyCap\": 2}}}", 200);
        BusinessId id = BusinessId.parse(business.id()).orElseThrow();

        List<Delivery> reminders = List.of(
                messages.sendSms(id, new PhoneNumber(CUSTOMER), "Reminder 1", Purpose.REMINDER),
                messages.sendSms(id, new PhoneNumber(CUSTOMER), "Reminder 2", Purpose.REMINDER),
                messages.sendSms(id, new PhoneNumber(CUSTOMER), "Reminder 3", Purpose.REMINDER));
        assertThat(reminders).containsExactly(Delivery.SENT, Delivery.SENT, Delivery.SKIPPED_DAILY_CAP);
        assertThat(messages.sendSms(id, new PhoneNumber("+16175550142"), "Emergency call", Purpose.OWNER_ALERT))
                .isEqualTo(Delivery.SENT);
        twilio.verify(3, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        twilio.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)).withRequestBody(containing("Reminder+3")));

        // the cap is per business: another business still texts
        BusinessId other =
                BusinessId.parse(api.createBusiness("Uncapped texter").id()).orElseThrow();
        assertThat(messages.sendSms(other, new PhoneNumber(CUSTOMER), "Reminder", Purpose.REMINDER))
                .isEqualTo(Delivery.SENT);
    }
}
