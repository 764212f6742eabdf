package dev.frontdesk.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.frontdesk.dashboard.DashboardBrowserIT.assertNoSeriousAccessibilityViolations;
import static dev.frontdesk.dashboard.DashboardBrowserIT.nav;
import static dev.frontdesk.dashboard.DashboardBrowserIT.shoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Team page and the operator pages in a real browser (Debian's Chromium through Playwright): the owner
 * invites a staff member, who opens the link from the sandbox outbox, chooses a password and signs in; the
 * operator signs in with the admin key and suspends, then activates, a business. No console errors; axe-core
 * finds no serious or critical violation. Screenshots in {@code target/screenshots/}. Skipped without
 * Chromium outside CI; fails under CI.
 */
class DashboardTeamBrowserIT extends DashboardBrowserTest {

    static final LocatorAssertions.ContainsTextOptions WAIT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/password/[A-Za-z0-9_-]+");

    private void signIn(Page page, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Email").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    private void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.locator("main")).containsText("You have signed out", WAIT);
    }

    private String status(TestBusiness business) {
        return api.read(api.perform(api.asAdmin(get("/api/admin/businesses/" + business.id())), 200))
                .get("status")
                .asString();
    }

    @Test
    void anOwnerInvitesStaffWhoSignsInThenTheOperatorSuspendsAndActivatesTheBusiness() {
        TestBusiness business = api.createBusiness("Browser team plumbing");
        addOwner(business, "owner@team-browser.example", "Olga Owner");

        List<String> consoleErrors;
        try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1200, 900));
                Page page = context.newPage()) {
            consoleErrors = DashboardBrowser.consoleErrors(page);

            signIn(page, "owner@team-browser.example", "correct horse battery");
            assertThat(page.locator("h1")).containsText("Browser team plumbing", WAIT);
            nav(page, "Team");
            assertThat(page.locator("h1")).containsText("Team", WAIT);
            assertThat(page.locator("table")).containsText("Olga Owner");
            assertNoSeriousAccessibilityViolations(page, "Team");

            // a mistyped email is explained beside the field
            page.getByLabel("Email").fill("stan at example");
            page.getByLabel("Name").fill("Stan Staff");
            page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("STAFF");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation"))
                    .click();
            assertThat(page.locator("#invite-email-error")).containsText("Email is not an email address", WAIT);
            shoot(page, "dashboard-team-invite-error.png");
            assertNoSeriousAccessibilityViolations(page, "Team with an invitation error");

            page.getByLabel("Email").fill("stan@team-browser.example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation"))
                    .click();
            assertThat(page.locator("main")).containsText("Invitation emailed to stan@team-browser.example", WAIT);
            assertThat(page.locator("table")).containsText("Invited");
            shoot(page, "dashboard-team.png");
            assertNoSeriousAccessibilityViolations(page, "Team after an invitation");

            nav(page, "Outbox");
            assertThat(page.locator("main")).containsText("stan@team-browser.example", WAIT);
            var link = LINK.matcher(page.locator("main").textContent());
            assertThat(link.find()).as("the invitation link in the outbox").isTrue();
            signOut(page);

            page.navigate(link.group());
            assertThat(page.locator("main")).containsText("stan@team-browser.example", WAIT);
            page.getByLabel("New password").fill("stan's long passphrase");
            page.getByLabel("The same password again").fill("stan's long passphrase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the password"))
                    .click();
            assertThat(page.locator("main")).containsText("Your password is saved", WAIT);

            signIn(page, "stan@team-browser.example", "stan's long passphrase");
            assertThat(page.locator("h1")).containsText("Browser team plumbing", WAIT);
            assertThat(page.locator("header")).containsText("Stan Staff (STAFF)");
            nav(page, "Team");
            assertThat(page.locator("main")).containsText("Only the business's owner invites", WAIT);
            assertThat(page.locator("table")).containsText("Active");
            shoot(page, "dashboard-team-staff.png");
            signOut(page);

            // the operator: username "operator", the admin key as the password
            signIn(page, "operator", TestApi.ADMIN_KEY);
            assertThat(page.locator("h1")).containsText("Businesses", WAIT);
            assertThat(page.locator("#business-" + business.id())).containsText("Browser team plumbing");
            assertNoSeriousAccessibilityViolations(page, "Operator businesses");
            shoot(page, "operator-businesses.png");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Suspend Browser team plumbing"))
                    .click();
            assertThat(page.locator("h1")).containsText("Suspend Browser team plumbing?", WAIT);
            assertNoSeriousAccessibilityViolations(page, "Operator confirmation");
            shoot(page, "operator-suspend-confirm.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend Browser team plumbing"))
                    .click();
            assertThat(page.locator("main")).containsText("Browser team plumbing is suspended.", WAIT);
            assertThat(page.locator("#business-" + business.id())).containsText("Suspended");
            assertThat(status(business)).isEqualTo("SUSPENDED");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Activate Browser team plumbing"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate Browser team plumbing"))
                    .click();
            assertThat(page.locator("main")).containsText("Browser team plumbing is active again.", WAIT);
            assertThat(status(business)).isEqualTo("ACTIVE");

            // rotating the widget token: asked first, the new token shown once
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Rotate the widget token of Browser team plumbing"))
                    .click();
            assertThat(page.locator("h1")).containsText("Rotate the widget token of Browser team plumbing?", WAIT);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate the widget token"))
                    .click();
            assertThat(page.locator("main")).containsText("New widget token of Browser team plumbing", WAIT);
            assertThat(page.locator("#fresh-widget-token")).containsText("fdw_");
            assertNoSeriousAccessibilityViolations(page, "Operator businesses with a new widget token");
            shoot(page, "operator-widget-token.png");

            page.setViewportSize(390, 844);
            page.reload();
            assertThat(page.locator("h1")).containsText("Businesses", WAIT);
            assertThat(page.locator("#fresh-widget-token")).hasCount(0);
            DashboardBrowserIT.assertFitsThePhone(page, "/operator");
            // the stacked table's cells keep their column's name (its header row is hidden on a phone)
            assertThat(page.evaluate("getComputedStyle(document.querySelector('td.calls'), '::before').content"))
                    .isEqualTo("\"Calls: \"");
            shoot(page, "operator-businesses-phone.png");
            page.navigate(url("/operator/businesses/new"));
            DashboardBrowserIT.assertFitsThePhone(page, "/operator/businesses/new");
        }
        // the invitation with a mistyped email is answered 400 on purpose (nobody invited), which Chromium
        // reports once as a failed load; nothing else may fail
        assertThat(consoleErrors.stream()
                        .filter(e -> e.contains("status of 400") && e.contains("/team:"))
                        .count())
                .as("the deliberate 400 of the invitation form")
                .isEqualTo(1);
        consoleErrors.removeIf(e -> e.contains("status of 400") && e.contains("/team:"));
        assertThat(consoleErrors).as("console errors").isEmpty();
    }
}
