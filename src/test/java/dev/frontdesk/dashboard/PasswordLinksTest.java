package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** A user added without a password is invited by email; anyone can ask for a reset link. */
@DashboardTest
class PasswordLinksTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/password/[A-Za-z0-9_-]+)");

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    @BeforeEach
    void clock() {
        dashboard.resetClock();
    }

    private static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of the newest link emailed to this address, from the sandbox outbox. */
    private String emailedLink(TestBusiness business, String to) {
        for (var message : api.getJson("/api/outbox", business, 200).get("items")) {
            if (message.get("to").asString().equals(to)) {
                var matcher = LINK.matcher(message.get("body").asString());
                assertThat(matcher.find()).as("a link in " + message).isTrue();
                return matcher.group(1);
            }
        }
        throw new AssertionError("No email to " + to);
    }

    private String invite(TestBusiness business, String email) {
        var created = api.read(api.perform(
                api.as(business, post("/api/users"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"email\": \"%s\", \"name\": \"Ivy Invited\", \"role\": \"STAFF\"}".formatted(email)),
                201));
        assertThat(created.get("passwordSet").asBoolean()).isFalse();
        return emailedLink(business, email);
    }

    @Test
    void anInvitedUserChoosesAPasswordFromTheEmailedLinkOnceThenSignsIn() {
        TestBusiness business = api.createBusiness("Invite plumbing");
        String link = invite(business, "ivy@invite.example");
        dashboard.signIn("ivy@invite.example", "anything at all");

        assertThat(body(api.perform(get(link), 200))).contains("Choose your password", "ivy@invite.example");
        assertThat(body(api.perform(
                        post(link).with(csrf()).param("password", "short").param("confirmation", "short"), 422)))
                .contains("at least 10 characters");
        assertThat(body(api.perform(
                        post(link)
                                .with(csrf())
                                .param("password", "a fine passphrase")
                                .param("confirmation", "another passphrase"),
                        422)))
                .contains("not the same");
        api.perform(post(link).param("password", "a fine passphrase").param("confirmation", "a fine passphrase"), 403);
        assertThat(api.perform(
                                post(link)
                                        .with(csrf())
                                        .param("password", "a fine passphrase")
                                        .param("confirmation", "a fine passphrase"),
                                302)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?passwordSet");

        assertThat(dashboard
                        .signIn("ivy@invite.example", "a fine passphrase")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
        // the link worked once
        assertThat(body(api.perform(get(link), 404))).contains("This link no longer works");
        api.perform(
                post(link)
                        .with(csrf())
                        .param("password", "an attacker's passphrase")
                        .param("confirmation", "an attacker's passphrase"),
                404);
        assertThat(api.getJson("/api/users", business, 200)
                        .get("items")
                        .get(0)
                        .get("passwordSet")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anInvitationExpiresAfterThreeDays() {
        TestBusiness business = api.createBusiness("Expired invite plumbing");
        String link = invite(business, "late@invite.example");
        dashboard.clock().advance(Duration.ofHours(73));
        api.perform(get(link), 404);
        api.perform(get("/password/fdl_notatoken_x"), 404);
    }

    @Test
    void aResetLinkSetsANewPasswordAndOpensALockedLoginWithoutSayingWhoHasALogin() {
        TestBusiness business = api.createBusiness("Reset link plumbing");
        String email = dashboard.addUser(business, "OWNER");
        for (int i = 0; i < 5; i++) {
            dashboard.signIn(email, "guess " + i);
        }
        String known = body(api.perform(post("/password-reset").with(csrf()).param("email", email), 200));
        String unknown =
                body(api.perform(post("/password-reset").with(csrf()).param("email", "nobody@reset.example"), 200));
        assertThat(known).contains("If that email is a dashboard login");
        assertThat(unknown.replaceAll("value=\"[^\"]+\"", "")).isEqualTo(known.replaceAll("value=\"[^\"]+\"", ""));

        String link = emailedLink(business, email);
        api.perform(
                post(link)
                        .with(csrf())
                        .param("password", "a brand new passphrase")
                        .param("confirmation", "a brand new passphrase"),
                302);
        assertThat(dashboard.signIn(email, Dashboard.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(dashboard
                        .signIn(email, "a brand new passphrase")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
    }
}
