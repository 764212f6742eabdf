package dev.frontdesk.campaigns.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.frontdesk.campaigns.internal.CallPlacer.OutboundCall;
import dev.frontdesk.tenants.BusinessId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaign calls go through twilio-java's Call creator to Twilio's Calls API (WireMock plays Twilio with its
 * documented JSON): the answer URL, the status callback and answering-machine detection are sent; a call
 * Twilio refuses was not placed; after a crash, Twilio's call list says whether an attempt was placed.
 */
class TwilioCallPlacerTest {

    static final String ACCOUNT_SID = "AC" + "1".repeat(32);
    static final String AUTH_TOKEN = "twilio-test-auth-token";
    static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
    static final String CALL_SID = "CA" + "a".repeat(32);

    static final WireMockServer twilio = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        twilio.start();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    final TwilioCallPlacer placer = new TwilioCallPlacer(ACCOUNT_SID, AUTH_TOKEN, twilio.baseUrl());
    final UUID attempt = UUID.randomUUID();
    final OutboundCall call = new OutboundCall(
            new BusinessId(UUID.randomUUID()),
            attempt,
            "+16175550100",
            "+16175550123",
            "https://frontdesk.example/twilio/voice/outbound?attempt=" + attempt,
            "https://frontdesk.example/twilio/voice/outbound/status?attempt=" + attempt,
            "DetectMessageEnd",
            Instant.parse("2026-11-23T15:00:00Z"));

    static String callJson(String dateCreated) {
        return """
                {"account_sid": "%s", "annotation": null, "answered_by": null, "api_version": "2010-04-01",
                 "caller_name": null, "date_created": "%s", "date_updated": "%s", "direction": "outbound-api",
                 "duration": "0", "end_time": null, "forwarded_from": null, "from": "+16175550100",
                 "from_formatted": "(617) 555-0100", "group_sid": null, "parent_call_sid": null,
                 "phone_number_sid": null, "price": null, "price_unit": "USD", "sid": "%s", "start_time": null,
                 "status": "queued", "subresource_uris": {}, "to": "+16175550123", "to_formatted": "(617) 555-0123",
                 "trunk_sid": null, "uri": "/2010-04-01/Accounts/%s/Calls/%s.json", "queue_time": "0"}""".formatted(ACCOUNT_SID, dateCreated, dateCreated, CALL_SID, ACCOUNT_SID, CALL_SID);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aCallIsCreatedWithTheAnswerUrlTheStatusCallbackAndMachineDetection() {
        twilio.stubFor(post(urlPathEqualTo(CALLS_PATH))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(callJson("Mon, 23 Nov 2026 15:00:01 +0000"))));

        assertThat(placer.place(call)).isEqualTo(CALL_SID);

        String basic =
                Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        twilio.verify(
                1,
                postRequestedFor(urlPathEqualTo(CALLS_PATH))
                        .withHeader("Authorization", equalTo("Basic " + basic))
                        .withRequestBody(containing("To=" + form("+16175550123")))
                        .withRequestBody(containing("From=" + form("+16175550100")))
                        .withRequestBody(containing("Url=" + form(call.answerUrl())))
                        .withRequestBody(containing("StatusCallback=" + form(call.statusUrl())))
                        .withRequestBody(containing("StatusCallbackMethod=POST"))
                        .withRequestBody(containing("MachineDetection=DetectMessageEnd")));
    }

    @Test
    void aCallTwilioRefusesWasNotPlaced() {
        twilio.stubFor(post(urlPathEqualTo(CALLS_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"code": 21211, "message": "The 'To' number +16175550123 is not a valid phone number.",
                                 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""")));

        assertThatThrownBy(() -> placer.place(call)).isInstanceOf(CallPlacer.NotPlaced.class);
    }

    @Test
    void afterACrashTwiliosCallListSaysWhetherTheAttemptWasPlaced() {
        twilio.stubFor(get(urlPathEqualTo(CALLS_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"calls": [%s], "end": 0, "first_page_uri": "%s?PageSize=20&Page=0",
                                 "next_page_uri": null, "page": 0, "page_size": 20, "previous_page_uri": null,
                                 "start": 0, "uri": "%s?PageSize=20&Page=0"}""".formatted(callJson("Mon, 23 Nov 2026 15:00:02 +0000"), CALLS_PATH, CALLS_PATH))));

        assertThat(placer.placedFor(call)).contains(CALL_SID);
        twilio.verify(getRequestedFor(urlPathEqualTo(CALLS_PATH))
                .withQueryParam("To", equalTo("+16175550123"))
                .withQueryParam("From", equalTo("+16175550100")));

        twilio.resetAll();
        twilio.stubFor(get(urlPathEqualTo(CALLS_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"calls": [%s], "end": 0, "next_page_uri": null, "page": 0, "page_size": 20,
                                 "start": 0, "uri": "%s"}""".formatted(callJson("Sun, 22 Nov 2026 15:00:00 +0000"), CALLS_PATH))));
        assertThat(placer.placedFor(call))
                .as("an older call is another attempt's")
                .isEmpty();
    }
}
