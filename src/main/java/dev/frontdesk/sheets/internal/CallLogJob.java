package dev.frontdesk.sheets.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.frontdesk.campaigns.Campaigns;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The durable append job (db-scheduler, one instance per finished call, on any node): builds the call's row
 * from what is known when it runs (so a summary written after the hang-up is in it) and appends it. A failed
 * attempt is retried (first reading the sheet's call-id column: an append Google took whose answer was lost is
 * not appended again) after the retry delay, doubling each time, until the attempts run out (then the row is
 * FAILED and the connection shows the error). A business that disconnected meanwhile gets nothing.
 */
@Configuration(proxyBeanMethods = false)
class CallLogJob {

    static final String TASK = "sheets-call-log";
    private static final Logger log = LoggerFactory.getLogger(CallLogJob.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The columns, in order, as the header row of a call log sheet would name them. */
    static final List<String> COLUMNS = List.of(
            "Time", "Direction", "Number", "Customer", "Duration (s)", "Outcome", "Summary", "Campaign", "Call ID");

    @Bean
    OneTimeTask<Void> sheetsCallLogTask(ObjectProvider<Appender> appender, SheetsProperties properties) {
        // the appender is looked up when a row runs: it reads the campaigns, whose dialer needs the scheduler
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        properties.maxAttempts(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryDelay(), 2.0)))
                .execute((instance, context) -> appender.getObject().append(UUID.fromString(instance.getId())));
    }

    /**
     * Every ten minutes, rows still PENDING after five minutes get their job back if it is missing (the
     * process that recorded the row died before it scheduled the job); a row with a job keeps it.
     */
    @Bean
    RecurringTask<Void> sheetsCallLogSweepTask(CallRows rows, OneTimeTask<Void> sheetsCallLogTask, Clock clock) {
        return Tasks.recurring(TASK + "-sweep", FixedDelay.ofMinutes(10)).execute((instance, context) -> {
            for (UUID row : rows.pendingBefore(clock.instant().minus(java.time.Duration.ofMinutes(5)), 500)) {
                context.getSchedulerClient()
                        .scheduleIfNotExists(sheetsCallLogTask.instance(row.toString()), clock.instant());
            }
        });
    }

    /** Appends one call's row once. */
    @Component
    static class Appender {
        private final CallRows rows;
        private final SheetsConnections connections;
        private final GoogleSheetsAppender google;
        private final SheetsProperties properties;
        private final Tenants tenants;
        private final CustomerBook customers;
        private final Conversations conversations;
        private final Campaigns campaigns;
        private final Clock clock;

        Appender(
                CallRows rows,
                SheetsConnections connections,
                GoogleSheetsAppender google,
                SheetsProperties properties,
                Tenants tenants,
                CustomerBook customers,
                Conversations conversations,
                Campaigns campaigns,
                Clock clock) {
            this.rows = rows;
            this.connections = connections;
            this.google = google;
            this.properties = properties;
            this.tenants = tenants;
            this.customers = customers;
            this.conversations = conversations;
            this.campaigns = campaigns;
            this.clock = clock;
        }

        void append(UUID rowId) {
            var found = rows.find(rowId);
            if (found.isEmpty() || found.get().status() != CallRows.Status.PENDING) {
                return;
            }
            var row = found.get();
            int attempt = row.attempts() + 1;
            var connection = connections.find(row.business());
            if (connection.isEmpty()) {
                rows.attempted(rowId, CallRows.Status.DROPPED, row.attempts(), "the call log was disconnected");
                return;
            }
            String error;
            try {
                String key = connections.key(connection.get());
                // counted before Google is asked, so a run after a crash mid-append knows one was tried
                rows.started(rowId, attempt);
                // an earlier attempt's append may have been taken by Google with its answer lost
                if (row.attempts() == 0 || !google.holds(connection.get(), key, row.callSid())) {
                    google.append(connection.get(), key, values(row));
                }
                rows.appended(rowId, attempt, clock.instant().truncatedTo(ChronoUnit.MICROS));
                connections.clearError(row.business());
                return;
            } catch (GoogleSheetsAppender.AppendFailed e) {
                error = e.getMessage();
            } catch (IllegalStateException e) { // the sealed key does not open: FRONTDESK_SECRET_KEY changed
                error = "the service-account key cannot be read (the service's secret key changed); connect again";
            } catch (IllegalArgumentException e) {
                error = "the service-account key is not usable; connect again";
            }
            boolean last = attempt >= properties.maxAttempts();
            rows.attempted(rowId, last ? CallRows.Status.FAILED : CallRows.Status.PENDING, attempt, error);
            connections.recordError(row.business(), error);
            log.info("Call log row {} attempt {} failed: {}", rowId, attempt, error);
            if (!last) {
                throw new AttemptFailed(error);
            }
        }

        /** The row's cells: time (business time zone), direction, number, customer, duration, outcome, ... */
        List<Object> values(CallRows.CallRow row) {
            ZoneId zone = tenants.find(row.business()).map(Business::timezone).orElse(ZoneId.of("UTC"));
            Instant at = row.startedAt() != null ? row.startedAt() : row.endedAt();
            Optional<Conversation> conversation = conversations.findLatest(row.business(), "VOICE", row.callSid());
            String name = row.phone() == null
                    ? null
                    : customers
                            .withPhone(row.business(), row.phone())
                            .map(CustomerBook.Profile::name)
                            .orElse(null);
            List<Object> cells = new ArrayList<>();
            cells.add(at == null ? "" : TIME.format(at.atZone(zone)));
            cells.add(row.direction() != null && row.direction().startsWith("outbound") ? "outbound" : "inbound");
            cells.add(orEmpty(row.phone()));
            cells.add(orEmpty(name));
            cells.add(row.durationSeconds() == null ? "" : row.durationSeconds());
            cells.add(conversation.map(Conversation::outcome).map(Enum::name).orElse(orEmpty(row.callStatus())));
            cells.add(orEmpty(conversation.map(Conversation::summary).orElse(null)));
            cells.add(orEmpty(
                    campaigns.campaignOfCall(row.business(), row.callSid()).orElse(null)));
            cells.add(row.callSid()); // what a retry looks for, so a row is never appended twice
            return cells;
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }
    }

    /** A failed attempt, retried by the job's failure handler. */
    static final class AttemptFailed extends RuntimeException {
        AttemptFailed(String message) {
            super(message, null, false, false);
        }
    }
}
