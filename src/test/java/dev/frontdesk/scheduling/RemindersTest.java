package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SMS reminders through durable db-scheduler jobs: planned 24 hours ahead, moved with the appointment,
 * dropped with it, sent once, and not to customers who opted out. The clock starts on Monday
 * 2026-11-23 08:00 in New York and is moved forward to make jobs come due.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.polling-interval=100ms")
class RemindersTest {

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

    @Autowired
    Clock serviceClock;

    private String book(TestBusiness business, String start, String phone) {
        return api.read(api.perform(
                        api.as(business, post("/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(AppointmentsApiTest.bookingJson("Drain cleaning", start, phone)),
                        201))
                .get("id")
                .asString();
    }

    private Optional<Instant> reminderDue(TestBusiness business, String appointmentId) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'appointment-reminder'"
                        + " AND task_instance = :instance")
                .param("instance", business.id() + "/" + appointmentId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    private List<JsonNode> smsInOutbox(TestBusiness business) {
        // the reminders only: the booking's confirmation texts are the notifications' tests' business
        return api.getJson("/api/outbox?channel=SMS", business, 200)
                .get("items")
                .valueStream()
                .filter(m -> m.get("purpose").asString().equals("REMINDER"))
                .toList();
    }

    @Test
    void aReminderIsSentOnceADayBeforeAndMovesWithTheAppointment() {
        clock.set(MONDAY_8AM);
        assertThat(serviceClock).isSameAs(clock);
        var business = api.createBusiness("Reminding");
        String id = book(business, "2026-11-24T10:00", "+16175550123");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> reminderDue(business, id),
                        d -> d.equals(Optional.of(Instant.parse("2026-11-23T15:00:00Z"))));

        api.perform(
                api.as(business, post("/api/appointments/" + id + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"2026-11-24T14:00\"}"),
                200);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> reminderDue(business, id),
                        d -> d.equals(Optional.of(Instant.parse("2026-11-23T19:00:00Z"))));

        clock.set(Instant.parse("2026-11-23T16:00:00Z"));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> smsInOutbox(business).isEmpty());

        clock.set(Instant.parse("2026-11-23T19:00:05Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> smsInOutbox(business).size() == 1);
        JsonNode sms = smsInOutbox(business).getFirst();
        assertThat(sms.get("to").asString()).isEqualTo("+16175550123");
        assertThat(sms.get("purpose").asString()).isEqualTo("REMINDER");
        assertThat(sms.get("body").asString())
                .isEqualTo("Reminder: your Drain cleaning appointment with Reminding is Tue Nov 24 at 2:00 PM."
                        + " Reply to this message if you need to change it.");
        // the job's row goes once the job has finished, a moment after the text is in the outbox
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reminderDue(business, id).isEmpty());

        clock.set(Instant.parse("2026-11-23T20:00:00Z"));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> smsInOutbox(business).size() == 1);
    }

    @Test
    void aCancelledAppointmentGetsNoReminder() {
        clock.set(MONDAY_8AM);
        var business = api.createBusiness("Cancelling");
        String id = book(business, "2026-11-24T11:00", "+16175550124");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reminderDue(business, id).isPresent());

        api.perform(api.as(business, post("/api/appointments/" + id + "/cancel")), 200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reminderDue(business, id).isEmpty());
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> smsInOutbox(business).isEmpty());
    }

    @Test
    void customersWhoOptedOutGetNoReminder() {
        clock.set(MONDAY_8AM);
        var business = api.createBusiness("Quiet");
        jdbc.sql("INSERT INTO sms_opt_out (business_id, phone_number, opted_out_at) VALUES (CAST(:b AS UUID), :p, :at)")
                .param("b", business.id())
                .param("p", "+16175550125")
                .param("at", OffsetDateTime.parse("2026-11-01T00:00:00Z"))
                .update();
        String id = book(business, "2026-11-24T12:00", "+16175550125");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reminderDue(business, id).isPresent());

        clock.set(Instant.parse("2026-11-23T17:30:00Z"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reminderDue(business, id).isEmpty());
        assertThat(smsInOutbox(business)).isEmpty();
    }

    @Test
    void anAppointmentBookedInsideTheReminderWindowGetsNoJob() {
        clock.set(MONDAY_8AM);
        var business = api.createBusiness("Last minute");
        String id = book(business, "2026-11-23T14:00", "+16175550126");
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> reminderDue(business, id).isEmpty());
    }
}
