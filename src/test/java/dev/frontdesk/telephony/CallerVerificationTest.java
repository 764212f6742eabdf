package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A caller only hears about, moves or cancels the appointments of a number they prove they hold: a signed
 * text from it, a call the carrier attested, or the one-time code texted to it. Web chat always needs the code.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL
        })
class CallerVerificationTest {

    /** The customer whose appointment a stranger goes after. */
    static final String CUSTOMER = "+16175550123";

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    @Autowired
    TestApi api;

    TwilioClient twilio;
    TestBusiness business;
    String appointment;

    @BeforeEach
    void customerWithAnAppointment() {
        twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        business = api.createBusiness("Verified plumbing");
        appointment = api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"service": "Drain cleaning", "start": "2026-11-24T15:00:00Z",
                                         "customer": {"name": "Dana Smith", "phone": "%s"}}""".formatted(CUSTOMER)),
                        201))
                .get("id")
                .asString();
    }

    @Test
    void aWebChatVisitorGivingSomeoneElsesNumberHearsNothingAboutItsBookingsAndCannotCancelThem() {
        Chat chat = new Chat();
        chat.send("I want to cancel my appointment");
        String asked = chat.send("it's 617 555 0123");
        assertThat(asked).contains("code").contains("0123").doesNotContainIgnoringCase("drain");
        String code = textedCode(CUSTOMER);

        assertThat(chat.send(wrong(code, 1))).contains("doesn't match");
        assertThat(chat.send(wrong(code, 2))).contains("doesn't match");
        String locked = chat.send(wrong(code, 3));
        assertThat(locked).contains("couldn't confirm").doesNotContainIgnoringCase("drain");
        // the right code after the third wrong guess does not open anything either
        assertThat(chat.send(code)).doesNotContainIgnoringCase("drain").doesNotContain("cancelled");

        assertThat(status()).isEqualTo("SCHEDULED");
    }

    @Test
    void aWebChatVisitorWhoReadsBackTheTextedCodeCancelsTheirAppointment() {
        Chat chat = new Chat();
        chat.send("I need to cancel my appointment please");
        chat.send("+1 617 555 0123");
        String code = textedCode(CUSTOMER);
        assertThat(chat.send("the code is " + code))
                .contains("confirmed")
                .containsIgnoringCase("cancel drain cleaning");
        assertThat(chat.send("yes")).contains("cancelled");
        assertThat(status()).isEqualTo("CANCELLED");
    }

    @Test
    void aNumberWithNothingBookedHearsTheSameWordsButNoTextIsSent() {
        Chat chat = new Chat();
        chat.send("what appointments do I have?");
        String asked = chat.send("617 555 0999");
        assertThat(asked).contains("texted a 6-digit code").contains("0999");
        assertThat(texts("+16175550999")).isEmpty();
        assertThat(chat.send("123456")).contains("doesn't match");
    }

    @Test
    void aCallerAskingForCodeAfterCodeIsStoppedAfterThree() {
        Chat chat = new Chat();
        chat.send("when is my appointment?");
        chat.send("6175550123");
        assertThat(chat.send("I didn't get it")).contains("new code");
        assertThat(chat.send("can you send a new code")).contains("new code");
        assertThat(chat.send("still nothing, resend it")).contains("can't send another code");
        assertThat(texts(CUSTOMER)).hasSize(3);
    }

    @Test
    void aCallWithoutTheCarriersAttestationHearsNothingUntilTheTextedCodeIsKeyedIn() {
        var call = call(TwilioClient.sid("CA"), CUSTOMER, business.phoneNumber());
        call.put("StirVerstat", "TN-Validation-Passed-C");
        twilio.post("/twilio/voice", call, 200);
        String asked = say(call, 1, "I'd like to cancel my appointment");
        assertThat(asked).contains("code").contains("0 1 2 3").doesNotContainIgnoringCase("drain");

        String code = textedCode(CUSTOMER);
        String confirm = spoken(twilio.post("/twilio/voice/gather?turn=2", with(call, "Digits", code), 200));
        assertThat(confirm).containsIgnoringCase("cancel drain cleaning");
        assertThat(say(call, 3, "yes")).contains("cancelled");
        assertThat(status()).isEqualTo("CANCELLED");
    }

    @Test
    void aCallerIdTheCarrierAttestedNeedsNoCode() {
        var call = call(TwilioClient.sid("CA"), CUSTOMER, business.phoneNumber());
        call.put("StirVerstat", "TN-Validation-Passed-A");
        twilio.post("/twilio/voice", call, 200);
        assertThat(say(call, 1, "I'd like to cancel my appointment")).containsIgnoringCase("cancel drain cleaning");
        assertThat(say(call, 2, "yes")).contains("cancelled");
        assertThat(texts(CUSTOMER)).isEmpty();
    }

    @Test
    void aSignedTextFromTheNumberNeedsNoCode() {
        String reply = spoken(twilio.post(
                "/twilio/sms",
                TwilioClient.sms(
                        TwilioClient.sid("SM"), CUSTOMER, business.phoneNumber(), "what appointments do I have?"),
                200));
        assertThat(reply).containsIgnoringCase("drain cleaning");
        assertThat(texts(CUSTOMER)).isEmpty();
    }

    @Test
    void theSimulatorPlaysAnUnprovenCallerWhenAskedTo() {
        String body = """
                {"text": "what appointments do I have", "channel": "VOICE", "callerPhone": "%s",
                 "callerVerified": false}""".formatted(CUSTOMER);
        JsonNode answer = api.read(api.perform(
                api.as(business, post("/api/simulator/turns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                200));
        assertThat(answer.get("reply").asString()).contains("code").doesNotContainIgnoringCase("drain");
        assertThat(texts(CUSTOMER)).hasSize(1);
    }

    private String say(Map<String, String> call, int turn, String speech) {
        return spoken(twilio.post(
                "/twilio/voice/gather?turn=" + turn, with(call, "SpeechResult", speech, "Confidence", "0.93"), 200));
    }

    private String status() {
        return api.getJson("/api/appointments/" + appointment, business, 200)
                .get("status")
                .asString();
    }

    private List<String> texts(String to) {
        return api.getJson("/api/outbox?channel=SMS&pageSize=100", business, 200)
                .get("items")
                .valueStream()
                .filter(m -> m.get("to").asString().equals(to))
                // the booking confirmations (notifications) aside: these tests are about codes
                .filter(m -> !m.get("purpose").asString().equals("CONFIRMATION"))
                .map(m -> m.get("body").asString())
                .toList();
    }

    private String textedCode(String to) {
        List<String> texts = texts(to);
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst()).contains("Verified plumbing").contains("Never share it");
        Matcher matcher = CODE.matcher(texts.getFirst());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** A six-digit guess that is not the code. */
    private static String wrong(String code, int n) {
        String guess = String.valueOf(n).repeat(6);
        return guess.equals(code) ? String.valueOf(n + 3).repeat(6) : guess;
    }

    /** A web chat on the business's widget. */
    private final class Chat {
        private String id;

        String send(String text) {
            String body = id == null
                    ? "{\"text\": \"%s\"}".formatted(text)
                    : "{\"conversationId\": \"%s\", \"text\": \"%s\"}".formatted(id, text);
            JsonNode answer = api.read(api.perform(
                    post("/api/widget/messages")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("X-Widget-Token", business.widgetToken())
                            .content(body),
                    200));
            id = answer.get("conversationId").asString();
            return answer.get("reply").asString();
        }
    }
}
