package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** Signing in to the dashboard, and what a visitor who has not signed in sees. */
@DashboardTest
class DashboardSignInTest {

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

    private String body(org.springframework.test.web.servlet.MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOwnerSignsInAndSeesTheTodayPageNamingTheBusiness() {
        TestBusiness business = api.createBusiness("Signed-in plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        String today = body(api.perform(get("/").session(session), 200));
        assertThat(today)
                .contains("Signed-in plumbing")
                .contains("calls", "bookings", "emergencies", "missed calls", "messages open")
                .contains("Today's schedule", "Open messages")
                .contains("Sign out");
    }

    @Test
    void todayListsTheBusinesssLatestConversationsAsRecentActivityLinkingToThem() {
        TestBusiness business = api.createBusiness("Recent activity plumbing");
        TestBusiness other = api.createBusiness("Other recent activity plumbing");
        var id = new BusinessId(UUID.fromString(business.id()));
        MockHttpSession session = dashboard.signedIn(business, "STAFF");
        assertThat(body(api.perform(get("/").session(session), 200)))
                .contains("Recent activity", "No conversations yet.");

        var call = conversations.openOrContinue(id, "VOICE", "CA-recent-1", "+16175550123", "en", null);
        conversations.end(id, call.id(), Conversation.Outcome.BOOKED, "Booked a drain cleaning", false);
        dashboard.clock().advance(java.time.Duration.ofMinutes(5));
        var text = conversations.openOrContinue(id, "SMS", "SM-recent-2", "+16175550124", "es", null);
        var theirs = new BusinessId(UUID.fromString(other.id()));
        var theirCall = conversations.openOrContinue(theirs, "VOICE", "CA-recent-3", "+16175550125", "en", null);
        conversations.end(theirs, theirCall.id(), Conversation.Outcome.ANSWERED, "Their private summary", false);

        String today = body(api.perform(get("/").session(session), 200)).replaceAll("\\s+", " ");
        assertThat(today)
                .doesNotContain(
                        "No conversations yet.",
                        "Their private summary",
                        theirCall.id().toString())
                .contains(
                        "<a href=\"/conversations/" + call.id() + "\">Call, Mon 23 Nov 08:00</a> · <span>Booked</span>")
                .contains("Booked a drain cleaning")
                .contains("<a href=\"/conversations/" + text.id()
                        + "\">SMS, Mon 23 Nov 08:05</a> · <span>In progress</span>");
        assertThat(today.indexOf(text.id().toString()))
                .as("newest first")
                .isLessThan(today.indexOf(call.id().toString()));
    }

    @Test
    void aVisitorWhoHasNotSignedInGetsTheHomePageWithASignInLink() {
        String home = body(api.perform(get("/"), 200));
        assertThat(home).contains("<h1>Frontdesk</h1>", "href=\"/login\"");
        String login = body(api.perform(get("/login"), 200));
        assertThat(login).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
    }

    @Test
    void theSignInFormWithoutItsCsrfTokenIsRefused() {
        TestBusiness business = api.createBusiness("Csrf plumbing");
        String email = dashboard.addUser(business, "OWNER");
        api.perform(post("/login").param("username", email).param("password", Dashboard.PASSWORD), 403);
    }

    @Test
    void aWrongPasswordSendsTheBrowserBackToTheSignInPageWithAnError() {
        TestBusiness business = api.createBusiness("Wrong password plumbing");
        String email = dashboard.addUser(business, "STAFF");
        assertThat(dashboard.signIn(email, "not the password").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(dashboard
                        .signIn("nobody@example.com", "whatever")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(body(api.perform(get("/login?error"), 200))).contains("Wrong email or password");
    }

    @Test
    void fiveFailuresInARowLockTheLoginForFifteenMinutesEvenWithTheRightPassword() {
        TestBusiness business = api.createBusiness("Lockout plumbing");
        String email = dashboard.addUser(business, "OWNER");
        for (int i = 0; i < 5; i++) {
            dashboard.signIn(email, "guess " + i);
        }
        assertThat(dashboard.signIn(email, Dashboard.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");

        dashboard.clock().advance(Duration.ofMinutes(14));
        assertThat(dashboard.signIn(email, Dashboard.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");

        dashboard.clock().advance(Duration.ofMinutes(2));
        assertThat(dashboard.signIn(email, Dashboard.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void fourFailuresThenASuccessStartTheCountAgain() {
        TestBusiness business = api.createBusiness("Reset plumbing");
        String email = dashboard.addUser(business, "OWNER");
        for (int i = 0; i < 4; i++) {
            dashboard.signIn(email, "guess " + i);
        }
        dashboard.session(email);
        for (int i = 0; i < 4; i++) {
            dashboard.signIn(email, "guess " + i);
        }
        dashboard.session(email);
    }

    @Test
    void pagesAskForASignInAndHtmxFragmentsAskHtmxToGoThere() {
        assertThat(api.perform(get("/appointments"), 302).getResponse().getRedirectedUrl())
                .endsWith("/login");
        var fragment = api.perform(get("/appointments/list").header("HX-Request", "true"), 401);
        assertThat(fragment.getResponse().getHeader("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void afterSigningInThePageThatAskedForItOpensButNeverAnHtmxFragment() {
        TestBusiness business = api.createBusiness("Back to page plumbing");
        String email = dashboard.addUser(business, "OWNER");

        var page = api.perform(get("/appointments"), 302);
        var session = (MockHttpSession) page.getRequest().getSession();
        var signedIn = api.perform(
                post("/login")
                        .session(session)
                        .param("username", email)
                        .param("password", Dashboard.PASSWORD)
                        .with(csrf()),
                302);
        assertThat(signedIn.getResponse().getRedirectedUrl()).startsWith("http://localhost/appointments");

        var fragment = api.perform(get("/appointments/list").header("HX-Request", "true"), 401);
        var fragmentSession = (MockHttpSession) fragment.getRequest().getSession();
        var afterFragment = api.perform(
                post("/login")
                        .session(fragmentSession)
                        .param("username", email)
                        .param("password", Dashboard.PASSWORD)
                        .with(csrf()),
                302);
        assertThat(afterFragment.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void signingOutEndsTheSession() {
        TestBusiness business = api.createBusiness("Sign out plumbing");
        MockHttpSession session = dashboard.signedIn(business, "VIEWER");
        api.perform(get("/appointments").session(session), 200);
        assertThat(api.perform(post("/logout").session(session).with(csrf()), 302)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?signedOut");
        api.perform(get("/appointments").session(session), 302);
    }

    @Test
    void aSuspendedBusinessesUsersCannotSignIn() {
        TestBusiness business = api.createBusiness("Suspended dashboard plumbing");
        String email = dashboard.addUser(business, "OWNER");
        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/suspend")), 200);
        assertThat(dashboard.signIn(email, Dashboard.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void theApiNeedsNoCsrfTokenAndIgnoresTheDashboardSession() {
        TestBusiness business = api.createBusiness("Api untouched plumbing");
        MockHttpSession session = dashboard.signedIn(business, "OWNER");
        // a signed-in browser session is no API key
        api.perform(get("/api/appointments").session(session), 401);
        // and the API's own key works without a CSRF token, as before
        api.getJson("/api/appointments", business, 200);
    }

    @Test
    void anOddAddressRefusedBySpringSecuritysFirewallIsStillAProblem() {
        TestBusiness business = api.createBusiness("Firewall plumbing");
        var rejected = api.perform(api.as(business, post("/api/sandbox/calls/../say")), 400);
        assertThat(rejected.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(rejected)).contains("rejected-request").doesNotContain("Exception");
    }
}
