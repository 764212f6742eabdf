package dev.frontdesk.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The owner's daily summary email goes once a day, at the hour the owner chose in the business's
 * timezone (New York), over SMTP (GreenMail here); the clock is set by the test. Background jobs are off
 * so that only the test's runs of the job send.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.messaging.email=smtp",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025",
            "frontdesk.jobs.enabled=false"
        })
class DailySummaryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    /** Monday 23 November 2026, 06:55 in New York. */
    static final Instant MONDAY_0655 = Instant.parse("2026-11-23T11:55:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock summaryClock() {
            return new MutableClock(MONDAY_0655);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    MutableClock clock;

    @Autowired
    DailySummaries summaries;

    private List<MimeMessage> summariesTo(String business) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith(business + ": daily summary");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void theSummaryGoesOnceAtTheChosenHourInTheBusinesssTimezone() throws Exception {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        TestBusiness business = api.createBusiness("Summary Plumbing");
        // booked on Friday, for Monday 10:00 (New York)
        api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Drain cleaning", "start": "2026-11-23T10:00",
                                 "customer": {"name": "Dana Smith", "phone": "+16175550401"}}"""),
                201);
        api.perform(
                api.as(business, put("/api/notification-settings"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dailySummary\": true, \"dailySummaryHour\": 7}"),
                200);

        clock.set(MONDAY_0655);
        summaries.sendDue();
        assertThat(summariesTo("Summary Plumbing")).isEmpty();

        clock.set(Instant.parse("2026-11-23T12:00:30Z")); // 07:00:30 in New York
        summaries.sendDue();
        clock.set(Instant.parse("2026-11-23T12:30:00Z"));
        summaries.sendDue();
        List<MimeMessage> sent = summariesTo("Summary Plumbing");
        assertThat(sent).hasSize(1);
        MimeMessage summary = sent.getFirst();
        assertThat(summary.getSubject()).isEqualTo("Summary Plumbing: daily summary for Monday, November 23");
        assertThat(summary.getAllRecipients()[0].toString()).contains("owner@example.com");
        String body = GreenMailUtil.getBody(summary);
        assertThat(body)
                .contains("Yesterday, Sunday, November 22:")
                .contains("Calls: 0 (0 missed)")
                .contains("Appointments on Monday, November 23: 1")
                .contains("- 10:00 AM Drain cleaning, Dana Smith");

        // the next day at 07:00 the next one goes
        clock.set(Instant.parse("2026-11-24T12:05:00Z"));
        summaries.sendDue();
        assertThat(summariesTo("Summary Plumbing")).hasSize(2);
    }

    @Test
    void anEveningSummaryCoversTodayAndListsTomorrow() throws Exception {
        clock.set(Instant.parse("2026-11-23T14:00:00Z")); // Monday 09:00 in New York
        TestBusiness business = api.createBusiness("Evening Plumbing");
        api.perform(
                api.as(business, post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Leak repair", "start": "2026-11-24T15:00",
                                 "customer": {"name": "Lee Jones", "phone": "+16175550402"}}"""),
                201);
        api.perform(
                api.as(business, put("/api/notification-settings"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dailySummary\": true, \"dailySummaryHour\": 18}"),
                200);

        clock.set(Instant.parse("2026-11-23T22:59:00Z")); // 17:59
        summaries.sendDue();
        assertThat(summariesTo("Evening Plumbing")).isEmpty();
        clock.set(Instant.parse("2026-11-23T23:10:00Z")); // 18:10
        summaries.sendDue();

        List<MimeMessage> sent = summariesTo("Evening Plumbing");
        assertThat(sent).hasSize(1);
        assertThat(GreenMailUtil.getBody(sent.getFirst()))
                .contains("Since midnight, Monday, November 23:")
                .contains("Bookings made: 1")
                .contains("Appointments on Tuesday, November 24: 1")
                .contains("- 3:00 PM Leak repair, Lee Jones");
    }
}
