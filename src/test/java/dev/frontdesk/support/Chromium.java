package dev.frontdesk.support;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The browser of the browser tests: Debian's Chromium (or {@code FRONTDESK_TEST_CHROMIUM}), driven by
 * Playwright, never a downloaded browser. Without one a browser test is skipped, except under
 * {@code CI=true} or when {@code FRONTDESK_TEST_CHROMIUM} names a missing file: then it fails.
 */
public final class Chromium {

    private Chromium() {}

    /** The Chromium to drive, or the test is skipped (or failed, under CI) when there is none. */
    public static Path executable() {
        String configured = System.getenv("FRONTDESK_TEST_CHROMIUM");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Path chromium = Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(chromium)) {
            if (ci || (configured != null && !configured.isBlank())) {
                fail("Chromium is required for the browser tests but " + chromium + " is not executable" + " (CI="
                        + System.getenv("CI") + ", FRONTDESK_TEST_CHROMIUM=" + configured + ")");
            }
            assumeTrue(false, "No Chromium at " + chromium + "; set FRONTDESK_TEST_CHROMIUM to run browser tests");
        }
        return chromium;
    }

    /** Playwright and the launched browser of one test class; closing it closes both. */
    public record Session(Playwright playwright, Browser browser) implements AutoCloseable {
        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
        }
    }

    /** Finds Chromium (see {@link #executable()}), starts Playwright and launches the browser. */
    public static Session open() {
        Path chromium = executable();
        Playwright playwright = playwright();
        try {
            return new Session(playwright, launch(playwright, chromium));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** Playwright without its browser download. */
    private static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless Chromium, launched the same way for every browser test. */
    private static Browser launch(Playwright playwright, Path chromium) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run")));
    }
}
