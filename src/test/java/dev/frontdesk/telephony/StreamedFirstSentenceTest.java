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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code FRONTDESK_LLM_STREAM=true}, a call hears the first sentence of the model's answer as soon as
 * it is written, then the rest: an OpenAI-compatible endpoint answers {@code "stream":
 * true} with server-sent events, one piece of text every 400 ms (about 7 s in all, longer than the 4 s
 * voice budget), from {@link ScriptedModel} (a small in-test server: WireMock's chunked dribble delay delivered
 * the events only at the end here, so it could not play a stream). The first webhook
 * answers with the first sentence and a redirect (not "Just a moment"), and the redirect's answers bring the
 * rest, without the first sentence again. The times are printed (docs/assistant.md quotes them); they are not
 * asserted.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.jobs.enabled=false",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL,
            "frontdesk.assistant.llm.timeout=8s",
            "frontdesk.assistant.llm.stream=true",
            "frontdesk.breakers.minimum-calls=1000"
        })
class StreamedFirstSentenceTest {

    static final String[] PIECES = {
        "Yes, we clean drains",
        " from $120.",
        " Would",
        " you",
        " like",
        " me",
        " to",
        " look",
        " for",
        " a",
        " time",
        " that",
        " suits",
        " you",
        " this",
        " week?"
    };
    static final long PACE_MILLIS = 400;

    /** The model: an OpenAI-compatible endpoint streaming one piece every 400 ms (about 7 s in all). */
    static final ScriptedModel llm =
            ScriptedModel.start(request -> Answer.stream(Duration.ofMillis(PACE_MILLIS), PIECES));

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

    @Test
    void aCallerHearsTheFirstSentenceWhileTheRestIsWrittenThenTheRest() throws Exception {
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var business = api.createBusiness("Streamed plumbing");
        // a 4 s voice budget, shorter than the whole answer; a first call warms up what loads once per process
        api.patchJson(
                "/api/settings", business, "{\"settings\": {\"assistant\": {\"voiceTurnBudgetMillis\": 4000}}}", 200);
        var warmUp = call(TwilioClient.sid("CA"), "+16175550199", business.phoneNumber());
        twilio.post("/twilio/voice", warmUp, 200);
        twilio.post("/twilio/voice/gather?turn=1", with(warmUp, "SpeechResult", "hello"), 200);
        var call = call(TwilioClient.sid("CA"), "+16175550123", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);

        long asked = System.nanoTime();
        String first = twilio.post(
                "/twilio/voice/gather?turn=1",
                with(call, "SpeechResult", "do you clean drains and how much", "Confidence", "0.93"),
                200);
        long firstHeard = System.nanoTime();
        System.out.printf("Streamed answer: first webhook answered after %d ms%n", (firstHeard - asked) / 1_000_000);

        assertThat(spoken(first)).isEqualTo("Yes, we clean drains from $120.");
        assertThat(first).contains("<Redirect method=\"POST\">/twilio/voice/gather?turn=2</Redirect>");
        // the rest, asked for by the redirect and the hold's silences
        List<String> heard = new ArrayList<>();
        int turn = 2;
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; turn++) {
            String next = twilio.post("/twilio/voice/gather?turn=" + turn, call, 200);
            if (!spoken(next).isEmpty()) {
                heard.add(spoken(next));
                assertThat(next).contains("<Gather");
                break;
            }
            Thread.sleep(200);
        }
        long restHeard = System.nanoTime();

        assertThat(heard).containsExactly("Would you like me to look for a time that suits you this week?");
        assertThat(llm.requests()).anySatisfy(body -> assertThat(body).containsPattern("\"stream\"\\s*:\\s*true"));
        System.out.printf(
                "Streamed answer over 7 s: first sentence said after %d ms, the rest after %d ms%n",
                (firstHeard - asked) / 1_000_000, (restHeard - asked) / 1_000_000);
    }
}
