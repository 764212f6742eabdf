package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * The Team page: the owner invites a user (the invitation email with its link is in the outbox), changes a
 * role, removes a user, sends an invitation again; the fields it refuses are explained in place; the owner
 * cannot remove or demote their own login (so the business keeps an owner); staff and viewers only read; an
 * owner cannot touch another business's users; a removed user's session ends and a changed role applies at once.
 */
@DashboardTest
class DashboardTeamTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/password/[A-Za-z0-9_-]+)");

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

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

    private JsonNode user(TestBusiness business, String email) {
        for (var user : api.getJson("/api/users?pageSize=100", business, 200).get("items")) {
            if (user.get("email").asString().equals(email)) {
                return user;
            }
        }
        return null;
    }

    private String userId(TestBusiness business, String email) {
        return user(business, email).get("id").asString();
    }

    private String invite(MockHttpSession owner, String email, String name, String role, int status) {
        return body(api.perform(
                post("/team")
                        .session(owner)
                        .with(csrf())
                        .param("email", email)
                        .param("name", name)
                        .param("role", role),
                status));
    }

    @Test
    void theOwnerInvitesStaffWhoChoosesAPasswordFromTheOutboxLinkAndSignsIn() {
        TestBusiness business = api.createBusiness("Team invite plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        String team = body(api.perform(get("/team").session(owner), 200));
        assertThat(team).contains("<h1>Team</h1>", "OWNER user", "(you)", "Send invitation", "href=\"/team\"");
        assertThat(team.split("<header", -1)).as("one header, the business's").hasSize(2);
        assertThat(team).doesNotContain("Frontdesk operator");

        var invited = api.perform(
                post("/team")
                        .session(owner)
                        .with(csrf())
                        .param("email", " Sam@Team.example ")
                        .param("name", "Sam Staff")
                        .param("role", "STAFF"),
                302);
        assertThat(invited.getResponse().getRedirectedUrl()).isEqualTo("/team");
        assertThat((String) invited.getFlashMap().get("done")).contains("Invitation emailed to sam@team.example");

        String page = body(api.perform(get("/team").session(owner), 200));
        assertThat(page).contains("Sam Staff", "sam@team.example", "Invited", "Send invitation again");
        assertThat(user(business, "sam@team.example").get("role").asString()).isEqualTo("STAFF");
        assertThat(user(business, "sam@team.example").get("passwordSet").asBoolean())
                .isFalse();

        String link = emailedLink(business, "sam@team.example");
        assertThat(body(api.perform(get(link), 200))).contains("Choose your password", "sam@team.example");
        api.perform(
                post(link)
                        .with(csrf())
                        .param("password", "a fine passphrase")
                        .param("confirmation", "a fine passphrase"),
                302);
        assertThat(dashboard
                        .signIn("sam@team.example", "a fine passphrase")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
        assertThat(body(api.perform(get("/team").session(owner), 200)))
                .contains("sam@team.example")
                .doesNotContain("Send invitation again");
    }

    @Test
    void aBadOrTakenEmailIsExplainedBesideTheFieldAndNobodyIsInvited() {
        TestBusiness business = api.createBusiness("Team errors plumbing");
        TestBusiness other = api.createBusiness("Team errors other plumbing");
        String taken = dashboard.addUser(other, "STAFF");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        long before = api.getJson("/api/users", business, 200).get("total").asLong();

        assertThat(invite(owner, "not an email", "Ann", "STAFF", 400))
                .contains("Nobody was invited", "Email is not an email address", "value=\"not an email\"")
                .contains("aria-invalid=\"true\"", "value=\"Ann\"");
        assertThat(invite(owner, taken, "Ann", "STAFF", 400)).contains("Email is already a login");
        assertThat(invite(owner, "ann@team.example", " ", "STAFF", 400)).contains("Name is required");
        assertThat(invite(owner, "ann@team.example", "Ann", "OPERATOR", 400))
                .contains("Role must be one of OWNER, STAFF, VIEWER");
        assertThat(api.getJson("/api/users", business, 200).get("total").asLong())
                .isEqualTo(before);
        assertThat(api.getJson("/api/outbox", business, 200).get("total").asLong())
                .isZero();
    }

    @Test
    void theOwnerChangesARoleWhichAppliesToThatUsersSessionAtOnce() {
        TestBusiness business = api.createBusiness("Team role plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        String staffEmail = dashboard.addUser(business, "STAFF");
        MockHttpSession staff = dashboard.session(staffEmail);
        api.perform(get("/team").session(staff), 200);

        var changed = api.perform(
                post("/team/" + userId(business, staffEmail) + "/role")
                        .session(owner)
                        .with(csrf())
                        .param("role", "VIEWER"),
                302);
        assertThat((String) changed.getFlashMap().get("done")).contains("is now viewer");
        assertThat(user(business, staffEmail).get("role").asString()).isEqualTo("VIEWER");
        // the viewer's open session has the new role: posting a change is now refused
        assertThat(api.perform(
                                post("/messages/00000000-0000-0000-0000-000000000000/handled")
                                        .session(staff)
                                        .with(csrf()),
                                403)
                        .getResponse()
                        .getForwardedUrl())
                .isEqualTo("/forbidden");
        assertThat(body(api.perform(get("/team").session(staff), 200))).contains("(VIEWER)");
    }

    @Test
    void theOnlyOwnerCannotRemoveOrDemoteTheirOwnLoginSoTheBusinessKeepsAnOwner() {
        TestBusiness business = api.createBusiness("Team last owner plumbing");
        String ownerEmail = dashboard.addUser(business, "OWNER");
        MockHttpSession owner = dashboard.session(ownerEmail);
        String ownerId = userId(business, ownerEmail);

        assertThat(body(api.perform(
                        post("/team/" + ownerId + "/remove").session(owner).with(csrf()), 409)))
                .contains("Nothing changed: You cannot remove your own login");
        assertThat(body(api.perform(
                        post("/team/" + ownerId + "/role")
                                .session(owner)
                                .with(csrf())
                                .param("role", "STAFF"),
                        409)))
                .contains("You cannot change your own role");
        assertThat(user(business, ownerEmail).get("role").asString()).isEqualTo("OWNER");

        // a second owner demoted by the first keeps no owner power in their open session
        String secondEmail = dashboard.addUser(business, "OWNER");
        MockHttpSession second = dashboard.session(secondEmail);
        api.perform(
                post("/team/" + userId(business, secondEmail) + "/role")
                        .session(owner)
                        .with(csrf())
                        .param("role", "STAFF"),
                302);
        api.perform(post("/team/" + ownerId + "/remove").session(second).with(csrf()), 403);
        api.perform(
                post("/team/" + ownerId + "/role").session(second).with(csrf()).param("role", "VIEWER"), 403);
        assertThat(user(business, ownerEmail).get("role").asString()).isEqualTo("OWNER");
    }

    @Test
    void aRemovedUserIsSignedOutAndCannotSignInAgain() {
        TestBusiness business = api.createBusiness("Team remove plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        String staffEmail = dashboard.addUser(business, "STAFF");
        MockHttpSession staff = dashboard.session(staffEmail);
        String staffId = userId(business, staffEmail);

        assertThat(body(api.perform(get("/team/" + staffId + "/remove").session(owner), 200)))
                .contains("Remove STAFF user?", staffEmail, "action=\"/team/" + staffId + "/remove\"");
        var removed =
                api.perform(post("/team/" + staffId + "/remove").session(owner).with(csrf()), 302);
        assertThat((String) removed.getFlashMap().get("done")).contains("was removed");
        assertThat(user(business, staffEmail)).isNull();
        assertThat(body(api.perform(get("/team").session(owner), 200)))
                .contains("STAFF user (" + staffEmail + ") was removed.")
                .doesNotContain("<td>" + staffEmail + "</td>");

        assertThat(api.perform(get("/appointments").session(staff), 302)
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
        assertThat(dashboard
                        .signIn(staffEmail, Dashboard.PASSWORD)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
        api.perform(post("/team/" + staffId + "/remove").session(owner).with(csrf()), 404);
    }

    @Test
    void sendingAnInvitationAgainEmailsANewLinkAndTheOldOneStopsWorking() {
        TestBusiness business = api.createBusiness("Team resend plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        invite(owner, "rita@team.example", "Rita Resent", "VIEWER", 302);
        String first = emailedLink(business, "rita@team.example");

        api.perform(
                post("/team/" + userId(business, "rita@team.example") + "/invitation")
                        .session(owner)
                        .with(csrf()),
                302);
        String second = emailedLink(business, "rita@team.example");
        assertThat(second).isNotEqualTo(first);
        api.perform(get(first), 404);
        assertThat(body(api.perform(get(second), 200))).contains("rita@team.example");

        // someone who already chose a password is not invited again
        String active = dashboard.addUser(business, "STAFF");
        assertThat(body(api.perform(
                        post("/team/" + userId(business, active) + "/invitation")
                                .session(owner)
                                .with(csrf()),
                        409)))
                .contains("has already chosen a password");
    }

    @Test
    void staffAndViewersReadTheTeamButCannotChangeIt() {
        TestBusiness business = api.createBusiness("Team read only plumbing");
        String ownerEmail = dashboard.addUser(business, "OWNER");
        for (String role : new String[] {"STAFF", "VIEWER"}) {
            MockHttpSession session = dashboard.signedIn(business, role);
            assertThat(body(api.perform(get("/team").session(session), 200)))
                    .contains(ownerEmail, "Only the business's owner invites")
                    .doesNotContain("Send invitation", "Change role");
            api.perform(
                    post("/team")
                            .session(session)
                            .with(csrf())
                            .param("email", "sneaky@team.example")
                            .param("name", "Sneaky")
                            .param("role", "OWNER"),
                    403);
            api.perform(
                    post("/team/" + userId(business, ownerEmail) + "/role")
                            .session(session)
                            .with(csrf())
                            .param("role", "VIEWER"),
                    403);
        }
        // the owner's own post without the form's CSRF token is refused too
        api.perform(
                post("/team")
                        .session(dashboard.session(ownerEmail))
                        .param("email", "sneaky@team.example")
                        .param("name", "Sneaky")
                        .param("role", "OWNER"),
                403);
        assertThat(user(business, "sneaky@team.example")).isNull();
        assertThat(user(business, ownerEmail).get("role").asString()).isEqualTo("OWNER");
    }

    @Test
    void anOwnerCannotReachAnotherBusinesssUsersByTheirId() {
        TestBusiness mine = api.createBusiness("Team isolation plumbing");
        TestBusiness theirs = api.createBusiness("Team isolation other plumbing");
        MockHttpSession owner = dashboard.signedIn(mine, "OWNER");
        String theirStaff = dashboard.addUser(theirs, "STAFF");
        String id = userId(theirs, theirStaff);

        api.perform(post("/team/" + id + "/role").session(owner).with(csrf()).param("role", "OWNER"), 404);
        api.perform(get("/team/" + id + "/remove").session(owner), 404);
        api.perform(post("/team/" + id + "/remove").session(owner).with(csrf()), 404);
        api.perform(post("/team/" + id + "/invitation").session(owner).with(csrf()), 404);
        api.perform(post("/team/not-a-uuid/remove").session(owner).with(csrf()), 404);
        assertThat(user(theirs, theirStaff).get("role").asString()).isEqualTo("STAFF");
        assertThat(body(api.perform(get("/team").session(owner), 200))).doesNotContain(theirStaff);
    }
}
