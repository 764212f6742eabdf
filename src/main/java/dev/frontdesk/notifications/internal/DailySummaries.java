package dev.frontdesk.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.messaging.OwnerNotifications;
import dev.frontdesk.messaging.OwnerNotifications.SummaryPlan;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.shared.Wording;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The owner's daily summary email, at the hour the owner chose in the business's timezone. A durable
 * db-scheduler job runs every five minutes on one node at a time; for each business whose chosen hour
 * it is now, it claims that local day in the database (so a second run, or a second node, sends nothing)
 * and emails the owner. A morning summary (chosen hour before noon) covers yesterday and lists today's
 * appointments; an afternoon or evening one covers today so far and lists tomorrow's. A node that is down
 * for the whole chosen hour skips that day's summary rather than sending it late.
 */
@Configuration(proxyBeanMethods = false)
class DailySummaries {

    static final String TASK = "owner-daily-summary";
    private static final Logger log = LoggerFactory.getLogger(DailySummaries.class);

    private final OwnerNotifications owner;
    private final Tenants tenants;
    private final Conversations conversations;
    private final Scheduling scheduling;
    private final Directory directory;
    private final Messages messages;
    private final Clock clock;

    DailySummaries(
            OwnerNotifications owner,
            Tenants tenants,
            Conversations conversations,
            Scheduling scheduling,
            Directory directory,
            Messages messages,
            Clock clock) {
        this.owner = owner;
        this.tenants = tenants;
        this.conversations = conversations;
        this.scheduling = scheduling;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> ownerDailySummaryTask() {
        return Tasks.recurring(TASK, FixedDelay.ofMinutes(5)).execute((instance, context) -> sendDue());
    }

    /** Sends every summary whose hour it is now and that has not gone today; answers how many went. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (SummaryPlan plan : owner.dailySummaryPlans()) {
            try {
                if (sendIfDue(plan, now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("The daily summary of business {} failed", plan.business(), e);
            }
        }
        return sent;
    }

    private boolean sendIfDue(SummaryPlan plan, Instant now) {
        Optional<Business> found = tenants.find(plan.business());
        if (found.isEmpty() || !found.get().isActive() || found.get().ownerEmail() == null) {
            return false;
        }
        Business business = found.get();
        ZonedDateTime local = now.atZone(business.timezone());
        if (local.getHour() != plan.hour() || !owner.claimDailySummary(business.id(), local.toLocalDate())) {
            return false;
        }
        Wording words = Wording.of(CustomerTexts.WORDS, business.defaultLanguage());
        messages.sendEmail(
                business.id(),
                new Messages.Email(
                        business.ownerEmail(),
                        business.name(),
                        words.text(
                                "summary.subject",
                                Map.of("business", business.name(), "day", Dates.day(words, now, business.timezone()))),
                        body(business, words, local),
                        List.of()));
        log.info("Daily summary of business {} sent", business.id());
        return true;
    }

    /** The summary's text: what happened in the covered part of the day, then the next day's appointments. */
    String body(Business business, Wording words, ZonedDateTime now) {
        ZoneId zone = business.timezone();
        boolean evening = now.getHour() >= 12;
        LocalDate today = now.toLocalDate();
        LocalDate covered = evening ? today : today.minusDays(1);
        Instant from = covered.atStartOfDay(zone).toInstant();
        Instant to = evening ? now.toInstant() : today.atStartOfDay(zone).toInstant();
        LocalDate ahead = evening ? today.plusDays(1) : today;
        var activity = conversations.activity(business.id(), from, to);
        List<Appointment> schedule = scheduling.live(
                business.id(),
                ahead.atStartOfDay(zone).toInstant(),
                ahead.plusDays(1).atStartOfDay(zone).toInstant());
        List<String> lines = new ArrayList<>();
        lines.add(words.text(
                evening ? "summary.covered" : "summary.covered_yesterday",
                Map.of("day", Dates.day(words, from, zone))));
        lines.add(words.text("summary.calls", Map.of("calls", activity.calls(), "missed", activity.missedCalls())));
        lines.add(
                words.text("summary.bookings", Map.of("bookings", scheduling.bookedBetween(business.id(), from, to))));
        lines.add(words.text("summary.emergencies", Map.of("emergencies", activity.emergencies())));
        lines.add(words.text("summary.conversations", Map.of("conversations", activity.conversations())));
        lines.add(words.text("summary.messages", Map.of("messages", directory.countOpenMessages(business.id()))));
        lines.add("");
        lines.add(words.text(
                "summary.schedule",
                Map.of("day", Dates.day(words, ahead.atStartOfDay(zone).toInstant(), zone), "count", schedule.size())));
        for (Appointment a : schedule) {
            lines.add(words.text(
                    "summary.appointment",
                    Map.of(
                            "time", Dates.time(words, a.start(), zone),
                            "service", a.service(),
                            "customer", a.customer().name())));
        }
        if (schedule.isEmpty()) {
            lines.add(words.text("summary.none"));
        }
        lines.add("");
        lines.add(words.text("summary.footer"));
        return String.join("\n", lines);
    }
}
