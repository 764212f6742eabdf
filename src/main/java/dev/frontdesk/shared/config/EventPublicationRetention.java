package dev.frontdesk.shared.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * How long Spring Modulith's event publication registry keeps a publication once every listener has handled it
 * ({@code frontdesk.events.completed-retention}, 7 days by default): a recurring job, run once across nodes every
 * {@code frontdesk.events.retention-interval} (an hour), deletes older completed publications through Modulith's
 * own {@link CompletedEventPublications#deletePublicationsOlderThan}. Incomplete publications are never deleted
 * here: they wait to be delivered. Without it the registry would keep every event between modules (numbers,
 * names, bookings) for ever.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationRetention {

    static final String TASK = "event-publication-retention";

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetention.class);

    @Bean
    RecurringTask<Void> eventPublicationRetentionTask(
            CompletedEventPublications completed,
            @Value("${frontdesk.events.completed-retention:7d}") Duration retention,
            @Value("${frontdesk.events.retention-interval:1h}") Duration interval) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("frontdesk.events.completed-retention must not be negative");
        }
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> {
            completed.deletePublicationsOlderThan(retention);
            log.debug("Completed event publications older than {} deleted", retention);
        });
    }
}
