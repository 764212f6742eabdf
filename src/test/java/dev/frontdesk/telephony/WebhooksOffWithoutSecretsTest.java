package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A channel without its secret is off, never open: with no {@code TWILIO_AUTH_TOKEN} and no
 * {@code FRONTDESK_WHATSAPP_APP_SECRET} (the defaults) forged webhooks get 404 and change nothing.
 */
@ApiTest
class WebhooksOffWithoutSecretsTest {

    @Autowired
    TestApi api;

    @Test
    void withoutAnAuthTokenTheTwilioWebhooksAnswer404AndNothingIsRecorded() {
        var business = api.createBusiness("Unsigned Twilio");
        var twilio = new TwilioClient(api, null);
        twilio.post("/twilio/voice", call(TwilioClient.sid("CA"), "+16175550123", business.phoneNumber()), 404);
        twilio.post(
                "/twilio/sms",
                TwilioClient.sms(TwilioClient.sid("SM"), "+16175550123", business.phoneNumber(), "STOP"),
                404);
        twilio.post(
                "/twilio/sms",
                TwilioClient.sms(
                        TwilioClient.sid("SM"), "+16175550123", business.phoneNumber(), "my basement is flooding!"),
                404);

        assertThat(api.getJson("/api/calls", business, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/conversations", business, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/outbox", business, 200).get("total").asInt())
                .as("no owner alert from a forged emergency")
                .isZero();
    }

    @Test
    void withoutAnAppSecretTheWhatsAppWebhookAnswers404AndNothingIsRecorded() throws Exception {
        var business = api.createBusiness("Unsigned WhatsApp");
        String forged = """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
                   "metadata": {"display_phone_number": "%s", "phone_number_id": "1"},
                   "messages": [{"from": "16505551234", "id": "wamid.%s", "type": "text",
                                 "text": {"body": "there is a gas leak, send someone now"}}]}}]}]}""".formatted(business.phoneNumber().substring(1), UUID.randomUUID());
        api.perform(
                post("/whatsapp/webhook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(forged),
                404);
        api.perform(
                get("/whatsapp/webhook")
                        .param("hub.mode", "subscribe")
                        .param("hub.verify_token", "")
                        .param("hub.challenge", "42"),
                404);

        Thread.sleep(300);
        assertThat(api.getJson("/api/conversations", business, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/outbox", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void sandboxCallsStillWorkWithoutTwilio() {
        var business = api.createBusiness("Sandbox still works");
        var step = api.read(api.perform(
                api.as(business, post("/api/sandbox/calls"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"+16175550123\"}"),
                200));
        assertThat(step.get("said").asString()).contains("Sandbox still works");
    }
}
