package dev.frontdesk.dashboard;

import static dev.frontdesk.dashboard.DashboardConversationsTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Notifications page ({@code /settings/notifications}): the OWNER chooses SMS, email, both or none per
 * event and the daily summary's hour; STAFF and VIEWER see the choices read-only and may not post; each
 * business sees and changes only its own.
 */
@DashboardTest
class DashboardNotificationsTest {

    @Autowired
    TestApi api;

    @Autowired
    Dashboard dashboard;

    private static MockHttpServletRequestBuilder save(MockHttpSession session) {
        return save(session, "6");
    }

    private static MockHttpServletRequestBuilder save(MockHttpSession session, String hour) {
        return post("/settings/notifications")
                .session(session)
                .with(csrf())
                .param("newBooking", "EMAIL")
                .param("cancellation", "SMS_AND_EMAIL")
                .param("emergency", "SMS")
                .param("messageTaken", "NONE")
                .param("missedCall", "SMS")
                .param("dailySummary", "on")
                .param("dailySummaryHour", hour);
    }

    @Test
    void theOwnerChoosesHowTheyAreNotified() {
        TestBusiness business = api.createBusiness("Notified Plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");

        String page = body(api.perform(get("/settings/notifications").session(owner), 200));
        assertThat(page)
                .contains("<h1>Notifications</h1>")
                .contains("aria-current=\"page\">Notifications</a>")
                .contains("<label for=\"newBooking\">New booking</label>")
                .contains("<option value=\"SMS\" selected=\"selected\">SMS</option>")
                .contains("owner@example.com")
                .contains(">Save</button>");

        String saved = body(api.perform(save(owner).header("HX-Request", "true"), 200));
        assertThat(saved).contains("Saved.").doesNotContain("<h1>");
        var settings = api.getJson("/api/notification-settings", business, 200);
        assertThat(settings.get("newBooking").asString()).isEqualTo("EMAIL");
        assertThat(settings.get("cancellation").asString()).isEqualTo("SMS_AND_EMAIL");
        assertThat(settings.get("messageTaken").asString()).isEqualTo("NONE");
        assertThat(settings.get("missedCall").asString()).isEqualTo("SMS");
        assertThat(settings.get("dailySummary").asBoolean()).isTrue();
        assertThat(settings.get("dailySummaryHour").asInt()).isEqualTo(6);
    }

    @Test
    void aWrongHourIsExplainedAndNothingIsSaved() {
        TestBusiness business = api.createBusiness("Wrong Hour Plumbing");
        MockHttpSession owner = dashboard.signedIn(business, "OWNER");
        String page = body(api.perform(save(owner, "25"), 200));
        assertThat(page).contains("Nothing was saved").contains("choose an hour from 0 to 23");
        assertThat(api.getJson("/api/notification-settings", business, 200)
                        .get("newBooking")
                        .asString())
                .isEqualTo("NONE");
    }

    @Test
    void staffAndViewersSeeTheChoicesButCannotChangeThem() {
        TestBusiness business = api.createBusiness("Read Only Plumbing");
        for (String role : new String[] {"STAFF", "VIEWER"}) {
            MockHttpSession session = dashboard.signedIn(business, role);
            String page = body(api.perform(get("/settings/notifications").session(session), 200));
            assertThat(page)
                    .contains("Only the owner can change these")
                    .contains("<select id=\"newBooking\" name=\"newBooking\" disabled=\"disabled\">")
                    .doesNotContain(">Save</button>");
            api.perform(save(session), 403);
        }
        assertThat(api.getJson("/api/notification-settings", business, 200)
                        .get("newBooking")
                        .asString())
                .isEqualTo("NONE");
    }

    @Test
    void anOwnerSeesAndChangesOnlyTheirOwnBusinesssChoices() {
        TestBusiness a = api.createBusiness("Page Isolated A");
        TestBusiness b = api.createBusiness("Page Isolated B");
        api.perform(save(dashboard.signedIn(a, "OWNER")), 200);

        MockHttpSession ownerOfB = dashboard.signedIn(b, "OWNER");
        String page = body(api.perform(get("/settings/notifications").session(ownerOfB), 200));
        assertThat(page).contains("Page Isolated B").doesNotContain("Page Isolated A");
        assertThat(page).doesNotContain("<option value=\"EMAIL\" selected=\"selected\">");
        api.perform(
                post("/settings/notifications").session(ownerOfB).with(csrf()).param("newBooking", "NONE"), 200);
        assertThat(api.getJson("/api/notification-settings", a, 200)
                        .get("newBooking")
                        .asString())
                .isEqualTo("EMAIL");
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        api.perform(get("/settings/notifications"), 302);
    }
}
