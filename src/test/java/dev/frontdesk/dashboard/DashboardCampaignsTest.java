package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The Campaigns pages: the list with counts, creating a campaign (errors beside the fields, nothing
 * created), starting, pausing, resuming and stopping it, its live progress and its leads' calls; a VIEWER
 * only looks; another business's campaign is not found and does not change. The clock is Monday 08:00 in
 * New York, where the leads' numbers are.
 */
@DashboardTest
class DashboardCampaignsTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    String lead(TestBusiness business, String name, String phone, String language) {
        return api.read(api.perform(
                        api.as(business, post("/api/customers"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"%s\", \"phone\": \"%s\", \"language\": \"%s\", \"lead\": true}"
                                        .formatted(name, phone, language)),
                        201))
                .get("id")
                .asString();
    }

    /** The new-campaign form filled in, with some fields typed otherwise ({@code "name", ""}, …). */
    static MockHttpServletRequestBuilder newCampaign(MockHttpSession session, String... changes) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("name", "Winter checks");
        fields.put("purpose", "your winter boiler check");
        fields.put("openingScript", "Would you like a visit this month?");
        fields.put("status", "");
        fields.put("language", "es");
        fields.put("tag", "");
        fields.put("windowStart", "09:00");
        fields.put("windowEnd", "18:00");
        fields.put("maxConcurrentCalls", "2");
        fields.put("retryAttempts", "1");
        fields.put("retryBackoffMinutes", "30");
        fields.put("voicemail", "HANG_UP");
        for (int i = 0; i + 1 < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        var form = post("/campaigns").session(session).with(csrf());
        fields.forEach(form::param);
        return form;
    }

    /** Creates a campaign from the form; returns its id. */
    String create(MockHttpSession session, MockHttpServletRequestBuilder form) {
        String location = api.perform(form, 302).getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/campaigns/").endsWith("?created");
        return location.substring("/campaigns/".length(), location.indexOf('?'));
    }

    @Test
    void anOwnerCreatesACampaignOfTheLeadsTheFilterFindsThenStartsPausesResumesAndStopsIt() {
        TestBusiness business = api.createBusiness("Campaign page plumbing");
        lead(business, "Ana Garcia", "+16175550301", "es");
        lead(business, "Luis Perez", "+16175550302", "es");
        lead(business, "Dana Smith", "+16175550303", "en");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        assertThat(body(api.perform(get("/campaigns").session(session), 200)))
                .contains("<h1>Campaigns</h1>", "No campaigns yet.", "New campaign")
                .contains("aria-current=\"page\">Campaigns</a>");
        assertThat(body(api.perform(get("/campaigns/new").session(session), 200)))
                .contains("New campaign", "Calls at once", "Leave a message");

        String id = create(session, newCampaign(session, "callsPerMinute", "12"));
        String page = body(api.perform(get("/campaigns/" + id + "?created").session(session), 200));
        assertThat(page)
                .contains("At most 12 new calls a minute")
                .contains("Campaign created as a draft", "Winter checks", "your winter boiler check")
                .contains("Would you like a visit this month?", "09:00–18:00", "Hang up")
                .contains("Ana Garcia", "Luis Perez")
                .doesNotContain("Dana Smith")
                .contains(">Draft<", "Start calling", "Stop for good");
        JsonNode draft = api.getJson("/api/campaigns/" + id, business, 200);
        assertThat(draft.at("/counts/queued").asInt()).isEqualTo(2);
        assertThat(draft.get("maxConcurrentCalls").asInt()).isEqualTo(2);
        assertThat(draft.at("/pacing/callsPerMinute").asInt()).isEqualTo(12);
        assertThat(draft.at("/retry/backoffMinutes").asInt()).isEqualTo(30);
        assertThat(body(api.perform(get("/campaigns").session(session), 200))).contains("Winter checks", "Draft");

        move(session, id, "start", "Started");
        assertThat(status(business, id)).isEqualTo("RUNNING");
        // a running campaign's counts refresh themselves
        String progress = body(api.perform(
                get("/campaigns/" + id + "/progress").session(session).header("HX-Request", "true"), 200));
        assertThat(progress)
                .contains("id=\"campaign-progress\"", "hx-get=\"/campaigns/" + id + "/progress\"", "every 2s")
                .contains("Running")
                .doesNotContain("<html");
        move(session, id, "pause", "Paused");
        assertThat(status(business, id)).isEqualTo("PAUSED");
        move(session, id, "resume", "Resumed");
        assertThat(status(business, id)).isEqualTo("RUNNING");
        move(session, id, "stop", "Stopped for good");
        assertThat(status(business, id)).isEqualTo("STOPPED");

        // a stopped campaign has no buttons and stops refreshing; a late click changes nothing and says why
        String stopped = body(api.perform(get("/campaigns/" + id).session(session), 200));
        assertThat(stopped).doesNotContain("Start calling", "Resume</button>", "hx-get=");
        assertThat(body(api.perform(
                        post("/campaigns/" + id + "/resume").session(session).with(csrf()), 409)))
                .contains("Nothing changed", "A STOPPED campaign cannot resume.");
        assertThat(status(business, id)).isEqualTo("STOPPED");
        api.perform(post("/campaigns/" + id + "/dance").session(session).with(csrf()), 404);
    }

