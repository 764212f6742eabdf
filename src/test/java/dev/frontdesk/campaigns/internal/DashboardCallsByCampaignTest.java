package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.dashboard.Dashboard;
import dev.frontdesk.dashboard.DashboardTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The Calls and conversations page filters by campaign, as {@code /api/calls?campaign=} does: the select offers the
 * business's campaigns that placed calls, choosing one lists only its calls' conversations, and another business's
 * campaign is refused (not offered, not listed). The clock is Monday 08:00 in New York. It lives beside the dialer
 * to run the dialer's round itself: a dashboard test context reused after another context ran between has its jobs
 * stopped (Spring's context pausing stops the scheduler, which does not start again).
 */
@DashboardTest
class DashboardCallsByCampaignTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Assistant assistant;

    @Autowired
    Dialer dialer;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    @Test
    void theConversationsListShowsOnlyTheChosenCampaignsCalls() {
        TestBusiness business = api.createBusiness("Calls by campaign plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        // a text that no campaign placed
        assistant.handle(new InboundTurn(
                BusinessId.parse(business.id()).orElseThrow(),
                Channel.SMS,
                "+16175550999",
                "what are your opening hours?",
                null,
                1.0,
                "+16175550999"));
        assertThat(body(api.perform(get("/conversations").session(session), 200)))
                .as("no campaign has placed a call yet: no campaign filter")
                .doesNotContain("id=\"campaign\"");
        String campaign = campaignCallAnswered(business);

        String all = body(api.perform(get("/conversations").session(session), 200));
        assertThat(all)
                .contains("+16175550999", "+16175550351")
                .contains("<label for=\"campaign\">Campaign</label>")
                .contains("<option value=\"" + campaign + "\">Winter checks</option>");
        String ofCampaign = body(
                api.perform(get("/conversations").param("campaign", campaign).session(session), 200));
        assertThat(ofCampaign)
                .contains("+16175550351", "Campaign: Winter checks")
                .contains("<option value=\"" + campaign + "\" selected=\"selected\">Winter checks</option>")
                .doesNotContain("+16175550999");
        assertThat(body(api.perform(
                        get("/conversations")
                                .param("campaign", campaign)
                                .param("channel", "SMS")
                                .session(session),
                        200)))
                .as("with the other filters")
                .contains("No conversations match.");

        TestBusiness other = api.createBusiness("Someone else's plumbing");
        MockHttpSession otherSession = dashboard.signedIn(other, "OWNER");
        assertThat(body(api.perform(
                        get("/conversations").param("campaign", campaign).session(otherSession), 200)))
                .contains("Choose a campaign from the list.")
                .doesNotContain("Winter checks")
                .doesNotContain("+16175550351");
        assertThat(body(api.perform(
                        get("/conversations").param("campaign", "winter").session(session), 200)))
                .contains("Choose a campaign from the list.");
    }

    /** A campaign "Winter checks" of one lead whose call a person answered and that then ended; its id. */
    private String campaignCallAnswered(TestBusiness business) {
        String lead = api.read(api.perform(
                        api.as(business, post("/api/customers"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Ana Garcia\", \"phone\": \"+16175550351\", \"lead\": true}"),
                        201))
                .get("id")
                .asString();
        String id = api.read(api.perform(
                        api.as(business, post("/api/campaigns"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                        {"name": "Winter checks", "purpose": "your winter boiler check", "leadIds": ["%s"],
                         "window": {"start": "08:00", "end": "18:00"}, "maxConcurrentCalls": 1,
                         "retry": {"attempts": 1, "backoffMinutes": 60}, "voicemail": "HANG_UP"}\
                        """.formatted(lead)),
                        201))
                .get("id")
                .asString();
        api.perform(api.as(business, post("/api/campaigns/" + id + "/start")), 200);
        dialer.tick(UUID.fromString(id));
        // the campaign's job runs here too (the jobs are on): its round may have claimed the lead just before
        // this one and be placing the call still
        JsonNode ringing = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200),
                        r -> !r.isEmpty());
        assertThat(ringing).as("a dialer's round placed the lead's call, once").hasSize(1);
        String sid = ringing.get(0).get("callSid").asString();
        for (String[] step :
                new String[][] {{"answer", "{\"answeredBy\": \"human\"}"}, {"end", "{\"status\": \"completed\"}"}}) {
            api.perform(
                    api.as(business, post("/api/sandbox/outbound-calls/" + sid + "/" + step[0]))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(step[1]),
                    200);
        }
        return id;
    }

    private static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
