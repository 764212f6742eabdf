package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Monday 2026-11-23 08:00 in New York. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class OwnerViewsTest {

    @Autowired
    TestApi api;

    private JsonNode book(TestApi.TestBusiness business, String start, boolean emergency) {
        String body = AppointmentsApiTest.bookingJson("Drain cleaning", start, "+16175550123")
                .replace("\"notes\"", "\"emergency\": " + emergency + ", \"notes\"");
        return api.read(api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                201));
    }

    @Test
    void theScheduleShowsTomorrowByDefaultWithAReadableText() {
        var business = api.createBusiness("Owner views");
        book(business, "2026-11-24T09:00", false);
        book(business, "2026-11-24T14:00", true);
        book(business, "2026-11-28T10:00", false);

        JsonNode tomorrow = api.getJson("/api/owner/schedule", business, 200);
        assertThat(tomorrow.get("date").asString()).isEqualTo("2026-11-24");
        assertThat(tomorrow.get("appointments")).hasSize(2);
        assertThat(tomorrow.get("text").asString())
                .isEqualTo("Tuesday you have 2 appointments: 9:00 AM Drain cleaning for Dana Smith,"
                        + " 2:00 PM Drain cleaning for Dana Smith (emergency).");
        assertThat(api.getJson("/api/owner/schedule?date=2026-11-25", business, 200)
                        .get("text")
                        .asString())
                .isEqualTo("Wednesday you have no appointments.");
    }

    @Test
    void todaysSummaryCountsBookingsEmergenciesAndCancellations() {
        var business = api.createBusiness("Summary");
        book(business, "2026-11-23T10:30", false);
        String cancelled = book(business, "2026-11-24T09:00", false).get("id").asString();
        book(business, "2026-11-23T08:15", true); // emergencies skip the notice
        api.perform(api.as(business, post("/api/appointments/" + cancelled + "/cancel")), 200);

        JsonNode summary = api.getJson("/api/owner/summary/today", business, 200);
        assertThat(summary.get("date").asString()).isEqualTo("2026-11-23");
        assertThat(summary.get("booked").asInt()).isEqualTo(3);
        assertThat(summary.get("emergencies").asInt()).isEqualTo(1);
        assertThat(summary.get("cancelled").asInt()).isEqualTo(1);
        assertThat(summary.get("upcoming").asInt()).isEqualTo(2);
        assertThat(summary.get("text").asString())
                .isEqualTo("Today 3 appointments were booked, 1 of them an emergency, and 1 was cancelled."
                        + " You have 2 more appointments today, the next at 8:15 AM.");
    }
}