    @Test
    void aCampaignWithBadFieldsIsNotCreatedAndEachErrorShowsBesideItsField() {
        TestBusiness business = api.createBusiness("Campaign errors plumbing");
        lead(business, "Ana Garcia", "+16175550311", "es");
        MockHttpSession session = dashboard.signedIn(business, "STAFF");
        String page = body(api.perform(
                newCampaign(
                        session,
                        "name",
                        "",
                        "windowStart",
                        "21:30",
                        "windowEnd",
                        "23:00",
                        "maxConcurrentCalls",
                        "lots",
                        "retryAttempts",
                        "11",
                        "callsPerMinute",
                        "0"),
                400));
        assertThat(page)
                .contains("Nothing was created: please correct the fields marked below.")
                .contains("id=\"name-error\"", "Name is required")
                .contains("id=\"window-error\"", "must overlap 08:00-21:00")
                .contains("id=\"maxConcurrentCalls-error\"", "Calls at once must be between 1 and 50")
                .contains("id=\"retryAttempts-error\"", "More calls must be between 0 and 10")
                .contains("id=\"callsPerMinute-error\"", "New calls a minute must be between 1 and 600")
                .contains("aria-invalid=\"true\"")
                // what was typed is kept
                .contains("value=\"your winter boiler check\"", "value=\"lots\"", "value=\"21:30\"");
        String noLead = body(api.perform(newCampaign(session, "language", "fr"), 400));
        assertThat(noLead).contains("id=\"filter-error\"", "no lead matches");
        assertThat(api.getJson("/api/campaigns", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void leadsTickedOnTheCustomersPageMakeTheCampaignAndAnotherBusinessesLeadIsRefused() {
        TestBusiness business = api.createBusiness("Ticked leads plumbing");
        TestBusiness other = api.createBusiness("Ticked leads rival");
        String ana = lead(business, "Ana Garcia", "+16175550321", "es");
        lead(business, "Ben Jones", "+16175550322", "en");
        String stranger = lead(other, "Sam Stranger", "+16175550323", "en");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        assertThat(body(api.perform(get("/customers").session(session), 200)))
                .contains("action=\"/campaigns/new\"", "name=\"lead\" value=\"" + ana + "\"")
                .contains("New campaign with the ticked leads");
        assertThat(body(api.perform(get("/campaigns/new?lead=" + ana).session(session), 200)))
                .contains("1 leads chosen on the Customers page.", "value=\"" + ana + "\"")
                .doesNotContain("Lead status");
        String refused = body(api.perform(newCampaign(session).param("lead", ana, stranger), 400));
        assertThat(refused).contains("id=\"leadIds-error\"", "1 of the ids are not leads of the business");
        String id = create(session, newCampaign(session, "language", "en").param("lead", ana));
        assertThat(body(api.perform(get("/campaigns/" + id).session(session), 200)))
                .contains("Ana Garcia")
                .doesNotContain("Ben Jones");
    }

    @Test
    void aViewerFollowsCampaignsButCannotCreateOrMoveThem() {
        TestBusiness business = api.createBusiness("Campaign viewer plumbing");
        lead(business, "Ana Garcia", "+16175550331", "es");
        String id = create(dashboard.signedIn(business, "OWNER"), newCampaign(dashboard.signedIn(business, "OWNER")));
        MockHttpSession viewer = dashboard.signedIn(business, "VIEWER");
        assertThat(body(api.perform(get("/campaigns").session(viewer), 200)))
                .contains("Winter checks", "can follow campaigns but not create or start them")
                .doesNotContain("New campaign</a>");
        assertThat(body(api.perform(get("/campaigns/" + id).session(viewer), 200)))
                .contains("Winter checks", "Ana Garcia")
                .doesNotContain("Start calling");
        assertThat(body(api.perform(get("/campaigns/new").session(viewer), 200)))
                .contains("disabled")
                .doesNotContain("Create as a draft");
        assertThat(body(api.perform(get("/customers").session(viewer), 200)))
                .doesNotContain("name=\"lead\"", "New campaign with the ticked leads");
        api.perform(newCampaign(viewer), 403);
        for (String move : new String[] {"start", "stop"}) {
            api.perform(post("/campaigns/" + id + "/" + move).session(viewer).with(csrf()), 403);
        }
        assertThat(status(business, id)).isEqualTo("DRAFT");
        assertThat(api.getJson("/api/campaigns", business, 200).get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void anotherBusinessesCampaignIsNotFoundOnAnyPageAndDoesNotChange() {
        TestBusiness owner = api.createBusiness("Campaign owner plumbing");
        TestBusiness intruder = api.createBusiness("Campaign intruder plumbing");
        lead(owner, "Ana Garcia", "+16175550341", "es");
        String id = create(dashboard.signedIn(owner, "OWNER"), newCampaign(dashboard.signedIn(owner, "OWNER")));
        MockHttpSession session = dashboard.signedIn(intruder, "OWNER");
        api.perform(get("/campaigns/" + id).session(session), 404);
        api.perform(get("/campaigns/" + id + "/progress").session(session).header("HX-Request", "true"), 404);
        for (String move : new String[] {"start", "pause", "resume", "stop"}) {
            api.perform(post("/campaigns/" + id + "/" + move).session(session).with(csrf()), 404);
        }
        api.perform(get("/campaigns/not-an-id").session(session), 404);
        assertThat(body(api.perform(get("/campaigns").session(session), 200)))
                .contains("No campaigns yet.")
                .doesNotContain("Winter checks");
        assertThat(status(owner, id)).isEqualTo("DRAFT");
    }

    @Test
    void aRunningCampaignsPageShowsEachLeadsCallAndHowItWent() {
        TestBusiness business = api.createBusiness("Campaign calls plumbing");
        lead(business, "Ana Garcia", "+16175550351", "es");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        String id = create(session, newCampaign(session, "windowStart", "08:00"));
        move(session, id, "start", "Started");
        // the dialer's job (db-scheduler) places the call in the sandbox
        JsonNode call = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200),
                        calls -> calls.size() == 1)
                .get(0);
        assertThat(body(api.perform(
                        get("/campaigns/" + id + "/progress").session(session).header("HX-Request", "true"), 200)))
                .contains("id=\"count-calling\">1<");
        String sid = call.get("callSid").asString();
        api.perform(
                api.as(business, post("/api/sandbox/outbound-calls/" + sid + "/answer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answeredBy\": \"human\"}"),
                200);
        api.perform(
                api.as(business, post("/api/sandbox/outbound-calls/" + sid + "/end"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"completed\"}"),
                200);
        String page = body(api.perform(get("/campaigns/" + id).session(session), 200));
        assertThat(page)
                .contains("id=\"count-contacted\">1<", "id=\"count-calling\">0<")
                .contains("Ana Garcia", "Contacted", "Mon 23 Nov 08:00", "Person answered, ended");

        // the call is among the business's calls and conversations, naming its campaign with a link to it
        String link = "href=\"/campaigns/" + id + "\"";
        assertThat(body(api.perform(get("/conversations").session(session), 200)))
                .contains(link)
                .contains("Campaign: Winter checks");
        String conversation = api.getJson("/api/conversations?channel=VOICE", business, 200)
                .at("/items/0/id")
                .asString();
        assertThat(body(api.perform(get("/conversations/" + conversation).session(session), 200)))
                .contains("<dt>Campaign</dt>")
                .contains(link)
                .contains(">Winter checks</a>");
    }

    private void move(MockHttpSession session, String id, String move, String notice) {
        MvcResult result = api.perform(
                post("/campaigns/" + id + "/" + move).session(session).with(csrf()), 302);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/campaigns/" + id + "?" + move);
        assertThat(body(api.perform(get(location).session(session), 200))).contains(notice);
    }

    private String status(TestBusiness business, String id) {
        return api.getJson("/api/campaigns/" + id, business, 200).get("status").asString();
    }
}
