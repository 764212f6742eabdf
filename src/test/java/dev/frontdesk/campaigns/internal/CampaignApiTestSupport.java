package dev.frontdesk.campaigns.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the campaigns' API tests share: a clock set to Monday 10:00 in New York before each test (the tests
 * move it), the test API, the dialer (its rounds are run by the tests: the classes turn the jobs off), and
 * requests that create leads and campaigns. Subclasses are {@code @ApiTest}s.
 */
@Import(CampaignApiTestSupport.Clocks.class)
abstract class CampaignApiTestSupport {

    static final Instant MONDAY_10AM_NEW_YORK = Instant.parse("2026-11-23T15:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_10AM_NEW_YORK);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    MutableClock clock;

    @Autowired
    Dialer dialer;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void monday() {
        clock.set(MONDAY_10AM_NEW_YORK);
    }

    /** A JSON POST as the business, answered with {@code status}; the answer's body. */
    JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    /** A new lead of the business; its id. */
    String lead(TestBusiness business, String name, String phone) {
        return send(business, "/api/customers", """
                        {"name": "%s", "phone": "%s", "lead": true}""".formatted(name, phone), 201)
                .get("id")
                .asString();
    }

    /** A DRAFT campaign "Checks" of these leads that hangs up on machines; its id. */
    String campaign(TestBusiness business, String... leadIds) {
        return campaignWith(business, "HANG_UP", leadIds);
    }

    /**
     * A DRAFT campaign "Checks" of these leads, 09:00-18:00, two calls at once, one retry after 60 minutes, with
     * this voicemail policy; its id.
     */
    String campaignWith(TestBusiness business, String voicemail, String... leadIds) {
        String ids = Arrays.stream(leadIds).map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
        return send(business, "/api/campaigns", """
                        {"name": "Checks", "purpose": "your annual boiler check", "leadIds": [%s],
                         "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 2,
                         "retry": {"attempts": 1, "backoffMinutes": 60}, "voicemail": "%s"}""".formatted(ids, voicemail), 201)
                .get("id")
                .asString();
    }
}
