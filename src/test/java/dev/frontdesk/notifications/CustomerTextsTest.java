package dev.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.crm.Conversations;
import dev.frontdesk.dashboard.Dashboard;
import dev.frontdesk.dashboard.DashboardTest;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The customer's SMS when an appointment is booked, moved or cancelled: once, in the customer's language,
 * with weekday, date and time in the business's timezone (New York; the clock is Monday 23 November 2026,
 * 08:00 there); none to a customer who opted out, none while the customer is texting with the assistant.
 */
@DashboardTest
class CustomerTextsTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Messages messages;

    @Autowired
    Conversations conversations;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    static String book(TestApi api, TestBusiness business, String start, String phone, String language) {
        return api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"service": "Drain cleaning", "start": "%s",
                                         "customer": {"name": "Dana Smith", "phone": "%s"%s}}""".formatted(
                                        start, phone, language == null ? "" : ", \"language\": \"" + language + "\"")),
                        201))
                .get("id")
                .asString();
    }

    static List<JsonNode> texts(TestApi api, TestBusiness business, String to, String purpose) {
        return api.getJson("/api/outbox?channel=SMS&pageSize=100", business, 200)
                .get("items")
                .valueStream()
                .filter(m -> m.get("to").asString().equals(to)
                        && m.get("purpose").asString().equals(purpose))
                .toList()
                .reversed();
    }

    private List<String> confirmations(TestBusiness business, String phone) {
        return texts(api, business, phone, "CONFIRMATION").stream()
                .map(m -> m.get("body").asString())
                .toList();
    }

    @Test
    void aBookingThroughTheApiTextsTheCustomerOnceInTheirLanguage() {
        TestBusiness business = api.createBusiness("Fontanería Sol");
        book(api, business, "2026-11-24T10:00", "+16175550201", "es");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(business, "+16175550201").size() == 1);
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> confirmations(business, "+16175550201").size() == 1);
        assertThat(confirmations(business, "+16175550201").getFirst())
                .isEqualTo("Confirmada: su cita de Drain cleaning con Fontanería Sol es el martes 24 de noviembre a las"
                        + " 10:00. Responda a este mensaje si necesita cambiarla. Responda STOP para no recibir más"
                        + " mensajes.");
    }

    @Test
    void movingAndCancellingTextTheCustomerTheNewTimeAndTheCancellation() {
        TestBusiness business = api.createBusiness("Moving Plumbing");
        String id = book(api, business, "2026-11-24T10:00", "+16175550202", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(business, "+16175550202").size() == 1);

        api.perform(
                api.as(business, post("/api/appointments/" + id + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"2026-11-24T14:00\"}"),
                200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(business, "+16175550202").size() == 2);
        api.perform(api.as(business, post("/api/appointments/" + id + "/cancel")), 200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(business, "+16175550202").size() == 3);

        assertThat(confirmations(business, "+16175550202"))
                .containsExactly(
                        "Confirmed: your Drain cleaning appointment with Moving Plumbing is on Tuesday, November 24 at"
                                + " 10:00 AM. Reply to this message if you need to change it. Reply STOP to opt out.",
                        "Moved: your Drain cleaning appointment with Moving Plumbing is now on Tuesday, November 24 at"
                                + " 2:00 PM. Reply to this message if you need to change it.",
                        "Cancelled: your Drain cleaning appointment with Moving Plumbing on Tuesday, November 24 at"
                                + " 2:00 PM is cancelled. Reply to this message to book again.");
    }

    @Test
    void aFrenchCustomerGetsFrench() {
        TestBusiness business = api.createBusiness("Plomberie Lune");
        book(api, business, "2026-11-24T15:30", "+16175550203", "fr-CA");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(business, "+16175550203").size() == 1);
        assertThat(confirmations(business, "+16175550203").getFirst())
                .startsWith("Confirmé : votre rendez-vous Drain cleaning avec Plomberie Lune est le mardi 24 novembre"
                        + " à 15h30.");
    }

    @Test
    void aCustomerWhoOptedOutGetsNoText() {
        TestBusiness business = api.createBusiness("Quiet Plumbing");
        messages.optOut(new BusinessId(UUID.fromString(business.id())), new PhoneNumber("+16175550204"));
        book(api, business, "2026-11-24T10:00", "+16175550204", null);
        book(api, business, "2026-11-24T12:00", "+16175550205", null);

        // the other customer's text arrives; the opted-out customer's never does
        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(business, "+16175550205").size() == 1);
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> confirmations(business, "+16175550204").isEmpty());
    }

    @Test
    void aCustomerTextingWithTheAssistantGetsNoSecondText() {
        TestBusiness business = api.createBusiness("Threaded Plumbing");
        BusinessId id = new BusinessId(UUID.fromString(business.id()));
        // the customer is in an SMS conversation: the assistant's reply there confirms the booking
        conversations.openOrContinue(id, "SMS", "+16175550206", "+16175550206", "en", Duration.ofMinutes(30));
        book(api, business, "2026-11-24T10:00", "+16175550206", null);
        book(api, business, "2026-11-24T12:00", "+16175550207", null);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmations(business, "+16175550207").size() == 1);
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> confirmations(business, "+16175550206").isEmpty());
    }
}
