package dev.frontdesk.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.frontdesk.dashboard.DashboardBrowserIT.assertNoSeriousAccessibilityViolations;
import static dev.frontdesk.dashboard.DashboardBrowserIT.nav;
import static dev.frontdesk.dashboard.DashboardBrowserIT.shoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The Settings and API keys pages in a real browser (Debian's Chromium through Playwright): the owner gets
 * an opening-hours error in place, then saves hours that the API and the assistant then use; rotates the API
 * key and sees it once. No console errors; axe-core finds no serious or critical violation. Screenshots in
 * {@code target/screenshots/}. Skipped without Chromium outside CI; fails under CI.
 */
class DashboardSettingsBrowserIT extends DashboardBrowserTest {

    static final LocatorAssertions.ContainsTextOptions WAIT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    /** What the assistant answers a caller asking for the opening hours (the simulator, as Try it does). */
    String openingHoursAnswer(TestBusiness business) {
        String session = api.read(api.perform(
                        api.as(business, post("/api/simulator/turns"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"channel\": \"SMS\", \"callerPhone\": \"+16175550123\"}"),
                        200))
                .get("session")
                .asString();
        return api.read(api.perform(
                        api.as(business, post("/api/simulator/turns"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"session\": \"" + session
                                        + "\", \"text\": \"what are your opening hours\"}"),
                        200))
                .get("reply")
                .asString();
    }

    @Test
    void anOwnerEditsTheOpeningHoursThenRotatesTheApiKeyWhichIsShownOnce() {
        TestBusiness business = api.createBusiness("Browser settings plumbing");
        addOwner(business, "owner@settings.example", "Sally Owner");
        assertThat(openingHoursAnswer(business)).doesNotContain("Sunday");

        List<String> consoleErrors;
        String newKey;
        try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1200, 900));
                Page page = context.newPage()) {
            consoleErrors = DashboardBrowser.consoleErrors(page);
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("Email").fill("owner@settings.example");
            page.getByLabel("Password").fill("correct horse battery");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            assertThat(page.locator("h1")).containsText("Browser settings plumbing", WAIT);

            nav(page, "Settings");
            assertThat(page.locator("h1")).containsText("Settings", WAIT);
            assertThat(page.getByLabel("Monday")).hasValue("08:00-12:00, 13:00-17:00");
            assertNoSeriousAccessibilityViolations(page, "Settings");

            // Sunday closing before it opens: explained beside Sunday, nothing saved
            page.getByLabel("Sunday").fill("14:00-10:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save opening hours"))
                    .click();
            assertThat(page.locator("#hours")).containsText("Sunday: must be HH:mm-HH:mm", WAIT);
            assertThat(page.locator("#hours")).containsText("Nothing was saved");
            shoot(page, "dashboard-settings-hours-error.png");
            assertNoSeriousAccessibilityViolations(page, "Settings with an hours error");

            page.getByLabel("Sunday").fill("10:00-14:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save opening hours"))
                    .click();
            assertThat(page.locator("#hours")).containsText("Saved.", WAIT);
            shoot(page, "dashboard-settings.png");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys and widget"))
                    .click();
            assertThat(page.locator("h1")).containsText("API keys and widget", WAIT);
            assertThat(page.locator("#snippet")).containsText("/widget/embed.js", WAIT);
            assertNoSeriousAccessibilityViolations(page, "API keys and widget");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate the API key"))
                    .click();
            assertThat(page.locator("#fresh-value")).containsText("fdk_", WAIT);
            assertThat(page.locator("main")).containsText("it is shown only this once");
            newKey = page.locator("#fresh-value").textContent().strip();
            shoot(page, "dashboard-keys-rotated.png");
            assertNoSeriousAccessibilityViolations(page, "API keys with a new key");

            page.reload(); // a plain GET after the redirect: neither shows the key again nor rotates again
            assertThat(page.locator("h1")).containsText("API keys and widget", WAIT);
            assertThat(page.locator("#fresh-value")).hasCount(0);
            assertThat(page.locator("main")).not().containsText(newKey);
            assertThat(page.locator("main")).containsText(newKey.substring(0, 13));

            page.setViewportSize(390, 844);
            nav(page, "Settings");
            assertThat(page.locator("h1")).containsText("Settings", WAIT);
            shoot(page, "dashboard-settings-phone.png");
        }
        assertThat(consoleErrors).as("console errors").isEmpty();

        // the API and the assistant have the new hours; the old key no longer opens the API
        api.perform(get("/api/settings").header("X-API-Key", business.apiKey()), 401);
        TestBusiness rotated = new TestBusiness(business.id(), newKey, business.widgetToken(), business.phoneNumber());
        JsonNode hours = api.getJson("/api/settings", rotated, 200).get("hours");
        assertThat(hours.get("SUNDAY").toString()).isEqualTo("[\"10:00-14:00\"]");
        assertThat(openingHoursAnswer(rotated)).contains("Sunday");
    }
}
