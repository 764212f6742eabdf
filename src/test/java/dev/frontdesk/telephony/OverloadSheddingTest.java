package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.sms;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.telephony.internal.BusyTurns;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * A node whose every turn permit is taken (as by slow turns under overload) answers Twilio at once: a
 * call is held with "One moment, please." and a redirect that brings the caller's words back, a text gets
 * an empty answer and its reply later as a text of its own; health still answers. Nothing is lost and
 * nothing is heard twice.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL,
            "frontdesk.telephony.turn-concurrency=2",
            "frontdesk.telephony.turn-queue-timeout=50ms"
        })
class OverloadSheddingTest {

    static final String CALLER = "+16175550123";
    static final Pattern REDIRECT = Pattern.compile("<Redirect method=\"POST\">(.*?)</Redirect>");

    @Autowired
    TestApi api;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    TwilioClient twilio;

    @BeforeEach
    void client() {
        twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
    }

    private double shed(String webhook) {
        var counter =
                meters.find("frontdesk.turns.shed").tag("webhook", webhook).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String redirect(String twiml) {
        Matcher matcher = REDIRECT.matcher(twiml);
        assertThat(matcher.find()).as("a <Redirect> in %s", twiml).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static void wellFormed(String twiml) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(twiml)));
    }

    private List<JsonNode> transcript(TestBusiness business) {
        String id = api.getJson("/api/conversations?channel=VOICE", business, 200)
                .at("/items/0/id")
                .asString();
        return api.getJson("/api/conversations/" + id, business, 200)
                .get("transcript")
                .valueStream()
                .toList();
    }

    @Test
    void aBusyNodeHoldsTheCallerAndHearsTheHeldWordsOnceWhenAPermitFrees() throws Exception {
        TestBusiness business = api.createBusiness("Busy plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        var said = with(call, "SpeechResult", "hi I need a drain cleaning tomorrow at 10", "Confidence", "0.93");
        double before = shed("gather");

        String held;
        String heldAgain;
        try (var busy = BusyTurns.occupyAll(context)) {
            held = twilio.post("/twilio/voice/gather?turn=1", said, 200, "I-Twilio-Idempotency-Token", "tok-1");
            // and health answers, UP, while every permit is taken
            api.perform(get("/actuator/health/readiness"), 200);
            heldAgain = twilio.post(redirect(held), call, 200);
        }

        wellFormed(held);
        assertThat(spoken(held)).isEqualTo("One moment, please.");
        assertThat(held).doesNotContain("<Hangup").doesNotContain("<Gather");
        assertThat(redirect(held))
                .startsWith("/twilio/voice/gather?turn=1&held=1&")
                .contains("SpeechResult=hi%20I%20need%20a%20drain%20cleaning%20tomorrow%20at%2010")
                .contains("Confidence=0.93");
        // a second hold of the same turn is a second of silence, not the same line again
        wellFormed(heldAgain);
        assertThat(heldAgain).contains("<Pause length=\"1\"/>").doesNotContain("<Say");
        assertThat(redirect(heldAgain)).startsWith("/twilio/voice/gather?turn=1&held=2&");
        assertThat(shed("gather") - before).isEqualTo(2);

        // a permit is free: Twilio follows the redirect with the call's parameters only, and the words are heard
        String answered = twilio.post(redirect(heldAgain), call, 200);
        assertThat(answered).contains("action=\"/twilio/voice/gather?turn=2\"");
        assertThat(spoken(answered)).doesNotContain("One moment").doesNotContain("Sorry, something went wrong");
        // Twilio redelivering the first post gets the same answer; the assistant heard the words once
        assertThat(twilio.post("/twilio/voice/gather?turn=1", said, 200, "I-Twilio-Idempotency-Token", "tok-1"))
                .isEqualTo(answered);
        assertThat(transcript(business).stream()
                        .filter(line -> line.get("speaker").asString().equals("CALLER"))
                        .map(line -> line.get("text").asString()))
                .containsExactly("hi I need a drain cleaning tomorrow at 10");
    }

    @Test
    void aGreetingOnABusyNodeHoldsTheCallAndGreetsWhenAPermitFrees() throws Exception {
        TestBusiness business = api.createBusiness("Ringing plumbing");
        var call = with(
                call(TwilioClient.sid("CA"), CALLER, business.phoneNumber()), "StirVerstat", "TN-Validation-Passed-A");
        double before = shed("voice");
        String held;
        try (var busy = BusyTurns.occupyAll(context)) {
            held = twilio.post("/twilio/voice", call, 200);
        }
        wellFormed(held);
        assertThat(spoken(held)).isEqualTo("One moment, please.");
        assertThat(redirect(held)).isEqualTo("/twilio/voice?held=1&StirVerstat=TN-Validation-Passed-A");
        assertThat(shed("voice") - before).isEqualTo(1);

        String greeting = twilio.post(redirect(held), call, 200);
        assertThat(greeting).contains("action=\"/twilio/voice/gather?turn=1\"");
        assertThat(spoken(greeting)).contains("Ringing plumbing");
    }

    @Test
    void aCallerHeldTooLongHearsAnApologyAndAGoodbyeNotEndlessSilence() throws Exception {
        TestBusiness business = api.createBusiness("Swamped plumbing");
        var call = call(TwilioClient.sid("CA"), CALLER, business.phoneNumber());
        String last;
        try (var busy = BusyTurns.occupyAll(context)) {
            last = twilio.post("/twilio/voice/gather?turn=3&held=10&SpeechResult=hello", call, 200);
        }
        wellFormed(last);
        assertThat(last).contains("<Hangup/>").doesNotContain("<Redirect");
        assertThat(spoken(last)).contains("very busy");
    }

    @Test
    void aTextOnABusyNodeGetsAnEmptyAnswerAtOnceAndItsReplyAsATextOnceAPermitFrees() throws Exception {
        TestBusiness business = api.createBusiness("Texting plumbing");
        String messageSid = TwilioClient.sid("SM");
        Map<String, String> text =
                sms(messageSid, SmsWebhooksTest.TEXTER, business.phoneNumber(), "what time do you open on saturday");
        double before = shed("sms");
        String first;
        String redelivered;
        String stop;
        try (var busy = BusyTurns.occupyAll(context)) {
            first = twilio.post("/twilio/sms", text, 200);
            redelivered = twilio.post("/twilio/sms", text, 200);
            // STOP is never deferred: it takes no assistant turn
            stop = twilio.post(
                    "/twilio/sms", sms(TwilioClient.sid("SM"), "+16175550177", business.phoneNumber(), "STOP"), 200);
            assertThat(sentTo(business, SmsWebhooksTest.TEXTER)).isEmpty();
        }
        wellFormed(first);
        assertThat(first).doesNotContain("<Message");
        assertThat(redelivered).isEqualTo(first);
        assertThat(spoken(stop)).contains("unsubscribed");
        // both deliveries were shed; the redelivery got the stored empty answer and deferred nothing
        assertThat(shed("sms") - before).isEqualTo(2);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !sentTo(business, SmsWebhooksTest.TEXTER).isEmpty());
        assertThat(sentTo(business, SmsWebhooksTest.TEXTER)).hasSize(1);
        assertThat(sentTo(business, SmsWebhooksTest.TEXTER).getFirst()).containsIgnoringCase("saturday");
    }

    private List<String> sentTo(TestBusiness business, String number) {
        return api.getJson("/api/outbox?channel=SMS", business, 200)
                .get("items")
                .valueStream()
                .filter(m -> m.get("to").asString().equals(number))
                .map(m -> m.get("body").asString())
                .toList();
    }
}
