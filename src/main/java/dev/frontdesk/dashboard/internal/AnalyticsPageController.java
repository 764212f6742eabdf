package dev.frontdesk.dashboard.internal;

import dev.frontdesk.analytics.Analytics;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Analytics page: the overview's figures, bookings per day, calls by outcome and by hour of the day,
 * conversations by channel and by language, the lead funnel, recent conversations and running campaigns over the
 * days asked for (the same figures as {@code /api/analytics/*}): each distribution a table, which
 * {@code /dashboard/analytics-charts.js} draws as a Chart.js chart.
 */
@Controller
class AnalyticsPageController implements DashboardPage {

    private final Tenants tenants;
    private final Analytics analytics;

    AnalyticsPageController(Tenants tenants, Analytics analytics) {
        this.tenants = tenants;
        this.analytics = analytics;
    }

    /** A distribution as a table: its rows, the total, and the largest count (the bars' full length). */
    record Chart(List<Analytics.Count> rows, long total, long max) {

        static Chart of(List<Analytics.Count> rows) {
            return new Chart(
                    rows,
                    rows.stream().mapToLong(Analytics.Count::count).sum(),
                    Math.max(
                            1,
                            rows.stream()
                                    .mapToLong(Analytics.Count::count)
                                    .max()
                                    .orElse(1)));
        }

        public String percent(Analytics.Count row) {
            return Math.round(row.share() * 100) + "%";
        }
    }

    /** A quick choice of days ending today: its words, its dates, and whether it is the one shown. */
    record Range(String label, String from, String to, boolean current) {

        static Range of(String label, java.time.LocalDate from, java.time.LocalDate to, Analytics.Days shown) {
            return new Range(label, from.toString(), to.toString(), from.equals(shown.from()) && to.equals(shown.to()));
        }
    }

    /** A recent conversation as a row. */
    record Recent(String id, String when, String channel, String outcome, String summary, boolean emergency) {}

    @GetMapping("/analytics")
    ModelAndView page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Business business = Pages.business(tenants, user);
        String problem = null;
        Analytics.Days days;
        try {
            days = analytics.days(business.id(), from, to);
        } catch (FrontdeskException e) {
            problem = "Those dates cannot be used (YYYY-MM-DD, from before to, at most " + Analytics.MAX_DAYS
                    + " days): showing today.";
            days = analytics.days(business.id(), null, null);
        }
        var counts = analytics.conversationCounts(business.id(), days); // one read of the days' conversations
        var recent = analytics.recentActivity(business.id(), days, 20).stream()
                .map(a -> new Recent(
                        a.conversationId().toString(),
                        Views.dayAndTime(a.at(), business.timezone()),
                        Views.channel(a.channel()),
                        Views.label(a.outcome()),
                        a.summary() == null ? "" : a.summary(),
                        a.emergency()))
                .toList();
        var today = analytics.days(business.id(), null, null).to();
        var ranges = List.of(
                Range.of("Today", today, today, days),
                Range.of("Last 7 days", today.minusDays(6), today, days),
                Range.of("Last 30 days", today.minusDays(29), today, days),
                Range.of("Last 12 months", today.minusMonths(12).plusDays(1), today, days));
        return Pages.page("dashboard/analytics", user, business)
                .addObject("problem", problem)
                .addObject("ranges", ranges)
                .addObject("from", days.from().toString())
                .addObject("to", days.to().toString())
                .addObject(
                        "range",
                        days.from().equals(days.to())
                                ? Views.fullDay(days.from())
                                : Views.fullDay(days.from()) + " to " + Views.fullDay(days.to()))
                .addObject("figures", Figures.between(analytics, business.id(), days.start(), days.end()))
                .addObject("bookings", Chart.of(analytics.bookingsPerDay(business.id(), days)))
                .addObject("hours", Chart.of(counts.busiestHours()))
                .addObject("channels", Chart.of(counts.channels()))
                .addObject("outcomes", Chart.of(counts.callOutcomes()))
                .addObject("languages", Chart.of(counts.languages()))
                .addObject("leads", Chart.of(analytics.leadStatuses(business.id(), null)))
                .addObject("recent", recent)
                .addObject("campaigns", analytics.activeCampaigns(business.id()));
    }
}
