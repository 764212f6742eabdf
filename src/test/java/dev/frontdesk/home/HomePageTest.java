package dev.frontdesk.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/** A browser opening the service's address gets a page that says what it is and where to go next. */
@ApiTest
class HomePageTest {

    @Autowired
    TestApi api;

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHomePageLinksTheApiReferenceHealthAndTheChatAndExplainsSandboxCalls() {
        MockHttpServletResponse home = api.perform(get("/"), 200).getResponse();
        assertThat(home.getContentType()).startsWith("text/html");
        assertThat(home.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        String page = body(home);
        assertThat(page)
                .contains("<h1>Frontdesk</h1>", "AI receptionist")
                .contains("<form method=\"get\" action=\"/widget/chat\">", "name=\"token\"")
                .contains("Place a sandbox call", "/api/sandbox/calls", "X-API-Key")
                .contains("http://localhost/api/sandbox/calls");

        // every link on the page leads somewhere
        Matcher links = Pattern.compile("href=\"(/[^\"]*)\"").matcher(page);
        List<String> hrefs = links.results().map(m -> m.group(1)).toList();
        assertThat(hrefs).contains("/docs", "/actuator/health", "/actuator/health/readiness", "/v3/api-docs");
        for (String href : hrefs) {
            assertThat(api.perform(get(href), href.equals("/docs") ? 302 : 200)
                            .getResponse()
                            .getStatus())
                    .as(href)
                    .isLessThan(400);
        }

        // the chat form opens the business's chat page
        var business = api.createBusiness("Home page plumbing");
        assertThat(body(api.perform(get("/widget/chat").param("token", business.widgetToken()), 200)
                        .getResponse()))
                .contains("Home page plumbing");
    }
}
