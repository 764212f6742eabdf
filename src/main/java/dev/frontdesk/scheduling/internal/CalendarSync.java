package dev.frontdesk.scheduling.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentCancelled;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.calendar.CalendarAccessDenied;
import dev.frontdesk.scheduling.calendar.CalendarEvent;
import dev.frontdesk.scheduling.calendar.CalendarRequestRejected;
import dev.frontdesk.scheduling.calendar.CalendarUnavailable;
import dev.frontdesk.scheduling.calendar.ConferencingCalendar;
import dev.frontdesk.scheduling.calendar.ConferencingCalendar.ConferenceEvent;
import dev.frontdesk.scheduling.calendar.MeetingLinks;
import dev.frontdesk.shared.LogSafe;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a business's Google calendar and Zoom or Google Meet in step with its appointments. Every change
 * schedules one durable job per appointment that reconciles what the providers know with the appointment's
 * current state: create the meeting and the event, update the event after a move, delete both after a
 * cancellation. With Google Meet the event is the meeting. When a provider is down the job is retried, later and later, so no booking is ever
 * lost or blocked by a provider; refused credentials are recorded for the owner to fix.
 */
@Configuration(proxyBeanMethods = false)
class CalendarSync {

    static final String TASK = "calendar-sync";

    /** How often one round reads a pending Google Meet conference before leaving it to a later round. */
    static final int MEET_READS = 3;

    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);

    @Bean
    OneTimeTask<Void> calendarSyncTask(Reconciler reconciler, SchedulingProperties properties) {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        30, new FailureHandler.ExponentialBackoffFailureHandler<>(properties.syncRetryDelay(), 2.0)))
                .execute((instance, context) -> reconciler.reconcile(instance.getId()));
    }

    /** Schedules a reconciliation whenever an appointment changes, for businesses with providers. */
    @Component
    static class Trigger {
        private final Scheduler scheduler;
        private final OneTimeTask<Void> task;
        private final Integrations integrations;
        private final Clock clock;

        Trigger(Scheduler scheduler, OneTimeTask<Void> calendarSyncTask, Integrations integrations, Clock clock) {
            this.scheduler = scheduler;
            this.task = calendarSyncTask;
            this.integrations = integrations;
            this.clock = clock;
        }

        @ApplicationModuleListener
        void on(AppointmentBooked event) {
            schedule(event.appointment());
        }

        @ApplicationModuleListener
        void on(AppointmentRescheduled event) {
            schedule(event.appointment());
        }

        @ApplicationModuleListener
        void on(AppointmentCancelled event) {
            schedule(event.appointment());
        }

        private void schedule(Appointment appointment) {
            var settings = integrations.settings(appointment.businessId());
            if (!settings.hasCalendar() && !settings.hasMeetings()) {
                return;
            }
            scheduler.schedule(
                    task.instance(ReminderSender.instanceId(appointment.businessId(), appointment.id())),
                    clock.instant(),
                    ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        }
    }

    /** Brings the providers in line with one appointment. */
    @Component
    static class Reconciler {
        private final AppointmentRepository appointments;
        private final Integrations integrations;
        private final Tenants tenants;
        private final InviteMailer invites;
        private final JdbcClient jdbc;

        Reconciler(
                AppointmentRepository appointments,
                Integrations integrations,
                Tenants tenants,
                InviteMailer invites,
                JdbcClient jdbc) {
            this.appointments = appointments;
            this.integrations = integrations;
            this.tenants = tenants;
            this.invites = invites;
            this.jdbc = jdbc;
        }

        void reconcile(String instanceId) {
            String[] parts = instanceId.split("/", 2);
            Optional<BusinessId> businessId = BusinessId.parse(parts[0]);
            Optional<AppointmentId> appointmentId =
                    parts.length == 2 ? AppointmentId.parse(parts[1]) : Optional.empty();
            if (businessId.isEmpty() || appointmentId.isEmpty()) {
                return;
            }
            Optional<Appointment> found = appointments.find(businessId.get(), appointmentId.get());
            Optional<Business> business = tenants.find(businessId.get());
            if (found.isEmpty() || business.isEmpty() || !business.get().isActive()) {
                return; // a suspended business sends nothing out, to Google or Zoom either
            }
            try {
                reconcile(found.get(), business.get());
            } catch (CalendarAccessDenied | CalendarRequestRejected e) {
                log.warn(
                        "Calendar sync of appointment {} refused: {}", appointmentId.get(), LogSafe.of(e.getMessage()));
                integrations.recordError(businessId.get(), forTheOwner(e));
            }
        }

        /**
         * What the owner reads in {@code lastError}: which provider and what to do, in our words. Nothing a
         * remote host said (status, body, address) reaches a client.
         */
        static String forTheOwner(RuntimeException e) {
            String provider = e.getMessage() != null && e.getMessage().startsWith("Zoom") ? "Zoom" : "Google Calendar";
            return e instanceof CalendarAccessDenied
                    ? provider + " refused the stored credentials; connect it again"
                    : provider + " rejected a change for an appointment; check the connection and the calendar";
        }

        private void reconcile(Appointment appointment, Business business) {
            var state = state(appointment);
            Optional<MeetingLinks> meetings = integrations.meetings(business.id());
            Optional<ConferencingCalendar> calendar = integrations.calendar(business.id());
            if (calendar.isPresent() && integrations.settings(business.id()).hasGoogleMeet()) {
                meetOnTheEvent(appointment, business, calendar.get(), state);
                return;
            }
            if (appointment.status().holdsTime()) {
                if (meetings.isPresent() && state.meetingId() == null) {
                    var meeting = meetings.get()
                            .create(
                                    appointment.service() + " with " + business.name(),
                                    appointment.start(),
                                    Duration.between(appointment.start(), appointment.end()),
                                    business.timezone());
                    appointment = storeMeeting(appointment, business, meeting.id(), meeting.joinUrl());
                }
                if (calendar.isPresent()) {
                    CalendarEvent event = event(appointment, business);
                    if (state.eventId() == null) {
                        String eventId = calendar.get().createEvent(event);
                        markEvent(appointment, eventId, appointment.sequence());
                    } else if (state.syncedSequence() == null || state.syncedSequence() != appointment.sequence()) {
                        calendar.get().updateEvent(state.eventId(), event);
                        markEvent(appointment, state.eventId(), appointment.sequence());
                    }
                }
            } else {
                if (calendar.isPresent() && state.eventId() != null) {
                    calendar.get().deleteEvent(state.eventId());
                    markEvent(appointment, null, appointment.sequence());
                }
                if (meetings.isPresent() && state.meetingId() != null) {
                    meetings.get().delete(state.meetingId());
                    clearMeeting(appointment);
                }
            }
        }

        /**
         * Google Meet: the appointment's calendar event is its meeting (one event, its id stored as both the
         * event and the meeting). Google may still be creating the conference when it answers; the link is
         * then read back a few times, and if it is still pending the job fails as unavailable and is retried
         * later, like any provider outage. The confirmation goes out once the link is on the appointment; if
         * Google makes no conference, it goes out without a link and the owner is told.
         */
        private void meetOnTheEvent(
                Appointment appointment, Business business, ConferencingCalendar calendar, SyncState state) {
            if (!appointment.status().holdsTime()) {
                if (state.eventId() != null) {
                    calendar.deleteEvent(state.eventId());
                    markEvent(appointment, null, appointment.sequence());
                }
                if (state.meetingId() != null) {
                    clearMeeting(appointment);
                }
                return;
            }
            String eventId = state.eventId();
            ConferenceEvent conference = null;
            if (eventId == null) {
                conference = calendar.createEventWithConference(
                        event(appointment, business), appointment.id().value().toString());
                eventId = conference.eventId();
                markEvent(appointment, eventId, appointment.sequence());
                storeMeeting(appointment, eventId, null); // no link yet, not even one from another provider
                appointment = appointments.find(business.id(), appointment.id()).orElseThrow();
                state = new SyncState(eventId, appointment.sequence(), eventId);
            }
            if (state.meetingId() != null && appointment.meetingLink() == null) {
                if (conference == null || conference.pending()) {
                    conference = awaitConference(calendar, eventId);
                }
                if (conference.failed()) {
                    clearMeeting(appointment);
                    integrations.recordError(
                            business.id(),
                            "Google Meet did not create a meeting for an appointment; check that the Google"
                                    + " account may use Google Meet");
                    invites.sendConfirmation(appointment);
                } else {
                    appointment = storeMeeting(appointment, business, eventId, conference.joinUrl());
                }
            }
            if (state.syncedSequence() == null || state.syncedSequence() != appointment.sequence()) {
                calendar.updateEvent(eventId, event(appointment, business));
                markEvent(appointment, eventId, appointment.sequence());
            }
        }

        /** The event's conference, read again while Google reports it as pending. */
        private static ConferenceEvent awaitConference(ConferencingCalendar calendar, String eventId) {
            for (int attempt = 0; attempt < MEET_READS; attempt++) {
                var conference = calendar.conference(eventId);
                if (!conference.pending()) {
                    return conference;
                }
                if (attempt + 1 < MEET_READS) {
                    pause(Duration.ofSeconds(attempt + 1));
                }
            }
            throw new CalendarUnavailable("Google Meet is still creating the conference; trying again later", null);
        }

        private static void pause(Duration duration) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalendarUnavailable("interrupted while waiting for Google Meet", e);
            }
        }

        /** Stores the meeting and its link, then sends the confirmation that carries the link. */
        private Appointment storeMeeting(Appointment appointment, Business business, String meetingId, String link) {
            storeMeeting(appointment, meetingId, link);
            Appointment stored =
                    appointments.find(business.id(), appointment.id()).orElseThrow();
            invites.sendConfirmation(stored);
            return stored;
        }

        private void storeMeeting(Appointment appointment, String meetingId, String link) {
            jdbc.sql("UPDATE appointment SET meeting_id = :mid, meeting_link = :link WHERE id = :id")
                    .param("mid", meetingId)
                    .param("link", link, java.sql.Types.VARCHAR)
                    .param("id", appointment.id().value())
                    .update();
        }

        private void clearMeeting(Appointment appointment) {
            jdbc.sql("UPDATE appointment SET meeting_id = NULL WHERE id = :id")
                    .param("id", appointment.id().value())
                    .update();
        }

        private record SyncState(String eventId, Integer syncedSequence, String meetingId) {}

        private SyncState state(Appointment appointment) {
            return jdbc.sql("SELECT external_event_id, synced_sequence, meeting_id FROM appointment WHERE id = :id")
                    .param("id", appointment.id().value())
                    .query((rs, n) ->
                            new SyncState(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3)))
                    .single();
        }

        private void markEvent(Appointment appointment, String eventId, int sequence) {
            jdbc.sql("UPDATE appointment SET external_event_id = :event, synced_sequence = :seq WHERE id = :id")
                    .param("event", eventId, java.sql.Types.VARCHAR)
                    .param("seq", sequence)
                    .param("id", appointment.id().value())
                    .update();
        }

        private static CalendarEvent event(Appointment appointment, Business business) {
            String description = "Booked by Frontdesk for " + business.name() + "."
                    + (appointment.customer().phone() == null
                            ? ""
                            : " Phone: " + appointment.customer().phone() + ".")
                    + (appointment.notes() == null ? "" : " Notes: " + appointment.notes())
                    + (appointment.meetingLink() == null ? "" : " Join: " + appointment.meetingLink());
            return new CalendarEvent(
                    appointment.service() + " – " + appointment.customer().name(),
                    description,
                    appointment.start(),
                    appointment.end(),
                    business.timezone(),
                    appointment.customer().name(),
                    appointment.customer().email(),
                    appointment.meetingLink());
        }
    }
}
