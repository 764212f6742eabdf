package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * A caller's question is embedded once per turn: the intent classifier and the knowledge search both need
 * its vector, and the second gets the first's (within the turn only: the same words on the next turn are
 * embedded again). A turn that answers what was asked, and that the answer decides, is not embedded at all
 * (docs/performance.md, "Fix 8"). Counted on the model ({@code frontdesk.assistant.embeddings}).
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.jobs.enabled=false",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL
        })
class OneEmbeddingPerTurnTest {

    @Autowired
    TestApi api;

    @Autowired
    MeterRegistry meters;

    @Test
    void aTurnAskingTheKnowledgeBaseEmbedsTheCallersWordsOnce() {
        var business = api.createBusiness("Embedded once plumbing");
        knowledge(business, "Do you offer financing?", "Yes, we offer financing on jobs over 500 dollars.");
        knowledge(
                business, "Do you offer a warranty on your work?", "Yes, every repair comes with a one-year warranty.");
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var call = call(TwilioClient.sid("CA"), "+16175550123", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        // the first question also loads the business's knowledge (its entries embedded in one batch)
        twilio.post(
                "/twilio/voice/gather?turn=1",
                with(call, "SpeechResult", "um do you guys do financing at all", "Confidence", "0.93"),
                200);

        double before = embedded();
        String twiml = twilio.post(
                "/twilio/voice/gather?turn=2",
                with(call, "SpeechResult", "do you guys give any warranty on the work you do", "Confidence", "0.93"),
                200);

        assertThat(spoken(twiml)).contains("one-year warranty");
        assertThat(embedded() - before).as("texts embedded by the turn").isEqualTo(1.0);

        // the same words on a later turn are embedded again: nothing is kept beyond the turn
        before = embedded();
        twilio.post(
                "/twilio/voice/gather?turn=3",
                with(call, "SpeechResult", "do you guys give any warranty on the work you do", "Confidence", "0.93"),
                200);
        assertThat(embedded() - before).as("texts embedded by the next turn").isEqualTo(1.0);
    }

    @Test
    void aNameGivenWhenAskedForIsNotEmbeddedAndAnOpeningRequestIs() {
        var business = api.createBusiness("Answers unembedded plumbing");
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var call = call(TwilioClient.sid("CA"), "+16175550124", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);

        double before = embedded();
        String asked = twilio.post(
                "/twilio/voice/gather?turn=1",
                with(call, "SpeechResult", "hi I need a drain cleaning tomorrow at 10", "Confidence", "0.93"),
                200);
        assertThat(spoken(asked)).containsIgnoringCase("name");
        // no rule tells what an opening request wants: the nearest examples do
        assertThat(embedded() - before).as("texts embedded by the request").isEqualTo(1.0);

        before = embedded();
        String readBack = twilio.post(
                "/twilio/voice/gather?turn=2", with(call, "SpeechResult", "Dana Smith", "Confidence", "0.93"), 200);
        // the name asked for is taken as the name without asking what else the words might want
        assertThat(spoken(readBack)).contains("Dana");
        assertThat(embedded() - before).as("texts embedded by the name").isEqualTo(0.0);
    }

    private double embedded() {
        return meters.get("frontdesk.assistant.embeddings").counter().count();
    }

    private void knowledge(TestApi.TestBusiness business, String question, String answer) {
        api.perform(
                api.as(business, post("/api/knowledge"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\": \"" + question + "\", \"answer\": \"" + answer + "\", \"tags\": []}"),
                201);
    }
}
