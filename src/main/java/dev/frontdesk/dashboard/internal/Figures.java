package dev.frontdesk.dashboard.internal;

import dev.frontdesk.crm.Conversations;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;

/**
 * The overview's figures for [from, to) as the KPI cards show them (Today's and the Analytics page's; the same
 * counts as {@code /api/analytics/overview}): a dash where a rate or a mean has nothing to divide.
 */
record Figures(long calls, long bookings, String conversion, long emergencies, long missedCalls, String averageCall) {

    static Figures between(
            Conversations conversations, Scheduling scheduling, BusinessId business, Instant from, Instant to) {
        var activity = conversations.activity(business, from, to);
        return new Figures(
                activity.calls(),
                scheduling.bookedBetween(business, from, to),
                activity.conversations() == 0
                        ? "–"
                        : Math.round(100.0 * activity.booked() / activity.conversations()) + "%",
                activity.emergencies(),
                activity.missedCalls(),
                activity.calls() == 0 ? "–" : Views.duration(activity.averageCallSeconds()));
    }
}
