package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.crm.Conversations;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * The operator's sign-in (username {@code operator}, the admin key as password) and pages: the businesses
 * with their usage in the last 30 days, creating a business with the admin API's rules (keys shown once),
 * suspending, activating and re-keying one. Business users never reach them, and the operator reaches no
 * business page.
 */
@DashboardTest
class DashboardOperatorTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @Autowired
    Conversations conversations;

    @AfterEach
    void clock() {
        dashboard.resetClock();
    }

    private MockHttpSession operator() {
        MvcResult result = dashboard.signIn("operator", TestApi.ADMIN_KEY);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Follows a redirect as the browser does, with the session (and so its flash attributes). */
    private String follow(MockHttpSession session, MvcResult redirect) {
        return body(api.perform(get(redirect.getResponse().getRedirectedUrl()).session(session), 200));
    }

    /**
     * The page of the operator's list (oldest first, 25 a page) that has the business's row: the test database
     * is shared with other test classes, whose businesses may fill the first pages.
     */
    private String listPageWith(MockHttpSession operator, TestBusiness business) {
        for (int n = 1; n < 400; n++) {
            String page = body(api.perform(get("/operator?page=" + n).session(operator), 200));
            if (page.contains("id=\"business-" + business.id() + "\"")) {
                return page;
            }
            if (!page.contains("rel=\"next\"")) {
                break;
            }
        }
        throw new AssertionError("No row for " + business.id() + " on the operator's pages");
    }

    private JsonNode business(TestBusiness business) {
        return api.read(api.perform(api.asAdmin(get("/api/admin/businesses/" + business.id())), 200));
    }

    private long businessCount() {
        return api.read(api.perform(api.asAdmin(get("/api/admin/businesses")), 200))
                .get("total")
                .asLong();
    }

    /** The figure in a cell of the business's row of the operator's list. */
    private static long cell(String page, TestBusiness business, String column) {
        int row = page.indexOf("id=\"business-" + business.id() + "\"");
        assertThat(row).as("a row for " + business.id()).isPositive();
        String rest = page.substring(row, page.indexOf("</tr>", row));
        Matcher m = Pattern.compile("class=\"" + column + "\">(\\d+)<").matcher(rest);
        assertThat(m.find()).as(column + " in " + rest).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theOperatorSignsInWithTheAdminKeyAndSeesTheBusinesses() {
        TestBusiness business = api.createBusiness("Operator list plumbing");
        assertThat(dashboard
                        .signIn("operator", "not the admin key")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");

        MockHttpSession operator = operator();
        assertThat(api.perform(get("/").session(operator), 302).getResponse().getRedirectedUrl())
                .isEqualTo("/operator");
        assertThat(body(api.perform(get("/operator").session(operator), 200))).contains("<h1>Businesses</h1>");
        String page = listPageWith(operator, business);
        assertThat(page)
                .contains("<h1>Businesses</h1>", "Operator list plumbing", business.phoneNumber(), "Active")
                .contains("2026-11-23", "Suspend", "Rotate API key", "New business");
    }

    @Test
    void theOperatorCreatesABusinessWhoseKeysAreShownOnceAndWork() {
        MockHttpSession operator = operator();
        String number = TestApi.randomPhoneNumber();
        assertThat(body(api.perform(get("/operator/businesses/new").session(operator), 200)))
                .contains("New business", "value=\"America/New_York\"");

        MvcResult created = api.perform(
                post("/operator/businesses")
                        .session(operator)
                        .with(csrf())
                        .param("name", "Operator made plumbing")
                        .param("timezone", "Europe/London")
                        .param("phoneNumbers", number)
                        .param("ownerPhone", "+16175550142")
                        .param("ownerEmail", "owner@made.example")
                        .param("defaultLanguage", "en"),
                302);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/operator");
        String page = follow(operator, created);
        Matcher key = Pattern.compile("id=\"fresh-api-key\">(fdk_[^<]+)<").matcher(page);
        assertThat(key.find()).as("the API key on the page").isTrue();
        assertThat(page).contains("id=\"fresh-widget-token\">fdw_", "shown only this once");
        assertThat(body(api.perform(get("/operator").session(operator), 200))).doesNotContain(key.group(1));

        JsonNode settings = api.read(api.perform(get("/api/settings").header("X-API-Key", key.group(1)), 200));
        assertThat(settings.get("name").asString()).isEqualTo("Operator made plumbing");
        assertThat(settings.get("timezone").asString()).isEqualTo("Europe/London");
    }

    @Test
    void aBusinessTheAdminApiWouldRefuseIsExplainedBesideTheFieldsAndNotCreated() {
        TestBusiness existing = api.createBusiness("Operator taken number plumbing");
        MockHttpSession operator = operator();
        long before = businessCount();

        String page = body(api.perform(
                post("/operator/businesses")
                        .session(operator)
                        .with(csrf())
                        .param("name", "")
                        .param("timezone", "Mars/Olympus")
                        .param("phoneNumbers", "+1617555, " + TestApi.randomPhoneNumber())
                        .param("ownerEmail", "nobody")
                        .param("defaultLanguage", "xx"),
                400));
        assertThat(page)
                .contains("Nothing was created", "Name must not be empty", "Timezone: unknown timezone")
                .contains("+1617555 must be a valid E.164 number", "Owner&#39;s email", "Language must be a two-letter")
                .contains("value=\"Mars/Olympus\"", "aria-invalid=\"true\"");
        assertThat(body(api.perform(
                        post("/operator/businesses")
                                .session(operator)
                                .with(csrf())
                                .param("name", "Operator duplicate plumbing")
                                .param("timezone", "America/New_York")
                                .param("phoneNumbers", existing.phoneNumber()),
                        400)))
                .contains("Phone numbers: are in use: Already assigned to another business");
        assertThat(businessCount()).isEqualTo(before);
    }

    @Test
    void theOperatorSuspendsActivatesAndRotatesTheApiKeyAfterConfirming() {
        TestBusiness business = api.createBusiness("Operator suspend plumbing");
        MockHttpSession operator = operator();
        String base = "/operator/businesses/" + business.id();

        assertThat(body(api.perform(get(base + "/suspend").session(operator), 200)))
                .contains("Suspend Operator suspend plumbing?", "action=\"" + base + "/suspend\"", "Cancel");
        api.perform(post(base + "/suspend").session(operator), 403); // no CSRF token
        assertThat(business(business).get("status").asString()).isEqualTo("ACTIVE");
        var suspended = api.perform(post(base + "/suspend").session(operator).with(csrf()), 302);
        assertThat(follow(operator, suspended)).contains("Operator suspend plumbing is suspended.");
        String row = listPageWith(operator, business);
        row = row.substring(row.indexOf("id=\"business-" + business.id() + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>")))
                .contains("Suspended", "Activate Operator suspend plumbing")
                .doesNotContain("Suspend Operator suspend plumbing");
        assertThat(body(api.perform(get(base + "/activate").session(operator), 200)))
                .contains("Activate Operator suspend plumbing?");
        assertThat(business(business).get("status").asString()).isEqualTo("SUSPENDED");
        api.perform(get("/api/settings").header("X-API-Key", business.apiKey()), 403);

        var activated = api.perform(post(base + "/activate").session(operator).with(csrf()), 302);
        assertThat(follow(operator, activated)).contains("Operator suspend plumbing is active again.");
        assertThat(business(business).get("status").asString()).isEqualTo("ACTIVE");
        api.perform(get("/api/settings").header("X-API-Key", business.apiKey()), 200);

        assertThat(body(api.perform(get(base + "/api-key").session(operator), 200)))
                .contains("Rotate the API key of Operator suspend plumbing?");
        var rotated = api.perform(post(base + "/api-key").session(operator).with(csrf()), 302);
        String page = body(api.perform(
                get("/operator")
                        .session(operator)
                        .flashAttr("fresh", rotated.getFlashMap().get("fresh")),
                200));
        Matcher key = Pattern.compile("id=\"fresh-api-key\">(fdk_[^<]+)<").matcher(page);
        assertThat(key.find()).isTrue();
        api.perform(get("/api/settings").header("X-API-Key", business.apiKey()), 401);
        api.perform(get("/api/settings").header("X-API-Key", key.group(1)), 200);

        // the widget token, the same way: asked, rotated, shown once; the old token's chat page is gone
        assertThat(listPageWith(operator, business))
                .contains("href=\"" + base + "/widget-token\"", "Rotate the widget token of Operator suspend plumbing");
        assertThat(body(api.perform(get(base + "/widget-token").session(operator), 200)))
                .contains(
                        "Rotate the widget token of Operator suspend plumbing?",
                        "action=\"" + base + "/widget-token\"");
        api.perform(post(base + "/widget-token").session(operator), 403); // no CSRF token
        api.perform(get("/widget/chat").param("token", business.widgetToken()), 200);
        // in a session of its own, followed as a browser does (the session's flash map), then reloaded
        MockHttpSession again = operator();
        api.perform(post(base + "/widget-token").session(again).with(csrf()), 302);
        String tokenPage = body(api.perform(get("/operator").session(again), 200));
        assertThat(tokenPage)
                .contains("New widget token of Operator suspend plumbing")
                .doesNotContain("id=\"fresh-api-key\"");
        Matcher token = Pattern.compile("id=\"fresh-widget-token\">([^<]+)<").matcher(tokenPage);
        assertThat(token.find()).isTrue();
        api.perform(get("/widget/chat").param("token", business.widgetToken()), 404);
        api.perform(get("/widget/chat").param("token", token.group(1)), 200);
        api.perform(get("/api/settings").header("X-API-Key", key.group(1)), 200);
        assertThat(body(api.perform(get("/operator").session(again), 200)))
                .as("shown once: a reload does not show it again")
                .doesNotContain(token.group(1));

        api.perform(
                get("/operator/businesses/" + UUID.randomUUID() + "/suspend").session(operator), 404);
        api.perform(
                post("/operator/businesses/nonsense/activate").session(operator).with(csrf()), 404);
    }

    @Test
    void businessUsersGetNotAllowedOnOperatorPagesAndTheOperatorOnBusinessPages() {
        TestBusiness business = api.createBusiness("Operator fence plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        assertThat(api.perform(get("/operator").session(owner), 403)
                        .getResponse()
                        .getForwardedUrl())
                .isEqualTo("/forbidden");
        api.perform(get("/operator/businesses/new").session(owner), 403);
        api.perform(
                post("/operator/businesses/" + business.id() + "/suspend")
                        .session(owner)
                        .with(csrf()),
                403);
        api.perform(
                post("/operator/businesses/" + business.id() + "/widget-token")
                        .session(owner)
                        .with(csrf()),
                403);
        api.perform(get("/widget/chat").param("token", business.widgetToken()), 200);
        assertThat(business(business).get("status").asString()).isEqualTo("ACTIVE");

        MockHttpSession operator = operator();
        for (String page : new String[] {"/appointments", "/team", "/settings", "/outbox", "/conversations"}) {
            api.perform(get(page).session(operator), 403);
        }
        api.perform(
                post("/team")
                        .session(operator)
                        .with(csrf())
                        .param("email", "x@y.example")
                        .param("name", "X"),
                403);
        // not signed in: the sign-in page
        assertThat(api.perform(MockMvcRequestBuilders.get("/operator"), 302)
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
    }

    @Test
    void theUsageCountsAreTheLast30DaysCallsConversationsAndBookingsOfEachBusiness() {
        TestBusiness busy = api.createBusiness("Operator usage busy plumbing");
        TestBusiness quiet = api.createBusiness("Operator usage quiet plumbing");
        BusinessId id = BusinessId.parse(busy.id()).orElseThrow();
        // 40 days ago: outside the window
        dashboard.clock().set(Dashboard.MONDAY_8AM.minus(Duration.ofDays(40)));
        conversations.openOrContinue(id, "VOICE", "CA-old", "+16175550101", "en", Duration.ofMinutes(5));
        dashboard.clock().set(Dashboard.MONDAY_8AM.minus(Duration.ofDays(3)));
        conversations.openOrContinue(id, "VOICE", "CA-1", "+16175550101", "en", Duration.ofMinutes(5));
        conversations.openOrContinue(id, "VOICE", "CA-2", "+16175550102", "en", Duration.ofMinutes(5));
        conversations.openOrContinue(id, "SMS", "+16175550103", "+16175550103", "en", Duration.ofMinutes(5));
        dashboard.resetClock();
        for (String start : new String[] {"2026-11-24T14:00:00Z", "2026-11-24T16:00:00Z"}) {
            api.perform(
                    api.as(busy, post("/api/appointments"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"service": "Drain cleaning", "start": "%s",
                                     "customer": {"name": "Usage customer", "phone": "+16175550199"}}""".formatted(start)),
                    201);
        }

        MockHttpSession operator = operator();
        String page = listPageWith(operator, busy);
        assertThat(cell(page, busy, "calls")).isEqualTo(2);
        assertThat(cell(page, busy, "conversations")).isEqualTo(3);
        assertThat(cell(page, busy, "appointments")).isEqualTo(2);
        String quietPage = listPageWith(operator, quiet);
        assertThat(cell(quietPage, quiet, "calls")).isZero();
        assertThat(cell(quietPage, quiet, "conversations")).isZero();
        assertThat(cell(quietPage, quiet, "appointments")).isZero();
    }
}
