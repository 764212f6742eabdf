package dev.frontdesk.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.frontdesk.support.Chromium;
import dev.frontdesk.support.ScriptedModel;
import dev.frontdesk.support.ScriptedModel.Answer;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The chat page in a real browser (Debian's Chromium, driven by Playwright) shows an answer the assistant wrote
 * after the message's request stopped waiting, without the visitor sending anything more: the holding line, then
 * the answer the page asked for. The model ({@link ScriptedModel}) takes 3 s, over the 1 s text budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestApi.class)
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.assistant.text-turn-budget=1s",
            "frontdesk.assistant.llm.timeout=10s",
            "frontdesk.breakers.minimum-calls=1000"
        })
class WidgetLaterAnswerBrowserIT {

    static final ScriptedModel model = ScriptedModel.start(request -> ScriptedModel.asksForASummary(request)
            ? Answer.now(ScriptedModel.text("The visitor was answered."))
            : Answer.after(
                    Duration.ofSeconds(3),
                    ScriptedModel.text(
                            "You wrote: " + ScriptedModel.userWords(request).getLast() + ".")));

    static Chromium.Session chromium;

    @LocalServerPort
    int port;

    @Autowired
    TestApi api;

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        model.register(registry);
    }

    @BeforeAll
    static void launch() {
        chromium = Chromium.open();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
        model.stop();
    }

    @Test
    void theChatPageShowsAnAnswerWrittenAfterTheHoldingLineWithoutAnotherMessage() {
        TestBusiness business = api.createBusiness("Browser later plumbing");
        try (Page page = chromium.browser().newPage()) {
            page.navigate("http://localhost:" + port + "/widget/chat?token=" + business.widgetToken());
            Locator assistant = page.locator("#log .assistant");
            assertThat(assistant.first()).not().isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(20_000));
            int before = assistant.count();

            Locator input = page.getByLabel("Your message");
            input.fill("slow");
            input.press("Enter");

            assertThat(assistant.last()).containsText("You wrote: slow.", patiently());
            assertThat(page.locator("#log .visitor")).hasCount(1);
            assertThat(assistant).hasCount(before + 2);
            assertThat(assistant.nth(before)).not().containsText("You wrote");
            assertThat(page.locator("#log .notice")).hasCount(0);
        }
    }

    private static LocatorAssertions.ContainsTextOptions patiently() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
    }
}
