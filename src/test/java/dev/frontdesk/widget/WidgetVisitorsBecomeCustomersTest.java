package dev.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The web chat widget is one of the CRM's sources: a visitor who books through the widget and gives a phone
 * number becomes a customer with source {@code WIDGET} (their name from the booking, the appointment in their
 * timeline); a visitor whose number is already a customer's updates that customer (the name it lacked) and
 * keeps where it first came from.
 */
@ApiTest
@TestPropertySource(
        properties = {"frontdesk.fixed-clock=2026-11-23T13:00:00Z", "frontdesk.widget.messages-per-minute-per-ip=1000"})
class WidgetVisitorsBecomeCustomersTest {

    @Autowired
    TestApi api;

    private JsonNode send(TestBusiness business, String conversationId, String text) {
        String body = conversationId == null
                ? "{\"text\": \"%s\"}".formatted(text)
                : "{\"conversationId\": \"%s\", \"text\": \"%s\"}".formatted(conversationId, text);
        return api.read(api.perform(
                post("/api/widget/messages")
                        .header("X-Widget-Token", business.widgetToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                200));
    }

    /**
     * A visitor books a drain cleaning through the widget, giving their number with their name when asked for
     * it (the web chat does not ask for a number: a visitor gives it or not).
     */
    private void bookThroughTheWidget(TestBusiness business, String name, String phone) {
        String id = send(business, null, "").get("conversationId").asString();
        JsonNode answer = send(business, id, "I need a drain cleaning tomorrow at 10");
        for (int turn = 0; turn < 8 && !reply(answer).contains("booked"); turn++) {
            String reply = reply(answer);
            answer = send(business, id, reply.contains("name") ? name + ", " + phone : "yes");
        }
        assertThat(reply(answer)).contains("booked");
    }

    private static String reply(JsonNode answer) {
        return answer.get("reply").asString().toLowerCase(Locale.ROOT);
    }

    private JsonNode customer(TestBusiness business, String phone) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.getJson("/api/customers?q=" + phone.substring(1), business, 200)
                                .at("/items/0"),
                        item -> !item.isMissingNode() && !item.get("name").isNull());
    }

    @Test
    void aVisitorWhoBooksThroughTheWidgetWithAPhoneBecomesAWidgetCustomer() {
        TestBusiness business = api.createBusiness("Widget CRM plumbing");

        bookThroughTheWidget(business, "Dana Smith", "617 555 0123");

        JsonNode customer = customer(business, "+16175550123");
        assertThat(customer.get("source").asString()).isEqualTo("WIDGET");
        assertThat(customer.get("name").asString()).isEqualTo("Dana Smith");
        assertThat(customer.get("phone").asString()).isEqualTo("+16175550123");
        assertThat(api.getJson("/api/customers", business, 200).get("total").asInt())
                .isEqualTo(1);
        assertThat(api.getJson("/api/appointments", business, 200)
                        .at("/items/0/sourceChannel")
                        .asString())
                .isEqualTo("WEB");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.getJson(
                                        "/api/customers/" + customer.get("id").asString() + "/timeline", business, 200)
                                .get("items")
                                .findValuesAsString("type"))
                        .contains("APPOINTMENT"));
    }

    @Test
    void aVisitorWhoIsAlreadyACustomerUpdatesThemAndKeepsTheirFirstSource() {
        TestBusiness business = api.createBusiness("Widget CRM known plumbing");
        String id = api.read(api.perform(
                        api.as(business, post("/api/customers"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"phone\": \"+16175550124\"}"),
                        201))
                .get("id")
                .asString();

        bookThroughTheWidget(business, "Eve Stone", "617 555 0124");

        JsonNode customer = customer(business, "+16175550124");
        assertThat(customer.get("id").asString()).isEqualTo(id);
        assertThat(customer.get("name").asString()).isEqualTo("Eve Stone");
        assertThat(customer.get("source").asString()).isEqualTo("MANUAL");
        assertThat(api.getJson("/api/customers", business, 200).get("total").asInt())
                .isEqualTo(1);
    }
}
