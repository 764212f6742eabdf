package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.sms;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The offline brain's replies go through the same cleanup as the model's: a knowledge answer written with
 * markdown, an emoji, an id, an ISO date and a link is said on a call as plain words (the link as "the
 * website", the date in words) and texted by SMS as plain text that keeps the link.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL
        })
class CleanRepliesOnChannelsTest {

    static final String ANSWER = "🎉 Our plumbers are **licensed** and insured until 2026-12-31"
            + " (policy 0f8c2a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6). See https://harbor.example/license for details.";

    @Autowired
    TestApi api;

    @Test
    void aCallerHearsAKnowledgeAnswerWithoutMarkdownEmojiIdsOrAddress() {
        var business = businessWithTheSpecial("Clean voice plumbing");
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var call = call(TwilioClient.sid("CA"), "+16175550123", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);

        String twiml = twilio.post(
                "/twilio/voice/gather?turn=1",
                with(call, "SpeechResult", "are you licensed and insured", "Confidence", "0.93"),
                200);

        assertThat(spoken(twiml))
                .isEqualTo("Our plumbers are licensed and insured until Thursday, December 31. See the website for"
                        + " details.");
    }

    @Test
    void aTexterGetsPlainTextThatKeepsTheLink() {
        var business = businessWithTheSpecial("Clean text plumbing");
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);

        String twiml = twilio.post(
                "/twilio/sms",
                sms(TwilioClient.sid("SM"), "+16175550177", business.phoneNumber(), "are you licensed and insured"),
                200);

        assertThat(spoken(twiml))
                .startsWith("Our plumbers are licensed and insured until Thursday, December 31. See"
                        + " https://harbor.example/license for details.")
                .doesNotContain("*", "🎉", "0f8c2a1e", "2026-12-31");
    }

    private TestApi.TestBusiness businessWithTheSpecial(String name) {
        var business = api.createBusiness(name);
        api.perform(
                api.as(business, post("/api/knowledge"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\": \"Are you licensed and insured?\", \"answer\": \"" + ANSWER
                                + "\", \"tags\": []}"),
                201);
        return business;
    }
}
