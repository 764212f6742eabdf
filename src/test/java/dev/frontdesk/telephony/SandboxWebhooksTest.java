package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without TWILIO_AUTH_TOKEN (the sandbox) webhooks are accepted unsigned; failures still answer TwiML. */
@ApiTest
class SandboxWebhooksTest {

    @Autowired
    TestApi api;

    @Test
    void withoutAnAuthTokenUnsignedWebhooksAreAccepted() {
        var business = api.createBusiness("Sandbox plumbing");
        var twilio = new TwilioClient(api, null);
        String greeting =
                twilio.post("/twilio/voice", call(TwilioClient.sid("CA"), "+16175550123", business.phoneNumber()), 200);
        assertThat(greeting).contains("<Gather").contains("Sandbox plumbing");
    }

    @Test
    void aBrokenVoiceWebhookApologisesInTwimlInsteadOfAStackTrace() {
        var twilio = new TwilioClient(api, null);
        var noCallSid = TwilioClient.with(call("", "+16175550123", "+16175550100"));
        noCallSid.remove("CallSid");
        String answer = twilio.post("/twilio/voice/gather?turn=1", noCallSid, 200);
        assertThat(answer)
                .contains(
                        "<Say language=\"en-US\" voice=\"Polly.Joanna-Neural\">Sorry, something went wrong on our side."
                                + " Please call back in a few minutes.</Say><Hangup/>")
                .doesNotContain("Exception");
    }
}
