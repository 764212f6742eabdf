package dev.frontdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.dashboard.Dashboard;
import dev.frontdesk.dashboard.DashboardTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The distributions and lists of the Analytics page: calls by outcome, conversations by language, leads by
 * status, recent conversations and running campaigns, each for the business asking and its own days only.
 */
@DashboardTest
class AnalyticsBreakdownTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Conversations conversations;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    static BusinessId id(TestBusiness business) {
        return new BusinessId(UUID.fromString(business.id()));
    }

    /** A conversation started now, ended with the outcome unless it is null. */
    UUID conversation(
            TestBusiness business, String channel, String language, Conversation.Outcome outcome, String summary) {
        String key = UUID.randomUUID().toString();
        var c = conversations.openOrContinue(id(business), channel, key, "+16175550123", language, null);
        if (outcome != null) {
            conversations.end(id(business), c.id(), outcome, summary, false);
        }
        return c.id();
    }

    static Map<String, Long> counts(JsonNode distribution) {
        Map<String, Long> counts = new HashMap<>();
        distribution
                .get("items")
                .forEach(i -> counts.put(i.get("key").asString(), i.get("count").asLong()));
        return counts;
    }

    /** Monday's activity of a business: 4 calls, 2 SMS conversations, and one call on Sunday. */
    TestBusiness seeded(String name) {
        TestBusiness business = api.createBusiness(name);
        dashboard.clock().set(Dashboard.MONDAY_8AM.minus(Duration.ofDays(1)));
        conversation(business, "VOICE", "en", Conversation.Outcome.ANSWERED, "Sunday call");
        dashboard.resetClock();
        conversation(business, "VOICE", "en", Conversation.Outcome.BOOKED, "Booked a drain cleaning");
        dashboard.clock().advance(Duration.ofMinutes(5));
        conversation(business, "VOICE", "es", Conversation.Outcome.BOOKED, "Reservo una limpieza");
        dashboard.clock().advance(Duration.ofMinutes(5));
        conversation(business, "VOICE", "en", Conversation.Outcome.ABANDONED, "Hung up");
        dashboard.clock().advance(Duration.ofMinutes(5));
        conversation(business, "VOICE", null, null, null);
        dashboard.clock().advance(Duration.ofMinutes(5));
        conversation(business, "SMS", "es", Conversation.Outcome.ANSWERED, "Asked the hours by text");
        dashboard.clock().advance(Duration.ofMinutes(5));
        conversation(business, "SMS", "fr", Conversation.Outcome.MESSAGE_TAKEN, "Left a message by text");
        dashboard.resetClock();
        return business;
    }

    @Test
    void callOutcomesCountTheBusinesssCallsOfTheDaysByOutcome() {
        TestBusiness business = seeded("Outcomes plumbing");
        seeded("Other outcomes plumbing");

        JsonNode monday = api.getJson("/api/analytics/call-outcomes?from=2026-11-23&to=2026-11-23", business, 200);
        assertThat(monday.get("total").asLong()).isEqualTo(4);
        assertThat(monday.get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(counts(monday))
                .containsEntry("BOOKED", 2L)
                .containsEntry("ABANDONED", 1L)
                .containsEntry("IN_PROGRESS", 1L)
                .containsEntry("ANSWERED", 0L)
                .containsEntry("TRANSFERRED", 0L);
        assertThat(monday.get("items").get(0).get("label").asString()).isEqualTo("Booked");
        assertThat(monday.get("items").get(0).get("share").asDouble()).isEqualTo(0.5);

        // today by default; the weekend has Sunday's one call
        assertThat(api.getJson("/api/analytics/call-outcomes", business, 200)
                        .get("total")
                        .asLong())
                .isEqualTo(4);
        JsonNode weekend = api.getJson("/api/analytics/call-outcomes?from=2026-11-21&to=2026-11-22", business, 200);
        assertThat(counts(weekend)).containsEntry("ANSWERED", 1L);
        assertThat(weekend.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void languagesCountConversationsOnEveryChannelMostFirst() {
        TestBusiness business = seeded("Languages plumbing");
        seeded("Other languages plumbing");

        JsonNode monday =
                api.getJson("/api/analytics/language-distribution?from=2026-11-23&to=2026-11-23", business, 200);
        assertThat(monday.get("total").asLong()).isEqualTo(6);
        assertThat(counts(monday)).isEqualTo(Map.of("en", 2L, "es", 2L, "fr", 1L, "unknown", 1L));
        assertThat(monday.get("items").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(monday.get("items").findValuesAsString("label")).contains("Spanish", "French", "Not detected");
    }

    @Test
    void busiestHoursCountTheBusinesssCallsByTheHourTheyStartedInItsTimezone() {
        TestBusiness business = seeded("Hours plumbing");
        seeded("Other hours plumbing");
        // Monday 21:30 in New York is already Tuesday 02:30 in UTC: the 21:00 hour of Monday
        dashboard.clock().set(Instant.parse("2026-11-24T02:30:00Z"));
        conversation(business, "VOICE", "en", Conversation.Outcome.ANSWERED, "Late call");
        dashboard.resetClock();

        JsonNode monday = api.getJson("/api/analytics/busiest-hours?from=2026-11-23&to=2026-11-23", business, 200);
        assertThat(monday.get("items").size()).isEqualTo(24);
        assertThat(monday.get("items").get(0).get("key").asString()).isEqualTo("00");
        assertThat(monday.get("items").get(8).get("label").asString()).isEqualTo("08:00");
        assertThat(monday.get("total").asLong()).as("calls only, not the texts").isEqualTo(5);
        assertThat(counts(monday))
                .containsEntry("08", 4L)
                .containsEntry("21", 1L)
                .containsEntry("13", 0L)
                .containsEntry("02", 0L);
        JsonNode weekend = api.getJson("/api/analytics/busiest-hours?from=2026-11-21&to=2026-11-22", business, 200);
        assertThat(weekend.get("total").asLong()).isEqualTo(1);
        assertThat(counts(weekend)).containsEntry("08", 1L);
    }

    @Test
    void channelMixCountsTheBusinesssConversationsByChannelMostFirst() {
        TestBusiness business = seeded("Channels plumbing");
        seeded("Other channels plumbing");
        conversation(business, "WEB", "en", Conversation.Outcome.ANSWERED, "Asked on the website");

        JsonNode monday = api.getJson("/api/analytics/channel-mix?from=2026-11-23&to=2026-11-23", business, 200);
        assertThat(monday.get("total").asLong()).isEqualTo(7);
        assertThat(counts(monday)).isEqualTo(Map.of("VOICE", 4L, "SMS", 2L, "WEB", 1L));
        assertThat(monday.get("items").findValuesAsString("key")).containsExactly("VOICE", "SMS", "WEB");
        assertThat(monday.get("items").findValuesAsString("label")).containsExactly("Call", "SMS", "Web chat");
        assertThat(monday.get("items").get(0).get("share").asDouble()).isEqualTo(0.5714);
    }

    @Test
    void bookingsOverTimeCountEachDaysBookingsInTheBusinesssTimezoneEveryDayIncluded() {
        TestBusiness business = api.createBusiness("Bookings over time plumbing");
        TestBusiness other = api.createBusiness("Other bookings over time plumbing");
        // booked on Saturday 21 November 10:00 in New York, on Monday 08:00 and 08:01, and on Monday 21:00
        // (already Tuesday in UTC)
        List<Instant> bookedAt = List.of(
                Instant.parse("2026-11-21T15:00:00Z"),
                Dashboard.MONDAY_8AM,
                Dashboard.MONDAY_8AM.plus(Duration.ofMinutes(1)),
                Instant.parse("2026-11-24T02:00:00Z"));
        for (int i = 0; i < bookedAt.size(); i++) {
            dashboard.clock().set(bookedAt.get(i));
            book(business, "2026-11-24T%d:00:00Z".formatted(14 + i));
        }
        dashboard.resetClock();
        book(other, "2026-11-24T15:00:00Z");

        JsonNode week = api.getJson("/api/analytics/bookings-over-time?from=2026-11-20&to=2026-11-24", business, 200);
        assertThat(week.get("items").findValuesAsString("key"))
                .containsExactly("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24");
        assertThat(week.get("items").findValuesAsString("label"))
                .containsExactly("Fri 20 Nov", "Sat 21 Nov", "Sun 22 Nov", "Mon 23 Nov", "Tue 24 Nov");
        assertThat(week.get("items").findValues("count").stream().map(JsonNode::asLong))
                .containsExactly(0L, 1L, 0L, 3L, 0L);
        assertThat(week.get("total").asLong()).isEqualTo(4);
        assertThat(api.getJson("/api/analytics/bookings-over-time", other, 200)
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    void book(TestBusiness business, String start) {
        send(
                business,
                "/api/appointments",
                "{\"service\": \"Drain cleaning\", \"start\": \"%s\", \"customer\": {\"name\": \"Dana\", \"phone\": \"+16175550199\"}}"
                        .formatted(start),
                201);
    }

    @Test
    void leadStatusesCountTheBusinesssLeadsInFunnelOrder() {
        TestBusiness business = api.createBusiness("Leads analytics plumbing");
        TestBusiness other = api.createBusiness("Other leads analytics plumbing");
        send(business, "/api/customers", "{\"name\": \"Ann\", \"phone\": \"+16175550101\", \"lead\": true}", 201);
        send(business, "/api/customers", "{\"name\": \"Ben\", \"phone\": \"+16175550102\", \"lead\": true}", 201);
        String carl = send(
                        business,
                        "/api/customers",
                        "{\"name\": \"Carl\", \"phone\": \"+16175550103\", \"lead\": true}",
                        201)
                .get("id")
                .asString();
        api.patchJson("/api/customers/" + carl, business, "{\"doNotCall\": true}", 200);
        send(business, "/api/customers", "{\"name\": \"Dee\", \"phone\": \"+16175550104\", \"lead\": false}", 201);
        send(other, "/api/customers", "{\"name\": \"Eve\", \"phone\": \"+16175550105\", \"lead\": true}", 201);

        JsonNode all = api.getJson("/api/analytics/lead-status-distribution", business, 200);
        assertThat(all.get("from").isNull()).isTrue();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(counts(all))
                .containsEntry("NEW", 2L)
                .containsEntry("DO_NOT_CALL", 1L)
                .containsEntry("QUEUED", 0L);
        assertThat(all.get("items").get(0).get("key").asString()).isEqualTo("NEW");
        assertThat(all.get("items").size()).isEqualTo(9);

        assertThat(api.getJson("/api/analytics/lead-status-distribution?from=2026-11-22&to=2026-11-22", business, 200)
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void recentActivityListsTheBusinesssConversationsNewestFirst() {
        TestBusiness business = seeded("Recent plumbing");
        seeded("Other recent plumbing");

        JsonNode recent =
                api.getJson("/api/analytics/recent-activity?from=2026-11-23&to=2026-11-23&limit=3", business, 200);
        JsonNode items = recent.get("items");
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.get(0).get("summary").asString()).isEqualTo("Left a message by text");
        assertThat(items.get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(items.get(0).get("outcome").asString()).isEqualTo("MESSAGE_TAKEN");
        assertThat(items.get(0).get("localTime").asString()).isEqualTo("2026-11-23T08:25");
        assertThat(items.get(2).get("outcome").asString()).isEqualTo("IN_PROGRESS");
        assertThat(api.getJson("/api/analytics/recent-activity?from=2026-11-23&to=2026-11-23", business, 200)
                        .get("items")
                        .size())
                .isEqualTo(6);
        api.getJson("/api/analytics/recent-activity?limit=0", business, 400);
    }

    @Test
    void activeCampaignsAreTheBusinesssRunningAndPausedOnes() {
        TestBusiness business = api.createBusiness("Campaign analytics plumbing");
        TestBusiness other = api.createBusiness("Other campaign analytics plumbing");
        String lead = send(
                        business,
                        "/api/customers",
                        "{\"name\": \"Ann\", \"phone\": \"+16175550101\", \"lead\": true}",
                        201)
                .get("id")
                .asString();
        String campaign = """
                {"name": "%s", "purpose": "your annual boiler check", "leadIds": ["%s"],
                 "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 1,
                 "retry": {"attempts": 1, "backoffMinutes": 60}, "voicemail": "HANG_UP"}""";
        String paused = send(business, "/api/campaigns", campaign.formatted("Boiler checks", lead), 201)
                .get("id")
                .asString();
        send(business, "/api/campaigns", campaign.formatted("Still a draft", lead), 201);
        // before calling hours (08:00 in New York): starting places no call
        send(business, "/api/campaigns/" + paused + "/start", "", 200);
        send(business, "/api/campaigns/" + paused + "/pause", "", 200);

        JsonNode active = api.getJson("/api/analytics/active-campaigns", business, 200);
        assertThat(active.get("items").size()).isEqualTo(1);
        JsonNode only = active.get("items").get(0);
        assertThat(only.get("name").asString()).isEqualTo("Boiler checks");
        assertThat(only.get("status").asString()).isEqualTo("PAUSED");
        assertThat(only.get("leads").asLong()).isEqualTo(1);
        assertThat(only.get("queued").asLong() + only.get("calling").asLong()).isEqualTo(1);
        assertThat(only.get("done").asDouble()).isZero();
        assertThat(only.get("erased").asLong()).isZero();

        // the lead's customer erased while queued: counted as erased, and the stages still add up to the leads
        api.perform(api.as(business, delete("/api/customers/" + lead)), 204);
        JsonNode after = api.getJson("/api/analytics/active-campaigns", business, 200)
                .get("items")
                .get(0);
        assertThat(after.get("erased").asLong()).isEqualTo(1);
        long stages = 0;
        for (String stage :
                List.of("queued", "calling", "contacted", "meetings", "noAnswer", "failed", "doNotCall", "erased")) {
            stages += after.get(stage).asLong();
        }
        assertThat(stages).isEqualTo(after.get("leads").asLong());
        assertThat(api.getJson("/api/analytics/active-campaigns", other, 200)
                        .get("items")
                        .size())
                .isZero();
    }

    @Test
    void datesThatCannotBeReadAreA400ProblemOnEveryEndpoint() {
        TestBusiness business = api.createBusiness("Bad dates plumbing");
        for (String path : new String[] {
            "/api/analytics/call-outcomes",
            "/api/analytics/language-distribution",
            "/api/analytics/lead-status-distribution",
            "/api/analytics/recent-activity",
            "/api/analytics/bookings-over-time",
            "/api/analytics/busiest-hours",
            "/api/analytics/channel-mix"
        }) {
            JsonNode problem = api.getJson(path + "?from=23-11-2026", business, 400);
            assertThat(problem.get("type").asString()).as(path).endsWith("/validation");
            assertThat(problem.get("errors").findValuesAsString("field"))
                    .as(path)
                    .containsExactly("from");
            api.getJson(path + "?from=2026-11-24&to=2026-11-23", business, 400);
            api.getJson(path + "?from=2020-01-01&to=2026-11-23", business, 400);
        }
        api.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/analytics/call-outcomes"),
                401);
    }
}
