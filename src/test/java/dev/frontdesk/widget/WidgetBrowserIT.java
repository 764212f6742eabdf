package dev.frontdesk.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.support.Chromium;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The widget in a real browser (Debian's Chromium, driven by Playwright; never a downloaded browser):
 * the chat page greets, answers a question sent with Enter, and embed.js opens it from any page.
 * Skipped only when no Chromium is configured or installed outside CI; under {@code CI=true} a missing
 * browser fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestApi.class)
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class WidgetBrowserIT {

    static final LocatorAssertions.ContainsTextOptions WAIT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    static Chromium.Session chromium;

    @LocalServerPort
    int port;

    @Autowired
    TestApi api;

    @BeforeAll
    static void launch() {
        chromium = Chromium.open();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theChatPageGreetsAnswersAQuestionSentWithEnterAndClosesWhenTheChatEnds() {
        TestBusiness business = api.createBusiness("Browser plumbing");
        try (Page page = chromium.browser().newPage()) {
            page.navigate(url("/widget/chat?token=" + business.widgetToken()));
            Locator assistant = page.locator("#log .assistant");
            assertThat(assistant.first()).containsText("How can I help", WAIT);

            Locator input = page.getByLabel("Your message");
            input.fill("what are your opening hours");
            input.press("Enter");

            assertThat(page.locator("#log .visitor").first()).containsText("what are your opening hours", WAIT);
            assertThat(assistant).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(20_000));
            String reply = assistant.nth(1).textContent();
            System.out.println("BROWSER REPLY: " + reply);
            assertThat(assistant.nth(1)).containsText("Monday", WAIT);
            assertThat(page.locator("#log .notice")).hasCount(0);
            assertThat(input).isEnabled();

            input.fill("no that's all, thanks");
            input.press("Enter");
            assertThat(page.locator("#log .notice")).containsText("This conversation has ended", WAIT);
            assertThat(input).isDisabled();
            assertThat(page.locator("#send")).isDisabled();
        }
    }

    @Test
    void embedJsOnAnAllowedSiteAddsAButtonThatOpensTheChat() throws IOException {
        TestBusiness business = api.createBusiness("Embedded plumbing");
        // the business's own site: another origin (a second loopback server, so Chromium's local network
        // access checks treat both alike), with the one script tag
        String html = "<!doctype html><html><body><h1>A plumber's site</h1><script src=\"" + url("/widget/embed.js")
                + "\" data-token=\"" + business.widgetToken() + "\" async></script></body></html>";
        HttpServer siteServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        siteServer.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        siteServer.start();
        String site = "http://127.0.0.1:" + siteServer.getAddress().getPort();
        api.patchJson(
                "/api/settings",
                business,
                "{\"settings\": {\"messaging\": {\"widgetAllowedOrigins\": [\"" + site + "\"]}}}",
                200);
        try (Page page = chromium.browser().newPage()) {
            page.onConsoleMessage(m -> System.out.println("CONSOLE: " + m.text()));
            page.navigate(site + "/");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with us"))
                    .click();
            FrameLocator chat = page.frameLocator("iframe[title='Chat with us']");
            assertThat(chat.locator("#log .assistant").first()).containsText("How can I help", WAIT);
            Locator input = chat.getByLabel("Your message");
            input.fill("what are your opening hours");
            input.press("Enter");
            assertThat(chat.locator("#log .assistant").nth(1)).containsText("Monday", WAIT);
        } finally {
            siteServer.stop(0);
        }
    }
}
