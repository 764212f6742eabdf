package dev.frontdesk.dashboard;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.Chromium;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * What every dashboard browser test shares: the whole application on a random port with the corpus clock,
 * Debian's Chromium through Playwright for the class, and the test API. Each class gets its own application
 * context, closed afterwards: a cached context that the test framework paused and resumed for another class
 * does not start its db-scheduler again (the campaign dialer never ran).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestApi.class)
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
@DirtiesContext
abstract class DashboardBrowserTest {

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

    /** Adds an owner login with the tests' password to the business, through the users API. */
    void addOwner(TestApi.TestBusiness business, String email, String name) {
        api.perform(
                api.as(business, post("/api/users"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s", "name": "%s", "role": "OWNER", "password": "%s"}""".formatted(email, name, Dashboard.PASSWORD)),
                201);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
