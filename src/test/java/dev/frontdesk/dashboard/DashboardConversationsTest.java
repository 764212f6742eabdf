package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Conversations pages: the business's calls and conversations, filtered by channel, outcome, days and
 * words, paged; one conversation's transcript as a chat with its facts and the call's recording; and never
 * another business's conversation.
 */
@DashboardTest
class DashboardConversationsTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BusinessId id(TestBusiness business) {
        return new BusinessId(UUID.fromString(business.id()));
    }

    /** A conversation started now that ends after a minute with this outcome; returns its id. */
    UUID conversation(
            TestBusiness business,
            String channel,
            String key,
            Conversation.Outcome outcome,
            boolean emergency,
            String summary,
            List<String> lines) {
        var c = conversations.openOrContinue(id(business), channel, key, "+16175550123", "es", null);
        for (int i = 0; i < lines.size(); i++) {
            conversations.record(id(business), c.id(), i % 2 == 0 ? "CALLER" : "ASSISTANT", lines.get(i));
        }
        dashboard.clock().advance(Duration.ofSeconds(94));
        conversations.end(id(business), c.id(), outcome, summary, emergency);
        return c.id();
    }

    @Test
    void theListShowsTheBusinesssConversationsAndItsFiltersNarrowThem() {
        TestBusiness business = api.createBusiness("Conversation list plumbing");
        conversation(
                business,
                "VOICE",
                "CA-list-1",
                Conversation.Outcome.BOOKED,
                false,
                "Booked drain cleaning for Dana",
                List.of("my drain is blocked", "I can book you tomorrow at ten"));
        conversation(
                business,
                "SMS",
                "+16175550123",
                Conversation.Outcome.EMERGENCY,
                true,
                "Burst pipe in the kitchen",
                List.of("water everywhere from a burst pipe", "I am alerting the owner now"));
        dashboard.clock().set(Instant.parse("2026-11-25T15:00:00Z"));
        conversation(
                business,
                "WHATSAPP",
                "+16175550123",
                Conversation.Outcome.ANSWERED,
                false,
                "Asked about opening hours",
                List.of("when are you open on saturday", "Saturday 09:00 to 13:00"));
        MockHttpSession session = dashboard.signedIn(business, "VIEWER");

        String all = body(api.perform(get("/conversations").session(session), 200));
        assertThat(all)
                .contains("<h1>Calls and conversations</h1>")
                .contains("Booked drain cleaning for Dana", "Burst pipe in the kitchen", "Asked about opening hours")
                .contains("Page 1 of 1 · 3 conversations")
                .contains("1:34", "emergency");

        assertThat(body(api.perform(get("/conversations?channel=VOICE").session(session), 200)))
                .contains("Booked drain cleaning for Dana")
                .doesNotContain("Burst pipe in the kitchen");
        assertThat(body(api.perform(get("/conversations?outcome=EMERGENCY").session(session), 200)))
                .contains("Burst pipe in the kitchen")
                .doesNotContain("Booked drain cleaning for Dana");
        // Wednesday 25 November in New York only
        assertThat(body(api.perform(
                        get("/conversations?from=2026-11-25&to=2026-11-25").session(session), 200)))
                .contains("Asked about opening hours")
                .doesNotContain("Burst pipe in the kitchen");
        // words of the transcript, not only of the summary, in any case
        assertThat(body(api.perform(get("/conversations?q=BLOCKED").session(session), 200)))
                .contains("Booked drain cleaning for Dana", "Page 1 of 1 · 1 conversations")
                .doesNotContain("Asked about opening hours");
        // the count of what the words find, also on a page past the last
        assertThat(body(api.perform(get("/conversations?q=O&page=3").session(session), 200)))
                .contains("Past the last page (1) · 3 conversations", "/conversations?q=O&amp;page=1")
                .doesNotContain("Page 3 of 1");
        assertThat(body(api.perform(get("/conversations?q=100%25").session(session), 200)))
                .contains("No conversations match.");
        assertThat(body(api.perform(
                        get("/conversations?from=tomorrow&channel=PIGEON").session(session), 200)))
                .contains("Enter the from date as YYYY-MM-DD.", "Choose a channel from the list.")
                .contains("Asked about opening hours");
    }

    @Test
    void theListIsPagedKeepingItsFilters() {
        TestBusiness business = api.createBusiness("Conversation pages plumbing");
        for (int i = 0; i < 27; i++) {
            conversation(
                    business,
                    "SMS",
                    "+1617555" + (1000 + i),
                    Conversation.Outcome.ANSWERED,
                    false,
                    "Question number " + i,
                    List.of("hi"));
        }
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        String first = body(api.perform(get("/conversations?channel=SMS").session(session), 200));
        assertThat(first)
                .contains("Page 1 of 2 · 27 conversations")
                .contains("/conversations?channel=SMS&amp;page=2")
                .contains("Question number 26")
                .doesNotContain("Question number 0<");
        String second =
                body(api.perform(get("/conversations?channel=SMS&page=2").session(session), 200));
        assertThat(second).contains("Page 2 of 2", "Question number 0<", "Previous page");
    }

    @Test
    void theDetailShowsTheTranscriptAsAChatWithTheCallsFactsAndRecording() {
        TestBusiness business = api.createBusiness("Conversation detail plumbing");
        String customer = api.read(api.perform(
                        api.as(
                                        business,
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/customers"))
                                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Gus Caller\", \"phone\": \"+16175550123\"}"),
                        201))
                .get("id")
                .asString();
        UUID id = conversation(
                business,
                "VOICE",
                "CA-detail-1",
                Conversation.Outcome.EMERGENCY,
                true,
                "Gas smell, owner alerted",
                List.of("I smell gas in the basement", "Please leave the house; I am alerting the owner"));
        jdbc.sql("INSERT INTO call_record (id, business_id, call_sid, from_number, to_number, direction, started_at,"
                        + " ended_at, duration_seconds, status, recording_url, language) VALUES (:id, :b, 'CA-detail-1',"
                        + " '+16175550123', '+16175550100', 'inbound', :at, :at, 125, 'completed',"
                        + " 'https://api.twilio.com/recordings/RE123.mp3', 'es')")
                .param("id", UUID.randomUUID())
                .param("b", UUID.fromString(business.id()))
                .param("at", java.time.OffsetDateTime.parse("2026-11-23T13:00:00Z"))
                .update();
        MockHttpSession session = dashboard.signedIn(business, "STAFF");

        String page = body(api.perform(get("/conversations/" + id).session(session), 200));
        assertThat(page)
                .contains("Call on Mon 23 Nov 08:00")
                .contains("Gas smell, owner alerted")
                .contains("<dt>Emergency</dt><dd>Yes</dd>")
                .contains("<dt>Language</dt><dd>Spanish</dd>")
                .contains("2:05")
                .contains("<a href=\"/customers/" + customer + "\">Gus Caller</a>")
                .contains("<audio controls preload=\"none\" src=\"https://api.twilio.com/recordings/RE123.mp3\"");
        assertThat(page.replaceAll("\\s+", " "))
                .contains("<li class=\"bubble caller\"> <span class=\"who\"><span>Caller</span>")
                .contains("I smell gas in the basement")
                .contains("<li class=\"bubble assistant\">")
                .contains("Please leave the house; I am alerting the owner");

        UUID text = conversation(
                business, "SMS", "+16175550123", Conversation.Outcome.ANSWERED, false, "A text", List.of("hi"));
        assertThat(body(api.perform(get("/conversations/" + text).session(session), 200)))
                .contains("SMS on Mon 23 Nov")
                .doesNotContain("<audio");
        api.perform(get("/conversations/not-an-id").session(session), 404);
        api.perform(get("/conversations/" + UUID.randomUUID()).session(session), 404);
    }
}
