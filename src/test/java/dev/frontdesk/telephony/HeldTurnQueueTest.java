package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.ScriptedModel;
import dev.frontdesk.support.ScriptedModel.Answer;
import dev.frontdesk.support.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call whose turn is held ("Just a moment") while a slow model thinks: what the caller says meanwhile is
 * queued in order and answered after the held turn, none lost or overwritten. Driven through Twilio-signed
 * webhooks, with an OpenAI-compatible model ({@link ScriptedModel}) that takes longer than its timeout every time (so
 * the offline brain answers each turn after waiting for it) and {@code FRONTDESK_LLM_HOLD_CALLS=true}, so a
 * call waits for the model past the voice budget.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.jobs.enabled=false",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL,
            "frontdesk.assistant.llm.timeout=1500ms",
            "frontdesk.assistant.llm.hold-calls=true",
            "frontdesk.breakers.minimum-calls=1000"
        })
class HeldTurnQueueTest {

    /** Longer than the model's 1.5 s timeout: every turn falls back to the offline brain after waiting. */
    static final ScriptedModel llm = ScriptedModel.start(request -> Answer.after(Duration.ofSeconds(5), "{}"));

    @AfterAll
    static void stop() {
        llm.stop();
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        llm.register(registry);
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void wordsSaidDuringAHeldTurnAreAnsweredInOrderAndTheNameReachesTheBooking() throws Exception {
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var business = api.createBusiness("Held plumbing");
        // a 1 s voice budget; the model is given 1.5 s (FRONTDESK_LLM_TIMEOUT) and would answer in 5 s
        api.patchJson(
                "/api/settings", business, "{\"settings\": {\"assistant\": {\"voiceTurnBudgetMillis\": 1000}}}", 200);
        var call = call(TwilioClient.sid("CA"), "+16175550123", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);

        String held = twilio.post(
                "/twilio/voice/gather?turn=1",
                with(call, "SpeechResult", "hi I need a drain cleaning tomorrow at 10", "Confidence", "0.93"),
                200);
        assertThat(spoken(held)).isEqualTo("Just a moment while I check that.");
        assertThat(held).contains("timeout=\"2\"").contains("action=\"/twilio/voice/gather?turn=2\"");

        // while the first turn is held, the caller gives their name, then says yes
        String name = twilio.post(
                "/twilio/voice/gather?turn=2", with(call, "SpeechResult", "Dana Smith", "Confidence", "0.9"), 200);
        String yes = twilio.post(
                "/twilio/voice/gather?turn=3", with(call, "SpeechResult", "yes please", "Confidence", "0.9"), 200);
        assertThat(spoken(name)).isEmpty();
        assertThat(name).contains("<Gather").contains("action=\"/twilio/voice/gather?turn=3\"");
        assertThat(spoken(yes)).isEmpty();
        assertThat(appointments(business)).isEmpty();

        // the hold's silences ask again until the answer is ready
        int turn = 4;
        String answer = "";
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; turn++) {
            answer = twilio.post("/twilio/voice/gather?turn=" + turn, call, 200);
            if (!spoken(answer).isEmpty()) {
                break;
            }
            Thread.sleep(300);
        }

        assertThat(spoken(answer)).contains("booked").doesNotContain("Just a moment");
        var booked = appointments(business);
        assertThat(booked).hasSize(1);
        assertThat(booked.getFirst().get("customer").get("name").asString()).isEqualTo("Dana Smith");
        assertThat(booked.getFirst().get("start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        // the model was asked about each utterance in the order said, each after the answer to the one before
        List<String> callerWords = ScriptedModel.userWords(
                JsonMapper.shared().readTree(llm.requests().getLast()));
        assertThat(callerWords)
                .containsExactly("hi I need a drain cleaning tomorrow at 10", "Dana Smith", "yes please");
        // the transcript has every utterance once, in order
        assertThat(jdbc.sql("SELECT t.text FROM conversation_turn t JOIN conversation c ON c.id = t.conversation_id"
                                + " WHERE c.conversation_key = :sid AND t.speaker = 'CALLER' ORDER BY t.seq")
                        .param("sid", call.get("CallSid"))
                        .query(String.class)
                        .list())
                .containsExactly("hi I need a drain cleaning tomorrow at 10", "Dana Smith", "yes please");
    }

    private List<tools.jackson.databind.JsonNode> appointments(TestApi.TestBusiness business) {
        var items = api.getJson("/api/appointments", business, 200).get("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }
}
