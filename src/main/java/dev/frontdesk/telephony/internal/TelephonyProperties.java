package dev.frontdesk.telephony.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Twilio webhooks.
 *
 * @param authToken the Twilio auth token ({@code TWILIO_AUTH_TOKEN}) that signs every webhook; empty
 *     switches the webhooks off (404)
 * @param publicBaseUrl the URL Twilio calls the service at ({@code FRONTDESK_PUBLIC_BASE_URL}, e.g.
 *     {@code https://frontdesk.example.com}); signatures are computed over it plus the path and query
 * @param turnConcurrency how many webhook turns run at once on this node ({@code FRONTDESK_TURN_CONCURRENCY});
 *     unset or 0: twice the available processors (see {@link TurnPermits})
 * @param turnQueueTimeout how long a webhook waits for a turn permit before the caller is put on hold
 *     ({@code FRONTDESK_TURN_QUEUE_TIMEOUT}); unset: {@link #DEFAULT_QUEUE_TIMEOUT}
 * @param replyRetention how long the answer stored for each Twilio webhook is kept for redeliveries
 *     ({@code FRONTDESK_TWILIO_REPLY_RETENTION}); unset: {@link #DEFAULT_REPLY_RETENTION}; at least
 *     {@link #MIN_REPLY_RETENTION}
 * @param replyRetentionInterval how often the job deleting older answers runs, once across nodes
 *     ({@code FRONTDESK_TWILIO_REPLY_RETENTION_INTERVAL}); unset: an hour
 */
@ConfigurationProperties("frontdesk.telephony")
record TelephonyProperties(
        String authToken,
        String publicBaseUrl,
        Integer turnConcurrency,
        Duration turnQueueTimeout,
        Duration replyRetention,
        Duration replyRetentionInterval) {

    /**
     * Short enough that a shed answer still arrives well within a second (the target of issue 13: no
     * request over 1 s), long enough to ride out a burst of a few turns.
     */
    static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofMillis(750);

    /** Twilio retries a webhook for minutes at most; two days leave room for a redelivery and an inquiry. */
    static final Duration DEFAULT_REPLY_RETENTION = Duration.ofHours(48);

    /** Shorter would delete an answer (or a claim) while Twilio may still redeliver its request. */
    static final Duration MIN_REPLY_RETENTION = Duration.ofMinutes(5);

    TelephonyProperties {
        authToken = authToken == null || authToken.isBlank() ? null : authToken.trim();
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? null
                : publicBaseUrl.trim().replaceAll("/+$", "");
        turnConcurrency = turnConcurrency == null || turnConcurrency <= 0
                ? 2 * Runtime.getRuntime().availableProcessors()
                : turnConcurrency;
        turnQueueTimeout =
                turnQueueTimeout == null || turnQueueTimeout.isNegative() ? DEFAULT_QUEUE_TIMEOUT : turnQueueTimeout;
        replyRetention = replyRetention == null ? DEFAULT_REPLY_RETENTION : replyRetention;
        if (replyRetention.compareTo(MIN_REPLY_RETENTION) < 0) {
            throw new IllegalArgumentException("frontdesk.telephony.reply-retention (FRONTDESK_TWILIO_REPLY_RETENTION)"
                    + " must be at least " + MIN_REPLY_RETENTION.toMinutes() + " minutes, was " + replyRetention);
        }
        replyRetentionInterval = replyRetentionInterval == null || !replyRetentionInterval.isPositive()
                ? Duration.ofHours(1)
                : replyRetentionInterval;
    }

    boolean signaturesChecked() {
        return authToken != null;
    }
}
