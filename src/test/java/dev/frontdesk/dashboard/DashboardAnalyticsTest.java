package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

        String bad =
                body(api.perform(get("/analytics").param("from", "22/11/2026").session(viewer), 200));
        assertThat(bad).contains("Those dates cannot be used", "Monday 23 November 2026");
    }
}
