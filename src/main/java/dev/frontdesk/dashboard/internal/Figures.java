package dev.frontdesk.dashboard.internal;

import dev.frontdesk.analytics.Analytics;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;

/**
 * The overview's figures for [from, to) ({@link Analytics#overview}, as {@code /api/analytics/overview} serves
 * them) as the KPI cards show them (Today's and the Analytics page's): the conversion as a whole per cent, and a
 * dash where a rate or a mean has nothing to divide.
 */
record Figures(long calls, long bookings, String conversion, long emergencies, long missedCalls, String averageCall) {

    static Figures between(Analytics analytics, BusinessId business, Instant from, Instant to) {
        var overview = analytics.overview(business, from, to);
        return new Figures(
                overview.calls(),
                overview.bookings(),
                overview.conversations() == 0 ? "–" : percent(overview.booked(), overview.conversations()),
                overview.emergencies(),
                overview.missedCalls(),
                overview.calls() == 0 ? "–" : Views.duration(overview.averageCallSeconds()));
    }

    /**
     * The share rounded once, from the counts: the API's rate is already rounded to 4 decimals, and rounding
     * it again could go a per cent up (2,499 of 20,000: 0.125 and 13%, where the share is 12.495%).
     */
    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }
}
