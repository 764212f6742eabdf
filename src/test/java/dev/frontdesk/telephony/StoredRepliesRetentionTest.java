package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The answer stored for each Twilio webhook (so a redelivery gets it) is kept for
 * {@code frontdesk.telephony.reply-retention} (48 hours by default), then the retention job deletes it.
 */
@ApiTest
@Import(StoredRepliesRetentionTest.Clocks.class)
@TestPropertySource(
        properties = {
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL,
            "frontdesk.telephony.reply-retention-interval=1s",
            "frontdesk.jobs.polling-interval=100ms"
        })
class StoredRepliesRetentionTest {

    static final Instant MONDAY = Instant.parse("2026-11-23T13:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void answersOlderThanTwoDaysAreDeletedAndRecentOnesStay() {
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        var business = api.createBusiness("Forgetful plumbing");
        String old = TwilioClient.sid("SM");
        String recent = TwilioClient.sid("SM");
        twilio.post("/twilio/sms", sms(old, "+16175550123", business.phoneNumber(), "HELP"), 200);
        clock.advance(Duration.ofHours(47));
        twilio.post("/twilio/sms", sms(recent, "+16175550124", business.phoneNumber(), "HELP"), 200);
        assertThat(stored()).contains("sms:" + old, "sms:" + recent);

        clock.advance(Duration.ofHours(2)); // the first answer is 49 hours old, the second 2 hours
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stored()).doesNotContain("sms:" + old));
        assertThat(stored()).contains("sms:" + recent);
    }

    private List<String> stored() {
        return jdbc.sql("SELECT request_key FROM twilio_webhook_reply")
                .query(String.class)
                .list();
    }
}
