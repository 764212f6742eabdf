package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Calls through Twilio's voice webhooks, signed as Twilio signs them: TwiML out, records in the API. */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL
        })
class VoiceWebhooksTest {

    static final String CALLER = "+16175550123";

    @Autowired
    TestApi api;

    TwilioClient twilio;

    @BeforeEach
    void client() {
        twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
    }

    private String say(Map<String, String> call, int turn, String speech) {
        String twiml = twilio.post(
                "/twilio/voice/gather?turn=" + turn, with(call, "SpeechResult", speech, "Confidence", "0.93"), 200);
        System.out.println("CALLER: " + speech + "\n  TWIML: " + twiml);
        return twiml;
    }

    @Test
    void aSignedCallBooksAnAppointmentAndTheStatusCallbackEndsTheCallRecord() {
        TestBusiness business = api.createBusiness("Phone plumbing");
        String callSid = TwilioClient.sid("CA");
        var call = call(callSid, CALLER, business.phoneNumber());

        String greeting = twilio.post("/twilio/voice", call, 200);
        assertThat(greeting)
                .startsWith("<?xml")
                .contains("<Response><Gather ")
                .contains("input=\"speech dtmf\"")
                .contains("action=\"/twilio/voice/gather?turn=1\"")
                .contains("method=\"POST\"")
                .contains("language=\"en-US\"")
                .contains("actionOnEmptyResult=\"true\"")
                .contains("speechTimeout=\"auto\"")
                .contains("voice=\"Polly.Joanna-Neural\"")
                .doesNotContain("<Hangup");
        assertThat(spoken(greeting)).contains("Phone plumbing");

        String first = say(call, 1, "hi I need a drain cleaning tomorrow at 10");
        assertThat(first).contains("action=\"/twilio/voice/gather?turn=2\"");
        say(call, 2, "Dana Smith");
        say(call, 3, "yes please");
        String last = say(call, 4, "no that's all thanks");
        assertThat(last).contains("<Hangup/>").doesNotContain("<Gather");

        String status = twilio.post(
                "/twilio/voice/status",
                with(
                        call,
                        "CallStatus",
                        "completed",
                        "CallDuration",
                        "94",
                        "RecordingUrl",
                        "https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE1"),
                204);
        assertThat(status).isEmpty();

        JsonNode appointments = api.getJson("/api/appointments", business, 200);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(appointments.at("/items/0/customer/name").asString()).isEqualTo("Dana Smith");
        assertThat(appointments.at("/items/0/customer/phone").asString()).isEqualTo(CALLER);

        JsonNode calls = api.getJson("/api/calls", business, 200);
        assertThat(calls.get("total").asInt()).isEqualTo(1);
        JsonNode record = calls.at("/items/0");
        assertThat(record.get("callSid").asString()).isEqualTo(callSid);
        assertThat(record.get("status").asString()).isEqualTo("completed");
        assertThat(record.get("durationSeconds").asInt()).isEqualTo(94);
        assertThat(record.get("endedAt").isNull()).isFalse();
        assertThat(record.get("recordingUrl").asString()).endsWith("/Recordings/RE1");

        JsonNode conversations = api.getJson("/api/conversations?channel=VOICE", business, 200);
        assertThat(conversations.at("/items/0/outcome").asString()).isEqualTo("BOOKED");
        JsonNode callItem = api.getJson("/api/calls", business, 200).at("/items/0");
        assertThat(callItem.get("outcome").asString()).isEqualTo("BOOKED");
        assertThat(callItem.get("emergency").asBoolean()).isFalse();
        assertThat(callItem.get("summary").asString()).contains("Booked");
        assertThat(conversations.at("/items/0/customerPhone").asString()).isEqualTo(CALLER);
    }

