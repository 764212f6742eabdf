package dev.frontdesk.dashboard;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Steps the dashboard's browser tests share (with {@link DashboardBrowserIT}'s {@code nav}, {@code shoot} and
 * {@code assertNoSeriousAccessibilityViolations}): collecting the console's errors and signing in.
 */
final class DashboardBrowser {

    private DashboardBrowser() {}

    /** The page's console errors and uncaught exceptions from now on, as they happen. */
    static List<String> consoleErrors(Page page) {
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text() + " at " + m.location());
            }
        });
        page.onPageError(errors::add);
        return errors;
    }

    /** Signs in on the sign-in page with the tests' password. */
    static void signIn(Page page, int port, String email) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Dashboard.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }
}
