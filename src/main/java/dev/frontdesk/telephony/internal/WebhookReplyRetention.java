package dev.frontdesk.telephony.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long the answer stored for each Twilio webhook is kept ({@code frontdesk.telephony.reply-retention}, 48
 * hours by default): a recurring job, run once across nodes every {@code reply-retention-interval} (an hour),
 * deletes older rows of {@code twilio_webhook_reply}. Twilio redelivers a request within minutes, so an answer
 * that old serves nobody; without the job the table would grow by a row per call turn and per text for ever.
 */
@Configuration(proxyBeanMethods = false)
class WebhookReplyRetention {

    static final String TASK = "twilio-webhook-reply-retention";
    private static final int BATCH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(WebhookReplyRetention.class);

    @Bean
    RecurringTask<Void> twilioWebhookReplyRetentionTask(
            WebhookReplyRepository replies, TelephonyProperties properties, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.replyRetentionInterval()))
                .execute((instance, context) -> {
                    int deleted = replies.deleteOlderThan(clock.instant().minus(properties.replyRetention()), BATCH);
                    if (deleted > 0) {
                        log.info(
                                "Deleted {} stored Twilio webhook answers older than {}",
                                deleted,
                                properties.replyRetention());
                    }
                });
    }
}
