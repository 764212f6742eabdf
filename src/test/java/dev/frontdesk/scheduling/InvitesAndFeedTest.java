package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Customers get calendar invites by email; owners subscribe to a secret feed of their schedule. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class InvitesAndFeedTest {

    @Autowired
    TestApi api;

    private String book(TestBusiness business, String start, String email) {
        String body = AppointmentsApiTest.bookingJson("Drain cleaning", start, "+16175550123");
        if (email == null) {
            body = body.replace(", \"email\": \"dana@example.com\"", "");
        }
        return api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body),
                        201))
                .get("id")
                .asString();
    }

    private List<JsonNode> emails(TestBusiness business) {
        return api.getJson("/api/outbox?channel=EMAIL", business, 200)
                .get("items")
                .valueStream()
                .toList()
                .reversed();
    }

    private static VEvent event(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static String method(String ics) throws Exception {
        return new CalendarBuilder()
                .build(new StringReader(ics))
                .getProperty("METHOD")
                .orElseThrow()
                .getValue();
    }

    @Test
    void bookingMovingAndCancellingEmailTheSameInviteWithAGrowingSequence() throws Exception {
        var business = api.createBusiness("Inviting");
        String id = book(business, "2026-11-24T10:00", "dana@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> emails(business).size() == 1);

        api.perform(
                api.as(business, post("/api/appointments/" + id + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"2026-11-24T14:00\"}"),
                200);
        // invites are sent after each change commits, each on its own thread: wait for the "Moved" one
        // before cancelling, so that the outbox order below is the order of the changes
        await().atMost(Duration.ofSeconds(10)).until(() -> emails(business).size() == 2);
        api.perform(api.as(business, post("/api/appointments/" + id + "/cancel")), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> emails(business).size() == 3);

        List<JsonNode> sent = emails(business);
        assertThat(sent).allSatisfy(e -> assertThat(e.get("to").asString()).isEqualTo("dana@example.com"));
        assertThat(sent.get(0).get("subject").asString())
                .isEqualTo("Confirmed: Drain cleaning on Tue Nov 24 at 10:00 AM");
        assertThat(sent.get(1).get("subject").asString()).isEqualTo("Moved: Drain cleaning on Tue Nov 24 at 2:00 PM");
        assertThat(sent.get(2).get("subject").asString())
                .isEqualTo("Cancelled: Drain cleaning on Tue Nov 24 at 2:00 PM");

        String booked = sent.get(0).at("/attachments/0/content").asString();
        String moved = sent.get(1).at("/attachments/0/content").asString();
        String cancelled = sent.get(2).at("/attachments/0/content").asString();
        assertThat(sent.get(0).at("/attachments/0/contentType").asString()).contains("method=REQUEST");
        assertThat(sent.get(2).at("/attachments/0/contentType").asString()).contains("method=CANCEL");
        assertThat(method(booked)).isEqualTo("REQUEST");
        assertThat(method(moved)).isEqualTo("REQUEST");
        assertThat(method(cancelled)).isEqualTo("CANCEL");
        assertThat(event(booked).getUid().orElseThrow().getValue()).isEqualTo(id + "@frontdesk.dev");
        assertThat(event(moved).getUid()).isEqualTo(event(booked).getUid());
        assertThat(event(cancelled).getUid()).isEqualTo(event(booked).getUid());
        assertThat(event(booked).getProperty("SEQUENCE").orElseThrow().getValue())
                .isEqualTo("0");
        assertThat(event(moved).getProperty("SEQUENCE").orElseThrow().getValue())
                .isEqualTo("1");
        assertThat(event(cancelled).getProperty("SEQUENCE").orElseThrow().getValue())
                .isEqualTo("2");
        assertThat(booked).contains("DTSTART:20261124T150000Z");
        assertThat(moved).contains("DTSTART:20261124T190000Z");
    }

    @Test
    void customersWithoutEmailGetNoInvite() {
        var business = api.createBusiness("No email");
        book(business, "2026-11-24T10:00", null);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> emails(business).isEmpty());
    }

    @Test
    void theSecretFeedListsTheBusinessesOwnAppointmentsUntilItIsReplaced() throws Exception {
        var business = api.createBusiness("Feed owner");
        var other = api.createBusiness("Other feed");
        String mine = book(business, "2026-11-24T10:00", "dana@example.com");
        String cancelled = book(business, "2026-11-24T13:00", null);
        api.perform(api.as(business, post("/api/appointments/" + cancelled + "/cancel")), 200);
        book(other, "2026-11-24T11:00", null);

        String url = api.read(api.perform(api.as(business, post("/api/calendar-feed")), 200))
                .get("url")
                .asString();
        assertThat(url).contains("/calendar/feed/fdc_").endsWith(".ics");
        String path = URI.create(url).getPath();

        var response = api.perform(get(path), 200).getResponse();
        assertThat(response.getContentType()).startsWith("text/calendar");
        String ics = response.getContentAsString();
        Calendar feed = new CalendarBuilder().build(new StringReader(ics));
        assertThat(feed.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(ics).contains("X-WR-CALNAME:Feed owner");
        assertThat(feed.getComponents("VEVENT")).hasSize(1);
        assertThat(ics).contains(mine + "@frontdesk.dev").doesNotContain(cancelled);

        api.perform(api.as(business, post("/api/calendar-feed")), 200);
        api.perform(get(path), 404);
        api.perform(get("/calendar/feed/fdc_AAAAAAAA_nothing.ics"), 404);
    }
}
