package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A suspended business is fully quiet: its reminders do not go out and its calendar feed answers 404,
 * until the operator activates it again.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.polling-interval=100ms")
class SuspendedBusinessIsQuietTest {

    static final Instant MONDAY_8AM = Instant.parse("2026-11-23T13:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_8AM);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private long outboxOf(TestApi.TestBusiness business, String channel) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE business_id = CAST(:b AS UUID) AND channel = :c")
                .param("b", business.id())
                .param("c", channel)
                .query(Long.class)
                .single();
    }

    @Test
    void aSuspendedBusinessSendsNoRemindersAndServesNoCalendarFeed() {
        clock.set(MONDAY_8AM);
        var business = api.createBusiness("Suspended plumbing");
        String appointment = api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(AppointmentsApiTest.bookingJson(
                                        "Drain cleaning", "2026-11-24T15:00:00Z", "+16175550123")),
                        201))
                .get("id")
                .asString();
        String feed = URI.create(api.read(api.perform(api.as(business, post("/api/calendar-feed")), 200))
                        .get("url")
                        .asString())
                .getPath();
        api.perform(get(feed), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf(business, "EMAIL") == 1);

        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/suspend")), 200);

        // the reminder comes due 24 hours before the appointment
        clock.set(Instant.parse("2026-11-23T15:01:00Z"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'appointment-reminder'"
                                        + " AND task_instance = :instance")
                                .param("instance", business.id() + "/" + appointment)
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE business_id = CAST(:b AS UUID)"
                                + " AND channel = 'SMS' AND purpose = 'REMINDER'")
                        .param("b", business.id())
                        .query(Long.class)
                        .single())
                .as("no reminder while suspended")
                .isZero();
        api.perform(get(feed), 404);

        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/activate")), 200);
        api.perform(get(feed), 200);
    }
}