    @Test
    void unsignedAndWronglySignedRequestsAreForbidden() {
        TestBusiness business = api.createBusiness("Guarded plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());

        api.perform(TwilioClient.form("/twilio/voice", call), 403);
        api.perform(TwilioClient.form("/twilio/voice", call).header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl"), 403);
        // signed with another token
        api.perform(
                TwilioClient.form("/twilio/voice", call)
                        .header(
                                "X-Twilio-Signature",
                                TwilioClient.signature(
                                        "another-token", TwilioClient.PUBLIC_BASE_URL + "/twilio/voice", call)),
                403);
        // a parameter changed after signing
        api.perform(
                TwilioClient.form("/twilio/voice", with(call, "From", "+16175550999"))
                        .header(
                                "X-Twilio-Signature",
                                TwilioClient.signature(
                                        TwilioClient.AUTH_TOKEN, TwilioClient.PUBLIC_BASE_URL + "/twilio/voice", call)),
                403);
        // the query is signed too: a signature for turn=1 does not admit turn=2
        var speech = with(call, "SpeechResult", "hello");
        api.perform(
                TwilioClient.form("/twilio/voice/gather?turn=2", speech)
                        .header(
                                "X-Twilio-Signature",
                                TwilioClient.signature(
                                        TwilioClient.AUTH_TOKEN,
                                        TwilioClient.PUBLIC_BASE_URL + "/twilio/voice/gather?turn=1",
                                        speech)),
                403);
        api.perform(
                TwilioClient.form("/twilio/sms", TwilioClient.sms("SM1", CALLER, business.phoneNumber(), "hi")), 403);
        api.perform(TwilioClient.form("/twilio/voice/status", with(call, "CallStatus", "completed")), 403);

        assertThat(api.getJson("/api/calls", business, 200).get("total").asInt())
                .isZero();
        // the same request, properly signed, is answered
        assertThat(twilio.post("/twilio/voice", call, 200)).contains("<Gather");
    }

    @Test
    void aRedeliveredGatherGetsTheSameTwimlAndBooksOnce() {
        TestBusiness business = api.createBusiness("Retry plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());
        String greeting = twilio.post("/twilio/voice", call, 200);
        assertThat(twilio.post("/twilio/voice", call, 200)).isEqualTo(greeting);

        String first = say(call, 1, "hi I need a drain cleaning tomorrow at 10");
        assertThat(say(call, 1, "hi I need a drain cleaning tomorrow at 10")).isEqualTo(first);
        say(call, 2, "Dana Smith");
        String booked = say(call, 3, "yes please");
        assertThat(say(call, 3, "yes please")).isEqualTo(booked);

        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);
        assertThat(api.getJson("/api/calls", business, 200).get("total").asInt())
                .isEqualTo(1);
        // the assistant heard each turn once: greeting, then three caller lines and three answers
        String conversation = api.getJson("/api/conversations", business, 200)
                .at("/items/0/id")
                .asString();
        assertThat(api.getJson("/api/conversations/" + conversation, business, 200)
                        .get("transcript"))
                .hasSize(7);
    }

    @Test
    void redeliveriesArrivingWhileTheTurnIsAnsweredGetItsAnswerAndTheTurnHappensOnce() throws Exception {
        // a turn is one transaction: its claim is not visible until it commits, so a redelivery that comes
        // meanwhile must wait for it rather than answer the turn a second time
        TestBusiness business = api.createBusiness("Overlapping retries plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        say(call, 1, "hi I need a drain cleaning tomorrow at 10");
        say(call, 2, "Dana Smith");
        var confirm = with(call, "SpeechResult", "yes please", "Confidence", "0.93");
        int deliveries = 4;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < deliveries; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return twilio.post(
                            "/twilio/voice/gather?turn=3", confirm, 200, "I-Twilio-Idempotency-Token", "token-3");
                }));
            }
            start.countDown();
            String first = answers.getFirst().get();
            assertThat(first).contains("<Say").doesNotContain("Sorry, something went wrong");
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
        }

        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);
        String conversation = api.getJson("/api/conversations", business, 200)
                .at("/items/0/id")
                .asString();
        // greeting, then three caller lines and three answers: "yes please" heard once
        assertThat(api.getJson("/api/conversations/" + conversation, business, 200)
                        .get("transcript"))
                .hasSize(7);
    }

    @Test
    void simultaneousDeliveriesWithOneIdempotencyTokenOnTwoUrlsAreOneTurn() throws Exception {
        // the token identifies the request whatever URL it reached: deliveries racing on two URLs (two keys)
        // must not both run the turn because neither has seen the other's claim yet
        TestBusiness business = api.createBusiness("Racing token plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        say(call, 1, "hi I need a drain cleaning tomorrow at 10");
        say(call, 2, "Dana Smith");
        var confirm = with(call, "SpeechResult", "yes please", "Confidence", "0.93");
        String token = TwilioClient.sid("tok");
        var start = new java.util.concurrent.CountDownLatch(1);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (String url : java.util.List.of("/twilio/voice/gather?turn=3", "/twilio/voice/gather?turn=30")) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return twilio.post(url, confirm, 200, "I-Twilio-Idempotency-Token", token);
                }));
            }
            start.countDown();
            String first = answers.getFirst().get();
            assertThat(first).contains("<Say").doesNotContain("Sorry, something went wrong");
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
        }

        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);
        String conversation = api.getJson("/api/conversations", business, 200)
                .at("/items/0/id")
                .asString();
        // greeting, then three caller lines and three answers: "yes please" heard once
        assertThat(api.getJson("/api/conversations/" + conversation, business, 200)
                        .get("transcript"))
                .hasSize(7);
    }

    @Test
    void aRedeliveryIsRecognisedByItsIdempotencyToken() {
        TestBusiness business = api.createBusiness("Token plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        say(call, 1, "hi I need a drain cleaning tomorrow at 10");
        say(call, 2, "Dana Smith");
        var confirm = with(call, "SpeechResult", "yes please", "Confidence", "0.93");
        String booked = twilio.post(
                "/twilio/voice/gather?turn=3", confirm, 200, "I-Twilio-Idempotency-Token", "token-of-turn-3");
        // the token alone identifies the redelivery, even on another URL
        String again = twilio.post(
                "/twilio/voice/gather?turn=30", confirm, 200, "I-Twilio-Idempotency-Token", "token-of-turn-3");

        assertThat(again).isEqualTo(booked);
        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void anUnknownNumberOrASuspendedBusinessGetsAPoliteGoodbye() {
        String unknown = twilio.post("/twilio/voice", call(TwilioClient.sid("CA"), CALLER, "+16175550100"), 200);
        assertThat(unknown).contains("<Say").contains("<Hangup/>").doesNotContain("<Gather");
        assertThat(spoken(unknown)).contains("Sorry");

        TestBusiness business = api.createBusiness("Paused plumbing");
        api.perform(
                api.asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/admin/businesses/" + business.id() + "/suspend")),
                200);
        String suspended =
                twilio.post("/twilio/voice", call(TwilioClient.sid("CA"), CALLER, business.phoneNumber()), 200);
        assertThat(suspended).contains("<Say").contains("<Hangup/>").doesNotContain("<Gather");
        assertThat(spoken(suspended)).doesNotContain("Paused plumbing");
    }

    @Test
    void anEmergencyCallAlertsTheOwnerDuringTheCall() {
        TestBusiness business = api.createBusiness("Flood plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        String answer = say(call, 1, "a pipe burst and my kitchen is flooding");
        assertThat(answer).doesNotContain("<Hangup");

        JsonNode outbox = api.getJson("/api/outbox?channel=SMS", business, 200);
        assertThat(outbox.get("items")
                        .valueStream()
                        .filter(m -> m.get("purpose").asString().equals("OWNER_ALERT"))
                        .map(m -> m.get("to").asString()))
                .containsExactly("+16175550142");
    }

    @Test
    void callsAreListedNewestFirstAndInvisibleToOtherBusinesses() {
        TestBusiness owner = api.createBusiness("Listed plumbing");
        TestBusiness intruder = api.createBusiness("Nosy plumbing");
        String firstSid = TwilioClient.sid("CA");
        String secondSid = TwilioClient.sid("CA");
        twilio.post("/twilio/voice", call(firstSid, CALLER, owner.phoneNumber()), 200);
        twilio.post("/twilio/voice", call(secondSid, "+16175550124", owner.phoneNumber()), 200);

        JsonNode page = api.getJson("/api/calls?pageSize=1", owner, 200);
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("pageSize").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        JsonNode item = api.getJson("/api/calls", owner, 200).at("/items/0");
        assertThat(item.propertyNames())
                .contains(
                        "id",
                        "channel",
                        "callSid",
                        "customerPhone",
                        "startedAt",
                        "endedAt",
                        "status",
                        "durationSeconds",
                        "recordingUrl");
        assertThat(item.get("channel").asString()).isEqualTo("VOICE");
        assertThat(item.get("status").asString()).isEqualTo("in-progress");
        assertThat(item.get("endedAt").isNull()).isTrue();
        assertThat(api.getJson("/api/calls", intruder, 200).get("total").asInt())
                .isZero();

        String id = item.get("id").asString();
        assertThat(api.getJson("/api/calls/" + id, owner, 200).get("callSid").asString())
                .isIn(firstSid, secondSid);
        dev.frontdesk.support.TenantIsolation.assertInvisibleToOtherBusiness(
                api, owner, intruder, "/api/calls/" + id, null, false, null);
        api.getJson("/api/calls/not-a-uuid", owner, 404);
    }

    @Test
    void aBrokenVoiceWebhookApologisesInTwimlInsteadOfAStackTrace() {
        var noCallSid = with(call("", CALLER, "+16175550100"));
        noCallSid.remove("CallSid");
        String answer = twilio.post("/twilio/voice/gather?turn=1", noCallSid, 200);
        assertThat(answer)
                .contains(
                        "<Say language=\"en-US\" voice=\"Polly.Joanna-Neural\">Sorry, something went wrong on our side."
                                + " Please call back in a few minutes.</Say><Hangup/>")
                .doesNotContain("Exception");
    }
}
