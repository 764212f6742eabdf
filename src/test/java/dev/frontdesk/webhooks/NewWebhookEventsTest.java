package dev.frontdesk.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events delivered since the "data out" slice: a call's end, a conversation's end, a message for
 * staff, and a campaign's funnel moves, each signed so the receiver (WireMock) can check it.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.webhooks.allow-private=true",
            "frontdesk.webhooks.retry-delay=1s",
            "frontdesk.jobs.polling-interval=100ms",
            "frontdesk.telephony.auth-token=" + NewWebhookEventsTest.TWILIO_TOKEN,
            "frontdesk.telephony.public-base-url=https://frontdesk.example"
        })
class NewWebhookEventsTest {

    static final String TWILIO_TOKEN = "test-twilio-auth-token";

    static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    @Autowired
    Assistant assistant;

    @BeforeEach
    void reset() {
        receiver.resetAll();
        receiver.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/.*"))
                .willReturn(aResponse().withStatus(204)));
    }

    String register(TestBusiness business, String path, String... events) {
        String body = json.writeValueAsString(Map.of("url", receiver.baseUrl() + path, "events", events));
        return api.read(api.perform(
                        api.as(business, MockMvcRequestBuilders.post("/api/webhooks"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body),
                        201))
                .get("secret")
                .asString();
    }

    /** The deliveries received on this path, once at least this many have come, as (body, signature). */
    List<LoggedRequest> received(String path, int atLeast) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        receiver.findAll(postRequestedFor(urlPathEqualTo(path))).size() >= atLeast);
        return receiver.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    JsonNode signedBody(LoggedRequest request, String secret) throws Exception {
        String body = request.getBodyAsString();
        assertThat(WebhooksApiTest.signatureHolds(request.getHeader("X-Frontdesk-Signature"), secret, body))
                .as("the receiver can check the signature")
                .isTrue();
        return json.readTree(body);
    }

    static MockHttpServletRequestBuilder twilio(String path, Map<String, String> params) {
        var request = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        params.forEach(request::param);
        return request.header(
                "X-Twilio-Signature",
                dev.frontdesk.telephony.TwilioClient.signature(
                        TWILIO_TOKEN, "https://frontdesk.example" + path, params));
    }

    @Test
    void aFinishedPhoneCallDeliversCallCompletedAndConversationEndedWithoutTheTranscript() throws Exception {
        var business = api.createBusiness("Call hooks");
        String secret = register(business, "/calls", "call.completed", "conversation.ended");
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        var call = Map.of(
                "CallSid", callSid,
                "CallStatus", "ringing",
                "Direction", "inbound",
                "From", "+16175550123",
                "To", business.phoneNumber());
        api.perform(twilio("/twilio/voice", call), 200);
        var params = new java.util.HashMap<>(call);
        params.put("SpeechResult", "what are your opening hours");
        params.put("Confidence", "0.93");
        api.perform(twilio("/twilio/voice/gather?turn=1", params), 200);
        var ended = new java.util.HashMap<>(call);
        ended.put("CallStatus", "completed");
        ended.put("CallDuration", "42");
        api.perform(twilio("/twilio/voice/status", ended), 204);
        // Twilio redelivers the final callback: nothing more is sent
        api.perform(twilio("/twilio/voice/status", ended), 204);

        List<LoggedRequest> requests = received("/calls", 2);
        Thread.sleep(500);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/calls"))))
                .as("one delivery per event, the redelivered callback adds none")
                .hasSize(2);
        JsonNode completed = null;
        JsonNode conversation = null;
        for (LoggedRequest request : requests) {
            JsonNode body = signedBody(request, secret);
            if (body.get("type").asString().equals("call.completed")) {
                completed = body;
            } else {
                conversation = body;
            }
        }
        assertThat(completed).isNotNull();
        assertThat(completed.get("businessId").asString()).isEqualTo(business.id());
        assertThat(completed.at("/data/callSid").asString()).isEqualTo(callSid);
        assertThat(completed.at("/data/status").asString()).isEqualTo("completed");
        assertThat(completed.at("/data/direction").asString()).isEqualTo("inbound");
        assertThat(completed.at("/data/durationSeconds").asInt()).isEqualTo(42);
        assertThat(completed.at("/data/customerPhone").asString()).isEqualTo("+16175550123");
        assertThat(completed.at("/data/endedAt").isNull()).isFalse();
        assertThat(completed.get("data").has("campaign"))
                .as("a received call belongs to no campaign")
                .isFalse();

        assertThat(conversation).isNotNull();
        assertThat(conversation.get("type").asString()).isEqualTo("conversation.ended");
        assertThat(conversation.at("/data/channel").asString()).isEqualTo("VOICE");
        assertThat(conversation.at("/data/outcome").asString()).isNotBlank();
        assertThat(conversation.at("/data/conversationId").asString()).isNotBlank();
        assertThat(conversation.toString())
                .as("no transcript or summary")
                .doesNotContain("opening hours")
                .doesNotContain("summary")
                .doesNotContain("transcript");
    }

    @Test
    void aMessageForStaffDeliversMessageTakenWithoutItsWords() throws Exception {
        var business = api.createBusiness("Message hooks");
        api.perform(
                api.as(business, MockMvcRequestBuilders.post("/api/employees"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\", \"status\": \"AWAY\"}"),
                201);
        String secret = register(business, "/messages", "message.taken");
        var id = BusinessId.parse(business.id()).orElseThrow();
        String key = "call-" + UUID.randomUUID();
        for (String said : List.of(
                "I need to speak to Sam",
                "please tell Sam the boiler is making a banging noise again",
                "it's Robert Brown")) {
            assistant.handle(new InboundTurn(id, Channel.VOICE, key, said, null, 0.9, "+16175550123"));
        }

        JsonNode body = signedBody(received("/messages", 1).getFirst(), secret);
        String messageId =
                api.getJson("/api/messages", business, 200).at("/items/0/id").asString();
        assertThat(body.get("type").asString()).isEqualTo("message.taken");
        assertThat(body.at("/data/messageId").asString()).isEqualTo(messageId);
        assertThat(body.at("/data/recipientKind").asString()).isEqualTo("EMPLOYEE");
        assertThat(body.at("/data/status").asString()).isIn("DELIVERED", "FAILED");
        assertThat(body.at("/data/callerPhone").asString()).isEqualTo("+16175550123");
        assertThat(body.toString()).doesNotContain("boiler").doesNotContain("Robert");
    }

    @Test
    void aCampaignMovingLeadsDeliversLeadStatusChangedForEachLead() throws Exception {
        var business = api.createBusiness("Campaign hooks");
        String secret = register(business, "/leads", "lead.status_changed");
        String dana = lead(business, "Dana", "+16175550131");
        String lucia = lead(business, "Lucia", "+16175550132");
        String campaign = api.read(api.perform(
                        api.as(business, MockMvcRequestBuilders.post("/api/campaigns"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                        {"name": "Checks", "purpose": "your annual boiler check", "leadIds": ["%s", "%s"],
                         "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 2,
                         "retry": {"attempts": 1, "backoffMinutes": 60}, "voicemail": "HANG_UP"}""".formatted(dana, lucia)),
                        201))
                .get("id")
                .asString();
        api.perform(api.as(business, MockMvcRequestBuilders.post("/api/campaigns/" + campaign + "/start")), 200);

        List<LoggedRequest> requests = received("/leads", 2);
        var queued = new java.util.HashSet<String>();
        for (LoggedRequest request : requests) {
            JsonNode body = signedBody(request, secret);
            assertThat(body.get("type").asString()).isEqualTo("lead.status_changed");
            if (body.at("/data/to").asString().equals("QUEUED")) {
                assertThat(body.at("/data/from").asString()).isEqualTo("NEW");
                queued.add(body.at("/data/customerId").asString());
            }
        }
        assertThat(queued).as("one delivery per lead moved").containsExactlyInAnyOrder(dana, lucia);
    }

    String lead(TestBusiness business, String name, String phone) {
        return api.read(api.perform(
                        api.as(business, MockMvcRequestBuilders.post("/api/customers"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\": \"%s\", \"phone\": \"%s\", \"lead\": true}".formatted(name, phone)),
                        201))
                .get("id")
                .asString();
    }
}
