package dev.frontdesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * "Can I talk to Sam" on a call: the caller is put through with {@code <Dial>}; when Sam does not answer,
 * the assistant takes a message instead and Sam gets it. Monday 10:00 in New York.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T15:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL
        })
class TransferByPhoneTest {

    @Autowired
    TestApi api;

    /** A business whose Sam Lee works Mondays 08:00-17:00. */
    private TestApi.TestBusiness businessWithSam(String name) {
        var business = api.createBusiness(name);
        api.perform(
                api.as(business, post("/api/employees"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\","
                                + " \"hours\": {\"MONDAY\": [\"08:00-17:00\"]}}"),
                201);
        return business;
    }

    @Test
    void anUnansweredTransferBecomesAMessageForThatPerson() {
        var business = businessWithSam("Put through");
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        String callSid = TwilioClient.sid("CA");
        var call = TwilioClient.call(callSid, "+16175550123", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);

        String dial = twilio.post(
                "/twilio/voice/gather?turn=1",
                TwilioClient.with(call, "SpeechResult", "can I talk to Sam please", "Confidence", "0.92"),
                200);
        assertThat(dial)
                .contains("putting you through")
                .contains("<Dial action=\"/twilio/voice/status?turn=2\"")
                .contains("callerId=\"" + business.phoneNumber() + "\"")
                .contains("url=\"/twilio/voice/whisper?w=")
                .contains("+16175550177</Number></Dial>");

        String offer =
                twilio.post("/twilio/voice/status?turn=2", TwilioClient.with(call, "DialCallStatus", "no-answer"), 200);
        assertThat(offer)
                .contains("<Gather")
                .contains("action=\"/twilio/voice/gather?turn=2\"")
                .contains("take a message");

        twilio.post(
                "/twilio/voice/gather?turn=2",
                TwilioClient.with(call, "SpeechResult", "tell Sam the boiler is banging again", "Confidence", "0.9"),
                200);
        String done = twilio.post(
                "/twilio/voice/gather?turn=3",
                TwilioClient.with(call, "SpeechResult", "it's Robert Brown", "Confidence", "0.9"),
                200);
        assertThat(done).contains("passed your message on");

        JsonNode messages = api.getJson("/api/messages", business, 200);
        assertThat(messages.get("total").asInt()).isEqualTo(1);
        assertThat(messages.at("/items/0/forEmployee/name").asString()).isEqualTo("Sam Lee");
        assertThat(messages.at("/items/0/callerPhone").asString()).isEqualTo("+16175550123");
    }

    @Test
    void theEmployeeHearsWhoIsCallingAndADeclinedCallBecomesAMessageOffer() {
        var business = businessWithSam("Whisper");
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        String callSid = TwilioClient.sid("CA");
        var call = TwilioClient.call(callSid, "+16175550123", business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        String dial = twilio.post(
                "/twilio/voice/gather?turn=1",
                TwilioClient.with(call, "SpeechResult", "can I talk to Sam", "Confidence", "0.92"),
                200);
        String whisperUrl = dial.replaceAll("(?s).*url=\"([^\"]+)\".*", "$1").replace("&amp;", "&");

        var employeeLeg = TwilioClient.with(
                TwilioClient.call(TwilioClient.sid("CA"), business.phoneNumber(), "+16175550177"),
                "ParentCallSid",
                callSid);
        String whisper = twilio.post(whisperUrl, employeeLeg, 200);
        assertThat(whisper)
                .contains("+16175550123")
                .contains("can I talk to Sam")
                .contains("Press 1 to take the call");
        String answerUrl =
                whisper.replaceAll("(?s).*action=\"([^\"]+)\".*", "$1").replace("&amp;", "&");

        assertThat(twilio.post(answerUrl, TwilioClient.with(employeeLeg, "Digits", "1"), 200))
                .doesNotContain("Hangup");
        assertThat(twilio.post(answerUrl, employeeLeg, 200)).contains("<Hangup/>");

        String afterDecline =
                twilio.post("/twilio/voice/status?turn=2", TwilioClient.with(call, "DialCallStatus", "completed"), 200);
        assertThat(afterDecline).contains("<Gather").contains("take a message");
    }
}
