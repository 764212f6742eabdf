package dev.frontdesk.campaigns.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.DbSchedulerException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dialer as db-scheduler jobs: one job per running campaign ({@code campaign-dialer}, instance = the
 * campaign's id), kept in {@code scheduled_tasks}, so it runs on one node at a time, any node, and a job
 * of a node that died is picked up by another (db-scheduler's dead-execution revival). Each run is one
 * {@link Dialer#tick} and reschedules itself for the next; it ends when the campaign stops running. A
 * sweep every minute gives every running campaign its job again if it has none (a resume that raced with
 * the job ending, a job lost by hand).
 */
@Configuration(proxyBeanMethods = false)
class DialerJobs {

    static final String TASK = "campaign-dialer";
    static final String SWEEP = "campaign-dialer-sweep";

    @Bean
    CustomTask<Void> campaignDialerTask(Dialer dialer) {
        // revived at the scheduler's clock (the service's): db-scheduler's own onDeadExecutionRevive() uses the
        // system clock, which a fixed or test clock does not follow
        return Tasks.custom(TASK, Void.class)
                .onDeadExecution((complete, operations) -> operations.reschedule(complete, complete.getTimeDone()))
                .execute((instance, context) -> {
                    Instant next = dialer.tick(UUID.fromString(instance.getId()));
                    if (next == null) {
                        return (complete, operations) -> operations.remove();
                    }
                    return (complete, operations) -> operations.reschedule(complete, next);
                });
    }

    @Bean
    RecurringTask<Void> campaignDialerSweepTask(CampaignRepository campaigns, CustomTask<Void> campaignDialerTask) {
        return Tasks.recurring(SWEEP, FixedDelay.ofMinutes(1)).execute((instance, context) -> {
            for (UUID campaign : campaigns.running()) {
                context.getSchedulerClient()
                        .schedule(
                                campaignDialerTask.instance(campaign.toString()),
                                context.getExecution().executionTime,
                                ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
            }
        });
    }

    @Bean
    CallPlacer callPlacer(CampaignsProperties properties, JdbcClient jdbc, Clock clock) {
        if ("twilio".equalsIgnoreCase(properties.dialer())) {
            return new TwilioCallPlacer(
                    properties.twilioAccountSid(), properties.twilioAuthToken(), properties.twilioApiBaseUrl());
        }
        return new SandboxCallPlacer(jdbc, clock);
    }

    /** Starts and stops a campaign's job. */
    @Component
    static class DialerPlanner {

        private final Scheduler scheduler;
        private final CustomTask<Void> task;
        private final Clock clock;

        DialerPlanner(Scheduler scheduler, CustomTask<Void> campaignDialerTask, Clock clock) {
            this.scheduler = scheduler;
            this.task = campaignDialerTask;
            this.clock = clock;
        }

        /** The campaign's dialer runs now (a job already planned is left as it is). */
        void run(UUID campaign) {
            scheduler.schedule(
                    task.instance(campaign.toString()), clock.instant(), ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        }

        /** The campaign's job is dropped (it would stop at its next run anyway). */
        void drop(UUID campaign) {
            try {
                scheduler.cancel(TaskInstanceId.of(TASK, campaign.toString()));
            } catch (DbSchedulerException e) {
                // not planned, or running right now: it sees the campaign is not running and ends
            }
        }
    }
}
