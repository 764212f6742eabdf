package dev.frontdesk.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.frontdesk.dashboard.DashboardBrowser.consoleErrors;
import static dev.frontdesk.dashboard.DashboardBrowserIT.WAIT;
import static dev.frontdesk.dashboard.DashboardBrowserIT.assertNoSeriousAccessibilityViolations;
import static dev.frontdesk.dashboard.DashboardBrowserIT.nav;
import static dev.frontdesk.dashboard.DashboardBrowserIT.shoot;
import static dev.frontdesk.dashboard.DashboardBrowserIT.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The week calendar in a real browser (Debian's Chromium through Playwright): the owner switches the
 * Appointments page to the week, clicks a free half hour, books it from the form it fills and sees the block
 * appear; a taken time offers free times nearby; opens a block's details, moves it and cancels it; goes to
 * the next week and back (the URL follows, a reload keeps the week); on a phone the week is a list of days.
 * No console errors; axe-core finds no serious or critical violation. Screenshots in
 * {@code target/screenshots/}. Skipped without Chromium outside CI; fails under CI.
 */
class DashboardCalendarBrowserIT extends DashboardBrowserTest {

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void anOwnerBooksByClickingAFreeHalfHourOfTheWeekThenMovesAndCancelsFromTheBlock() {
        TestBusiness business = api.createBusiness("Browser week plumbing");
        addOwner(business, "owner@week.example", "Wendy Owner");
        List<String> errors;
        try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                Page page = context.newPage()) {
            errors = consoleErrors(page);
            signIn(page, url("/login"), "owner@week.example", "Browser week plumbing");

            nav(page, "Appointments");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Appointments view"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Week"))
                    .click();
            Locator week = page.locator("#appointment-week");
            assertThat(week.locator("h2")).containsText("Week of 23 Nov – 29 November 2026", WAIT);
            assertNoSeriousAccessibilityViolations(page, "the week calendar");

            // a free half hour fills the booking form with its date and time, the name to type next
            page.getByRole(AriaRole.LINK, named("Book Tue 24 Nov at 10:30")).click();
            assertThat(page.locator("#time")).hasValue("10:30");
            assertThat(page.locator("#date")).hasValue("2026-11-24");
            assertThat(page.locator("#name")).isFocused();
            page.locator("#name").fill("Dana Smith");
            page.locator("#phone").fill("617 555 0123");
            page.getByRole(AriaRole.BUTTON, named("Book")).click();
            Locator result = page.locator("#booking-result");
            assertThat(result).containsText("Booked Drain cleaning on Tue 24 Nov at 10:30 for Dana Smith", WAIT);
            Locator dana = week.locator(".wk-block", new Locator.LocatorOptions().setHasText("Dana Smith"));
            assertThat(dana).containsText("10:30–11:30", WAIT);
            assertThat(page.getByRole(AriaRole.LINK, named("Book Tue 24 Nov at 10:30")))
                    .hasCount(0);

            // the same time again from the form: taken, with free times nearby, one of which books with a click
            page.locator("#name").fill("Sam Jones");
            page.getByRole(AriaRole.BUTTON, named("Book")).click();
            assertThat(result).containsText("That time is already taken", WAIT);
            shoot(page, "dashboard-week-conflict.png");
            result.getByRole(AriaRole.BUTTON).first().click();
            assertThat(result).containsText("Booked Drain cleaning", WAIT);
            assertThat(result).containsText("for Sam Jones");
            assertThat(week.locator(".wk-block", new Locator.LocatorOptions().setHasText("Sam Jones")))
                    .hasCount(1);

            // Dana's block opens its details: move it to 15:00, then cancel it
            dana.click();
            Locator details = page.locator("#appointment-detail");
            assertThat(details.locator("h2")).containsText("Drain cleaning, Tue 24 Nov 10:30–11:30", WAIT);
            assertThat(details.locator("h2")).isFocused();
            details.getByLabel("New time").fill("15:00");
            details.getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName("Move").setExact(true))
                    .click();
            assertThat(details).containsText("Moved Drain cleaning for Dana Smith to Tue 24 Nov at 15:00", WAIT);
            assertThat(details.locator("h2")).containsText("Drain cleaning, Tue 24 Nov 15:00–16:00");
            assertThat(dana).containsText("15:00–16:00", WAIT);
            shoot(page, "dashboard-week.png");
            assertNoSeriousAccessibilityViolations(page, "the week with an appointment's details");

            details.getByText("Cancel this appointment").click();
            details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel it"))
                    .click();
            assertThat(details).containsText("Cancelled Drain cleaning on Tue 24 Nov at 15:00 for Dana Smith", WAIT);
            assertThat(dana).hasCount(0);

            // next week and back: the URL follows, and a reload keeps the week
            week.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next week"))
                    .click();
            assertThat(page.locator("#appointment-week h2")).containsText("Week of 30 Nov – 6 December 2026", WAIT);
            assertThat(page).hasURL(url("/appointments?week=2026-11-30"));
            page.reload();
            assertThat(page.locator("#appointment-week h2")).containsText("Week of 30 Nov – 6 December 2026", WAIT);
            page.locator("#appointment-week")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("This week"))
                    .click();
            assertThat(page.locator("#appointment-week h2")).containsText("Week of 23 Nov – 29 November 2026", WAIT);
            assertThat(page.locator("#appointment-week .wk-block")).containsText("Sam Jones");

            // on a phone the week is a list of days
            page.setViewportSize(390, 844);
            assertThat(page.locator(".wk-grid")).isHidden();
            Locator days = page.locator(".wk-days");
            assertThat(days).isVisible();
            assertThat(days).containsText("Sam Jones");
            assertThat(days).containsText("Closed");
            shoot(page, "dashboard-week-phone.png");
            assertNoSeriousAccessibilityViolations(page, "the week on a phone");
        }
        assertThat(errors).as("console errors").isEmpty();
    }
}
