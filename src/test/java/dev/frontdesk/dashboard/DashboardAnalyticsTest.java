package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/** The Analytics page: the business's distributions as tables with bars, over the days asked for. */
@DashboardTest
class DashboardAnalyticsTest {

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

    @Test
    void theAnalyticsPageShowsTheBusinesssCallsLanguagesLeadsAndRecentConversations() {
        TestBusiness business = api.createBusiness("Analytics page plumbing");
        TestBusiness other = api.createBusiness("Other analytics page plumbing");
        var id = new BusinessId(UUID.fromString(business.id()));
        var call = conversations.openOrContinue(id, "VOICE", "CA-page-1", "+16175550123", "es", null);
        conversations.end(id, call.id(), Conversation.Outcome.BOOKED, "Reservo una limpieza", false);
        var theirs = new BusinessId(UUID.fromString(other.id()));
        var theirCall = conversations.openOrContinue(theirs, "VOICE", "CA-page-2", "+16175550124", "fr", null);
        conversations.end(theirs, theirCall.id(), Conversation.Outcome.ANSWERED, "Their secret summary", false);
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");

        String page = body(api.perform(get("/analytics").session(viewer), 200)).replaceAll("\\s+", " ");
        assertThat(page)
                .contains("<h1>Analytics</h1>", "Monday 23 November 2026")
                .contains("<caption class=\"visually-hidden\">Calls by outcome</caption>")
                .contains("<th scope=\"row\">Booked</th> <td>1</td> <td>100%</td>")
                .contains("<th scope=\"row\">Spanish</th> <td>1</td>")
                .contains("Reservo una limpieza", "No campaign is running or paused.")
                .doesNotContain("Their secret summary", "French");

        String sunday = body(api.perform(
                        get("/analytics")
                                .param("from", "2026-11-22")
                                .param("to", "2026-11-22")
                                .session(viewer),
                        200))
                .replaceAll("\\s+", " ");
        assertThat(sunday).contains("Sunday 22 November 2026", "No conversations on these days.");

        // quick choices of days ending today (Monday 23 November in New York), the one shown marked
        assertThat(page)
                .contains("<a href=\"/analytics?from=2026-11-23&amp;to=2026-11-23\" aria-current=\"true\">Today</a>")
                .contains("<a href=\"/analytics?from=2026-11-17&amp;to=2026-11-23\">Last 7 days</a>")
                .contains("<a href=\"/analytics?from=2026-10-25&amp;to=2026-11-23\">Last 30 days</a>")
                .contains("<a href=\"/analytics?from=2025-11-24&amp;to=2026-11-23\">Last 12 months</a>");
        String month = body(api.perform(
                        get("/analytics")
                                .param("from", "2026-10-25")
                                .param("to", "2026-11-23")
                                .session(viewer),
                        200))
                .replaceAll("\\s+", " ");
        assertThat(month)
                .contains(
                        "<a href=\"/analytics?from=2026-10-25&amp;to=2026-11-23\" aria-current=\"true\">Last 30 days</a>")
                .contains("<a href=\"/analytics?from=2026-11-23&amp;to=2026-11-23\">Today</a>")
                .contains("<tr data-key=\"2026-10-25\">", "<tr data-key=\"2026-11-23\">");

        String bad =
                body(api.perform(get("/analytics").param("from", "22/11/2026").session(viewer), 200));
        assertThat(bad).contains("Those dates cannot be used", "Monday 23 November 2026");
    }

    @Test
    void theAnalyticsPageChartsBookingsBusiestHoursChannelsAndTheLeadFunnelFromItsTables() {
        TestBusiness business = api.createBusiness("Charts page plumbing");
        TestBusiness other = api.createBusiness("Other charts page plumbing");
        var id = new BusinessId(UUID.fromString(business.id()));
        // Monday 08:00 in New York: two calls and a web chat; another business's text
        conversations.end(
                id,
                conversations
                        .openOrContinue(id, "VOICE", "CA-chart-1", "+16175550123", "en", null)
                        .id(),
                Conversation.Outcome.BOOKED,
                "Booked",
                false);
        conversations.end(
                id,
                conversations
                        .openOrContinue(id, "VOICE", "CA-chart-2", "+16175550124", "en", null)
                        .id(),
                Conversation.Outcome.ABANDONED,
                "Hung up",
                false);
        conversations.openOrContinue(id, "WEB", "web-chart-1", null, "en", null);
        var theirs = new BusinessId(UUID.fromString(other.id()));
        conversations.openOrContinue(theirs, "SMS", "SM-chart-2", "+16175550125", "en", null);
        api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"service\": \"Drain cleaning\", \"start\": \"2026-11-24T16:00:00Z\","
                                + " \"customer\": {\"name\": \"Dana\", \"phone\": \"+16175550199\"}}"),
                201);
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        String page = body(api.perform(
                        get("/analytics")
                                .param("from", "2026-11-22")
                                .param("to", "2026-11-23")
                                .session(owner),
                        200))
                .replaceAll("\\s+", " ");
        assertThat(page)
                // the overview's figures
                .contains("<span class=\"figure\">2</span> <span>calls</span>")
                .contains("<span class=\"figure\">1</span> <span>bookings</span>")
                .contains("<span class=\"figure\">33%</span> <span>conversion</span>")
                .contains("<span class=\"figure\">1</span> <span>missed calls</span>")
                // bookings per day, every day of the range
                .contains("data-chart=\"bar\" data-table=\"bookings-table\"")
                .contains("<tr data-key=\"2026-11-22\"> <th scope=\"row\">Sun 22 Nov</th> <td>0</td>")
                .contains("<tr data-key=\"2026-11-23\"> <th scope=\"row\">Mon 23 Nov</th> <td>1</td>")
                // busiest hours: both calls at 08:00 in the business's timezone
                .contains("data-chart=\"bar\" data-table=\"hours-table\"")
                .contains("<tr data-key=\"08\"> <th scope=\"row\">08:00</th> <td>2</td> <td>100%</td>")
                .contains("<tr data-key=\"13\"> <th scope=\"row\">13:00</th> <td>0</td>")
                // the channel mix: this business's only, no SMS
                .contains("data-chart=\"doughnut\" data-table=\"channels-table\"")
                .contains("<tr data-key=\"VOICE\"> <th scope=\"row\">Call</th> <td>2</td> <td>67%</td>")
                .contains("<tr data-key=\"WEB\"> <th scope=\"row\">Web chat</th> <td>1</td>")
                .doesNotContain("data-key=\"SMS\"")
                // the lead funnel, drawn as horizontal bars
                .contains("data-chart=\"funnel\" data-table=\"leads-table\"")
                .contains(
                        "role=\"img\" aria-label=\"Bookings per day, as a chart; the numbers are in the table below it\"")
                .contains(
                        "src=\"/webjars/chart.js/4.4.1/dist/chart.umd.js\"", "src=\"/dashboard/analytics-charts.js\"");

        // the scripts the page names are served (Chart.js from its webjar), and the page allows them
        var chartJs = api.perform(get("/webjars/chart.js/dist/chart.umd.js"), 200);
        assertThat(body(chartJs)).contains("Chart.js v4");
        assertThat(body(api.perform(get("/dashboard/analytics-charts.js"), 200)))
                .contains("new window.Chart(");
        assertThat(api.perform(get("/analytics").session(owner), 200)
                        .getResponse()
                        .getHeader("Content-Security-Policy"))
                .contains("script-src 'self'");
    }
}
