package dev.frontdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.dashboard.Dashboard;
import dev.frontdesk.dashboard.DashboardTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The overview figures, counted over the business's own days. */
@DashboardTest
class AnalyticsOverviewTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    private JsonNode send(TestBusiness business, String path, String body) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                200));
    }

    @Test
    void aCallerWhoHangsUpIsAMissedCallAndABookingCountsOnTheDayItWasMade() {
        TestBusiness business = api.createBusiness("Analytics plumbing");
        String sid = send(business, "/api/sandbox/calls", "{\"from\": \"+16175550123\"}")
                .get("callSid")
                .asString();
        dashboard.clock().advance(java.time.Duration.ofSeconds(42));
        send(business, "/api/sandbox/calls/" + sid + "/hangup", "{}");
        api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Drain cleaning", "start": "2026-11-24T16:00:00Z",
                                 "customer": {"name": "Dana", "phone": "+16175550199"}}"""),
                201);

        JsonNode today = api.getJson("/api/analytics/overview?from=2026-11-23&to=2026-11-23", business, 200);
        assertThat(today.get("calls").asLong()).isEqualTo(1);
        assertThat(today.get("missedCalls").asLong()).isEqualTo(1);
        assertThat(today.get("bookings").asLong()).isEqualTo(1);
        assertThat(today.get("emergencies").asLong()).isZero();
        assertThat(today.get("conversionRate").asDouble()).isZero();
        assertThat(today.get("averageCallSeconds").asLong()).isEqualTo(42);

        // by default: today, in the business's timezone
        assertThat(api.getJson("/api/analytics/overview", business, 200)
                        .get("calls")
                        .asLong())
                .isEqualTo(1);
        // Sunday, the day before, has nothing
        JsonNode sunday = api.getJson("/api/analytics/overview?from=2026-11-22&to=2026-11-22", business, 200);
        assertThat(sunday.get("calls").asLong()).isZero();
        assertThat(sunday.get("bookings").asLong()).isZero();
    }

    @Test
    void theDayEndsAtMidnightInTheBusinesssTimezoneNotInUtc() {
        TestBusiness business = api.createBusiness("Late analytics plumbing");
        // Monday 23 November, 21:00 in New York: already Tuesday in UTC
        dashboard.clock().set(Instant.parse("2026-11-24T02:00:00Z"));
        api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Drain cleaning", "start": "2026-11-24T16:00:00Z",
                                 "customer": {"name": "Dana", "phone": "+16175550199"}}"""),
                201);
        assertThat(api.getJson("/api/analytics/overview?from=2026-11-23&to=2026-11-23", business, 200)
                        .get("bookings")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.getJson("/api/analytics/overview?from=2026-11-24&to=2026-11-24", business, 200)
                        .get("bookings")
                        .asLong())
                .isZero();
    }

    @Test
    void badDatesAreAProblemAndOtherBusinessesCountNothingOfOurs() {
        TestBusiness business = api.createBusiness("Bad dates analytics plumbing");
        TestBusiness other = api.createBusiness("Other analytics plumbing");
        send(business, "/api/sandbox/calls", "{\"from\": \"+16175550123\"}");
        assertThat(api.getJson("/api/analytics/overview?from=23-11-2026", business, 400)
                        .get("errors")
                        .toString())
                .contains("from");
        api.getJson("/api/analytics/overview?from=2026-11-24&to=2026-11-23", business, 400);
        api.getJson("/api/analytics/overview?from=2020-01-01&to=2026-11-23", business, 400);
        assertThat(api.getJson("/api/analytics/overview", other, 200)
                        .get("calls")
                        .asLong())
                .isZero();
        api.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/analytics/overview"),
                401);
    }
}
