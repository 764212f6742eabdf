package dev.frontdesk.dashboard;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** Drives the dashboard like a person in a browser: users are added through the API, then sign in. */
@TestComponent
public class Dashboard {

    /** Monday 23 November 2026, 08:00 in New York. */
    public static final Instant MONDAY_8AM = Instant.parse("2026-11-23T13:00:00Z");

    public static final String PASSWORD = "correct horse battery";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock dashboardClock() {
            return new MutableClock(MONDAY_8AM);
        }
    }

    private final TestApi api;
    private final MutableClock clock;

    public Dashboard(TestApi api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    public MutableClock clock() {
        return clock;
    }

    public void resetClock() {
        clock.set(MONDAY_8AM);
    }

    /** A dashboard user of the business, added with its API key; returns the email. */
    public String addUser(TestBusiness business, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        api.perform(
                api.as(business, post("/api/users"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"name\": \"%s user\", \"role\": \"%s\", \"password\": \"%s\"}"
                                .formatted(email, role, role, PASSWORD)),
                201);
        return email;
    }

    /** Posts the sign-in form as a browser does (CSRF token included). */
    public MvcResult signIn(String email, String password) {
        return api.perform(
                post("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf()),
                302);
    }

    /** Signs in and returns the session the browser would keep. */
    public MockHttpSession session(String email) {
        MvcResult result = signIn(email, PASSWORD);
        if (!"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError(
                    "Sign-in failed: redirected to " + result.getResponse().getRedirectedUrl());
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** A user of a new business with this role, signed in. */
    public MockHttpSession signedIn(TestBusiness business, String role) {
        return session(addUser(business, role));
    }
}
