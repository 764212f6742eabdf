package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * Today's calls in progress: a call answered through the voice webhook (the sandbox drives the same webhooks
 * Twilio calls) is listed until its status callback, with its times in the business's timezone, linked to its
 * conversation's page, and only on its own business's page.
 */
@DashboardTest
class DashboardLiveCallsTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    /** Places a sandbox call from {@code from}; returns its CallSid. */
    private String call(TestBusiness business, String from) {
        return api.read(api.perform(
                        api.as(business, post("/api/sandbox/calls"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"from\": \"" + from + "\"}"),
                        200))
                .get("callSid")
                .asString();
    }

    private void hangUp(TestBusiness business, String callSid) {
        api.perform(api.as(business, post("/api/sandbox/calls/" + callSid + "/hangup")), 200);
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return api.perform(get(path).session(session).header("HX-Request", "true"), 200)
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aCallInProgressIsOnTodayUntilItsStatusCallbackAndThenTheEmptyStateIs() throws Exception {
        TestBusiness business = api.createBusiness("Live calls plumbing");
        MockHttpSession session = dashboard.signedIn(business, "VIEWER");
        assertThat(page("/", session)).contains("Calls in progress", "No calls in progress.");

        String callSid = call(business, "+16175550123");
        dashboard.clock().advance(Duration.ofSeconds(95));

        String today = page("/", session);
        // 13:00 UTC is 08:00 in New York; 1:35 on the call so far
        assertThat(today)
                .contains("+16175550123", "<time datetime=\"2026-11-23T13:00:00Z\">08:00</time>", "1:35")
                .doesNotContain("No calls in progress.");
        // the page asks again every 5 s for 30 minutes from when it was drawn
        String until = "until=" + Dashboard.MONDAY_8AM.plusSeconds(95 + 30 * 60).getEpochSecond();
        assertThat(today).contains("hx-get=\"/today/live-calls?" + until + "\"", "hx-trigger=\"every 5s\"");
        String fragment = page("/today/live-calls?" + until, session);
        assertThat(fragment)
                .contains("hx-get=\"/today/live-calls?" + until + "\"", "hx-trigger=\"every 5s\"", "+16175550123")
                .doesNotContain("<html");

        hangUp(business, callSid);
        assertThat(page("/today/live-calls?" + until, session))
                .contains("No calls in progress.")
                .doesNotContain("+16175550123");
    }

    @Test
    void aCallInProgressLinksToItsConversationWhichOnlyItsOwnBusinessCanOpen() throws Exception {
        TestBusiness business = api.createBusiness("Live calls linked");
        MockHttpSession session = dashboard.signedIn(business, "VIEWER");
        String callSid = call(business, "+16175550166");
        JsonNode conversation = api.getJson("/api/conversations", business, 200).at("/items/0");
        String id = conversation.get("id").asString();

        String fragment = page("/today/live-calls?until=9999999999", session);
        assertThat(fragment).contains("<a href=\"/conversations/" + id + "\">+16175550166</a>");
        assertThat(page("/", session)).contains("<a href=\"/conversations/" + id + "\">+16175550166</a>");
        // the link opens the call's conversation while it goes on: what the assistant said so far
        String detail = api.perform(get("/conversations/" + id).session(session), 200)
                .getResponse()
                .getContentAsString();
        assertThat(detail).contains("Call on Mon 23 Nov 08:00", "class=\"bubble assistant\"");
        // another business's user, given the link, finds nothing
        MockHttpSession other = dashboard.signedIn(api.createBusiness("Live calls other"), "OWNER");
        api.perform(get("/conversations/" + id).session(other), 404);
        assertThat(page("/today/live-calls?until=9999999999", other)).doesNotContain(id, "+16175550166");

        hangUp(business, callSid);
    }

    @Test
    void anotherBusinesssCallNeverAppears() throws Exception {
        TestBusiness ours = api.createBusiness("Live calls ours");
        TestBusiness theirs = api.createBusiness("Live calls theirs");
        call(theirs, "+16175550177");
        MockHttpSession session = dashboard.signedIn(ours, "OWNER");

        assertThat(page("/", session)).contains("No calls in progress.").doesNotContain("+16175550177");
        assertThat(page("/today/live-calls?until=9999999999", session))
                .contains("No calls in progress.")
                .doesNotContain("+16175550177");
    }

    @Test
    void aCallWhoseEndWasNeverReportedIsNoLongerListedAfterTwilioWouldHaveEndedIt() throws Exception {
        TestBusiness business = api.createBusiness("Live calls stale");
        call(business, "+16175550155");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        dashboard.clock().advance(Duration.ofHours(3).plusMinutes(59));
        assertThat(page("/today/live-calls", session)).contains("+16175550155", "239:00");

        dashboard.clock().advance(Duration.ofMinutes(2));
        assertThat(page("/today/live-calls", session))
                .contains("No calls in progress.")
                .doesNotContain("+16175550155");
    }

    @Test
    void thirtyMinutesAfterThePageWasDrawnTheListStopsAskingSoAnUnattendedSessionCanEnd() throws Exception {
        TestBusiness business = api.createBusiness("Live calls unattended");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        String until = "until=" + Dashboard.MONDAY_8AM.plusSeconds(30 * 60).getEpochSecond();
        assertThat(page("/", session)).contains("/today/live-calls?" + until);

        dashboard.clock().advance(Duration.ofMinutes(30));
        assertThat(page("/today/live-calls?" + until, session))
                .contains("No longer refreshed by itself", "reload the page", "No calls in progress.")
                .doesNotContain("hx-trigger", "hx-get");
    }

    @Test
    void signedOutThePollingFragmentSendsHtmxToTheSignInPage() throws Exception {
        var response = api.perform(get("/today/live-calls").header("HX-Request", "true"), 401)
                .getResponse();
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login");
    }
}
