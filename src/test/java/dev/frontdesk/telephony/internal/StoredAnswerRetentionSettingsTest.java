package dev.frontdesk.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long stored Twilio answers are kept: two days unless set, never less than Twilio's redelivery window. */
class StoredAnswerRetentionSettingsTest {

    @Test
    void storedAnswersAreKeptTwoDaysAndTheJobRunsHourlyUnlessSet() {
        var defaults = new TelephonyProperties(null, null, null, null, null, null);
        assertThat(defaults.replyRetention()).isEqualTo(Duration.ofHours(48));
        assertThat(defaults.replyRetentionInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(new TelephonyProperties(null, null, null, null, Duration.ofHours(6), Duration.ofMinutes(10))
                        .replyRetention())
                .isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aRetentionShorterThanTwiliosRedeliveriesIsRefusedAtStart() {
        assertThatThrownBy(() -> new TelephonyProperties(null, null, null, null, Duration.ofSeconds(30), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FRONTDESK_TWILIO_REPLY_RETENTION");
    }
}
