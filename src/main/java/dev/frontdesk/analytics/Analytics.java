package dev.frontdesk.analytics;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The business's distributions and lists over a range of its own days, for {@code /api/analytics/*} and
 * the dashboard's Analytics page.
 */
public interface Analytics {

    /** At most this many days in a range. */
    int MAX_DAYS = 366;

    /** Days {@code from} to {@code to}, inclusive, in the business's timezone. */
    record Days(LocalDate from, LocalDate to, ZoneId zone) {

        public Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    /**
     * The days asked for ({@code YYYY-MM-DD}; today by default, a single {@code to} means that day).
     *
     * @throws dev.frontdesk.shared.FrontdeskException 400 with field errors for a date that cannot be read,
     *     from after to, or more than {@link #MAX_DAYS} days
     */
    Days days(BusinessId business, String from, String to);

    /**
     * The overview's figures of the conversations started and the appointments booked in [from, to): what
     * {@code GET /api/analytics/overview} serves and the dashboard's KPI cards show.
     *
     * @param calls voice conversations started
     * @param bookings appointments booked (created) on any channel, in any status now
     * @param conversations conversations started on every channel
     * @param booked of those, the ones that ended with an appointment booked
     * @param emergencies conversations on any channel flagged as an emergency
     * @param missedCalls voice conversations the caller left before anything was done
     * @param averageCallSeconds mean length of the ended calls, in seconds; 0 when none has ended
     */
    record Overview(
            long calls,
            long bookings,
            long conversations,
            long booked,
            long emergencies,
            long missedCalls,
            long averageCallSeconds) {

        /** {@code booked / conversations}, 0 to 1 rounded to 4 decimals; 0 when there is no conversation. */
        public double conversionRate() {
            return conversations == 0 ? 0 : Math.round(booked * 10_000.0 / conversations) / 10_000.0;
        }
    }

    /** The overview's figures for [from, to). */
    Overview overview(BusinessId business, Instant from, Instant to);

    /** One bar of a distribution: its key, its words, how many, and its share of the total (0 to 1). */
    record Count(String key, String label, long count, double share) {}

    /** Voice calls started in the days by outcome (every outcome, 0 included, and IN_PROGRESS). */
    List<Count> callOutcomes(BusinessId business, Days days);

    /** Conversations on every channel started in the days by language, most first. */
    List<Count> languages(BusinessId business, Days days);

    /**
     * Appointments booked (created, in any status now) on each day of the days, oldest first, every day (0
     * included): key {@code YYYY-MM-DD}, label such as "Mon 23 Nov".
     */
    List<Count> bookingsPerDay(BusinessId business, Days days);

    /**
     * Voice calls started in the days by the hour of the day they started in the business's timezone, every hour
     * 0 to 23 (0 included): key {@code 00} to {@code 23}, label {@code 00:00}.
     */
    List<Count> busiestHours(BusinessId business, Days days);

    /** Conversations started in the days by channel ({@code VOICE}, {@code SMS}, {@code WEB}, ...), most first. */
    List<Count> channels(BusinessId business, Days days);

    /** The distributions of the conversations started in the days, as the methods above give them one by one. */
    record ConversationCounts(
            List<Count> callOutcomes, List<Count> languages, List<Count> busiestHours, List<Count> channels) {}

    /**
     * {@link #callOutcomes}, {@link #languages}, {@link #busiestHours} and {@link #channels} at once, from one read
     * of the days' conversations (the Analytics page shows them all).
     */
    ConversationCounts conversationCounts(BusinessId business, Days days);

    /** Leads by status in funnel order (every status): those created in the days, or all when days is null. */
    List<Count> leadStatuses(BusinessId business, Days days);

    /** A conversation of the recent activity. */
    record Activity(
            UUID conversationId,
            Instant at,
            String localTime,
            String channel,
            String outcome,
            boolean emergency,
            String summary) {}

    /** The conversations started in the days, newest first, at most {@code limit}. */
    List<Activity> recentActivity(BusinessId business, Days days, int limit);

    /** A running or paused campaign and how far it has got: {@code done} is the share of leads no longer waiting. */
    record Campaign(
            UUID id,
            String name,
            String status,
            long leads,
            long queued,
            long calling,
            long contacted,
            long meetings,
            long notInterested,
            long noAnswer,
            long failed,
            long doNotCall,
            long erased,
            double done) {}

    /** The business's running and paused campaigns, newest first. */
    List<Campaign> activeCampaigns(BusinessId business);
}
