package dev.frontdesk.shared.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Durable background jobs with db-scheduler: every {@link Task} bean of any module is registered; the
 * jobs live in the {@code scheduled_tasks} table, so they survive restarts and run once across nodes.
 * The scheduler uses the service's clock (so FRONTDESK_FIXED_CLOCK applies) and starts once the
 * application is ready.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean(destroyMethod = "")
    Scheduler jobScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            Clock clock,
            @Value("${frontdesk.jobs.polling-interval:5s}") Duration pollingInterval) {
        // recurring tasks (e.g. sweeps for work a dead process left behind) are scheduled at start-up
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(task -> task instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        List<Task<?>> oneTime = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        return Scheduler.create(dataSource, oneTime)
                .startTasks(recurring)
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(4)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    JobsLifecycle jobsLifecycle(Scheduler scheduler, @Value("${frontdesk.jobs.enabled:true}") boolean enabled) {
        return new JobsLifecycle(scheduler, enabled);
    }

    /** Starts the scheduler when the application is ready and stops it before the database goes away. */
    static final class JobsLifecycle implements SmartLifecycle {
        private final Scheduler scheduler;
        private final boolean enabled;
        private volatile boolean running;

        JobsLifecycle(Scheduler scheduler, boolean enabled) {
            this.scheduler = scheduler;
            this.enabled = enabled;
        }

        @EventListener(ApplicationReadyEvent.class)
        void ready() {
            if (enabled && !running) {
                scheduler.start();
                running = true;
            }
        }

        @Override
        public void start() {
            // started on ApplicationReadyEvent, once migrations and listeners are in place
        }

        /**
         * A db-scheduler cannot start again once stopped, so the scheduler does not take part in a context
         * pause (Spring's test context cache pauses an inactive context): it stops only when the context closes.
         */
        @Override
        public boolean isPauseable() {
            return false;
        }

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isAutoStartup() {
            return true;
        }
    }
}
