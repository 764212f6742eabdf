package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.call;
import static dev.frontdesk.telephony.TwilioClient.sms;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static dev.frontdesk.telephony.TwilioClient.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every caller and texter becomes a customer with a timeline; "stop calling me" and STOP reach the
 * customer; erasing a customer anonymises what the channels recorded.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL
        })
class CallersBecomeCustomersTest {

    @Autowired
    TestApi api;

    TwilioClient twilio;

    @BeforeEach
    void client() {
        twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
    }

    private String text(TestBusiness business, String from, String body) {
        return twilio.post("/twilio/sms", sms(TwilioClient.sid("SM"), from, business.phoneNumber(), body), 200);
    }

    private JsonNode customer(TestBusiness business, String phone) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.getJson("/api/customers?q=" + phone.substring(1), business, 200)
                                .at("/items/0"),
                        item -> !item.isMissingNode());
    }

    @Test
    void aCallerBecomesACustomerOnceHoweverOftenTheyCall() {
        TestBusiness business = api.createBusiness("Caller CRM");
        String caller = "+34612345678";
        for (int i = 0; i < 2; i++) {
            twilio.post("/twilio/voice", call(TwilioClient.sid("CA"), caller, business.phoneNumber()), 200);
        }
        JsonNode customer = customer(business, caller);
        assertThat(customer.get("phone").asString()).isEqualTo(caller);
        assertThat(customer.get("source").asString()).isEqualTo("INBOUND_CALL");
        assertThat(customer.get("language").asString()).isEqualTo("es");
        assertThat(customer.get("timezone").asString()).isEqualTo("Europe/Madrid");
        assertThat(customer.get("lead").asBoolean()).isFalse();
        assertThat(customer.get("lastContactAt").asString()).isEqualTo("2026-11-23T13:00:00Z");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.getJson(
                                        "/api/customers/" + customer.get("id").asString() + "/timeline", business, 200)
                                .get("total")
                                .asInt())
                        .isEqualTo(2));
        assertThat(api.getJson("/api/customers", business, 200).get("total").asInt())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "+16175550140, please stop calling me",
        "+16175550141, no me llamen más por favor",
        "+16175550142, ne m'appelez plus s'il vous plaît"
    })
    void sayingStopCallingMePutsTheCallerOnTheDoNotCallList(String caller, String words) {
        TestBusiness business = api.createBusiness("Do not call");
        Map<String, String> call = call(TwilioClient.sid("CA"), caller, business.phoneNumber());
        twilio.post("/twilio/voice", call, 200);
        String reply = twilio.post(
                "/twilio/voice/gather?turn=1", with(call, "SpeechResult", words, "Confidence", "0.93"), 200);
        assertThat(spoken(reply)).containsAnyOf("won't contact you again", "no volveremos", "ne vous contacterons");
        assertThat(reply).contains("<Hangup");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode customer = customer(business, caller);
            assertThat(customer.get("doNotCall").asBoolean()).isTrue();
            assertThat(customer.get("status").asString()).isEqualTo("DO_NOT_CALL");
            assertThat(customer.get("smsOptOut").asBoolean()).isFalse();
        });
    }

    @Test
    void stopAndStartByTextFollowTheCustomer() {
        TestBusiness business = api.createBusiness("Texting CRM");
        String texter = "+16175550143";
        text(business, texter, "STOP");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> customer(business, texter).get("smsOptOut").asBoolean());
        text(business, texter, "START");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !customer(business, texter).get("smsOptOut").asBoolean());
        assertThat(customer(business, texter).get("doNotCall").asBoolean()).isFalse();
    }

    @Test
    void theTimelineShowsConversationsAndAppointmentsAndErasureLeavesNoPersonalData() {
        TestBusiness business = api.createBusiness("Erasing CRM");
        String texter = "+16175550144";
        text(business, texter, "Hi, can I book a drain cleaning tomorrow at 10? My name is Paul Smith");
        assertThat(spoken(text(business, texter, "Yes"))).containsIgnoringCase("booked");
        JsonNode customer = customer(business, texter);
        String id = customer.get("id").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "Paul Smith"
                        .equals(customer(business, texter).get("name").asString()));
        assertThat(customer.get("source").asString()).isEqualTo("SMS");

        JsonNode timeline = api.getJson("/api/customers/" + id + "/timeline", business, 200);
        assertThat(timeline.get("items").valueStream().map(e -> e.get("type").asString()))
                .containsExactly("APPOINTMENT", "CONVERSATION");
        assertThat(timeline.at("/items/0/service").asString()).isEqualTo("Drain cleaning");
        assertThat(timeline.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(timeline.at("/items/1/channel").asString()).isEqualTo("SMS");

        JsonNode export = api.getJson("/api/customers/" + id + "/export", business, 200);
        assertThat(export.at("/customer/name").asString()).isEqualTo("Paul Smith");
        assertThat(export.at("/conversations/0/transcript/0/text").asString()).contains("Paul Smith");
        assertThat(export.at("/appointments/0/customer/name").asString()).isEqualTo("Paul Smith");
        String conversationId = export.at("/conversations/0/id").asString();

        api.perform(api.as(business, delete("/api/customers/" + id)), 204);

        api.getJson("/api/customers/" + id, business, 404);
        JsonNode conversation = api.getJson("/api/conversations/" + conversationId, business, 200);
        assertThat(conversation.has("customerPhone")).isFalse();
        assertThat(conversation
                        .get("transcript")
                        .valueStream()
                        .map(t -> t.get("text").asString()))
                .isNotEmpty()
                .allMatch("(erased)"::equals);
        assertThat(conversation.toString()).doesNotContain("Paul").doesNotContain(texter);
        JsonNode appointments = api.getJson("/api/appointments", business, 200);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/customer/name").asString()).isEqualTo("(erased)");
        assertThat(appointments.toString()).doesNotContain("Paul").doesNotContain(texter);
        assertThat(api.getJson("/api/audit", business, 200)
                        .get("items")
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .contains("customer.exported", "customer.erased");
        assertThat(api.getJson("/api/audit", business, 200).toString()).doesNotContain(texter);
        api.perform(api.as(business, delete("/api/customers/" + id)), 404);
    }
}
