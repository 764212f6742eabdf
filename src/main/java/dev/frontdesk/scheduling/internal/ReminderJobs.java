package dev.frontdesk.scheduling.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentCancelled;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminder jobs: one durable db-scheduler job per appointment, due {@code defaultReminderHours} before
 * it starts; moved with the appointment, dropped when it is cancelled.
 */
@Configuration(proxyBeanMethods = false)
class ReminderJobs {

    static final String TASK = "appointment-reminder";

    @Bean
    OneTimeTask<Void> appointmentReminderTask(ReminderSender sender) {
        return Tasks.oneTime(TASK).execute((instance, context) -> sender.send(instance.getId()));
    }

    /** Plans, moves and drops reminder jobs as appointments change. */
    @Component
    static class ReminderPlanner {

        private final Scheduler scheduler;
        private final OneTimeTask<Void> task;
        private final Tenants tenants;
        private final Clock clock;

        ReminderPlanner(Scheduler scheduler, OneTimeTask<Void> appointmentReminderTask, Tenants tenants, Clock clock) {
            this.scheduler = scheduler;
            this.task = appointmentReminderTask;
            this.tenants = tenants;
            this.clock = clock;
        }

        @ApplicationModuleListener
        void on(AppointmentBooked event) {
            plan(event.appointment());
        }

        @ApplicationModuleListener
        void on(AppointmentRescheduled event) {
            plan(event.appointment());
        }

        @ApplicationModuleListener
        void on(AppointmentCancelled event) {
            drop(event.appointment());
        }

        private void plan(Appointment appointment) {
            var business = tenants.find(appointment.businessId());
            if (business.isEmpty() || appointment.customer().phone() == null) {
                return;
            }
            int hours = business.get().settings().scheduling().defaultReminderHours();
            Instant due = appointment.start().minus(Duration.ofHours(hours));
            if (!due.isAfter(clock.instant())) {
                // booked inside the reminder window: the confirmation is reminder enough
                drop(appointment);
                return;
            }
            scheduler.schedule(
                    task.instance(ReminderSender.instanceId(appointment.businessId(), appointment.id())),
                    due,
                    ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        }

        private void drop(Appointment appointment) {
            try {
                scheduler.cancel(
                        TaskInstanceId.of(TASK, ReminderSender.instanceId(appointment.businessId(), appointment.id())));
            } catch (TaskInstanceNotFoundException e) {
                // nothing planned
            }
        }
    }
}
