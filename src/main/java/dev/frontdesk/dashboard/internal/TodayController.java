package dev.frontdesk.dashboard.internal;

import dev.frontdesk.analytics.Analytics;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.home.HomePage;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * {@code /}: the Today page for a signed-in user (today's figures, calls in progress, today's and tomorrow's
 * schedule, recent activity, open messages), the operator's businesses for the operator, the public home page for everyone else.
 */
@Controller
class TodayController implements DashboardPage {

    static final int OPEN_MESSAGES_SHOWN = 10;

    /** How many of the latest conversations the recent activity lists. */
    static final int RECENT_SHOWN = 8;

    private final HomePage homePage;
    private final Tenants tenants;
    private final Scheduling scheduling;
    private final Conversations conversations;
    private final Analytics analytics;
    private final Directory directory;
    private final LiveCallsController liveCalls;
    private final Clock clock;

    TodayController(
            HomePage homePage,
            Tenants tenants,
            Scheduling scheduling,
            Conversations conversations,
            Analytics analytics,
            Directory directory,
            LiveCallsController liveCalls,
            Clock clock) {
        this.homePage = homePage;
        this.tenants = tenants;
        this.scheduling = scheduling;
        this.conversations = conversations;
        this.analytics = analytics;
        this.directory = directory;
        this.liveCalls = liveCalls;
        this.clock = clock;
    }

    @GetMapping("/")
    ModelAndView today(@AuthenticationPrincipal SignedInUser user) {
        if (user == null) {
            return new ModelAndView(homePageView());
        }
        if (user.isOperator()) {
            return new ModelAndView("redirect:/operator");
        }
        Business business = Pages.business(tenants, user);
        ZoneId zone = business.timezone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var todayStart = today.atStartOfDay(zone).toInstant();
        var tomorrowStart = today.plusDays(1).atStartOfDay(zone).toInstant();
        var dayAfter = today.plusDays(2).atStartOfDay(zone).toInstant();
        var figures = Figures.between(analytics, business.id(), todayStart, tomorrowStart);
        return Pages.page("dashboard/today", user, business)
                .addObject("today", Views.fullDay(today))
                .addObject("tomorrow", Views.fullDay(today.plusDays(1)))
                .addObject("figures", figures)
                .addObject("openMessages", directory.countOpenMessages(business.id()))
                .addObject("liveCalls", liveCalls.rows(business))
                .addObject("pollUntil", liveCalls.pollUntil())
                .addObject(
                        "todaySchedule",
                        scheduling.live(business.id(), todayStart, tomorrowStart).stream()
                                .map(a -> Views.row(a, zone))
                                .toList())
                .addObject(
                        "tomorrowSchedule",
                        scheduling.live(business.id(), tomorrowStart, dayAfter).stream()
                                .map(a -> Views.row(a, zone))
                                .toList())
                .addObject(
                        "recent",
                        conversations
                                .search(
                                        business.id(),
                                        new Conversations.Search(null, null, null, null, null),
                                        new dev.frontdesk.shared.PageQuery(1, RECENT_SHOWN))
                                .items()
                                .stream()
                                .map(c -> new RecentRow(
                                        c.id().toString(),
                                        Views.channel(c.channel()),
                                        Views.dayAndTime(c.startedAt(), zone),
                                        c.outcome() == null
                                                ? "In progress"
                                                : Views.label(c.outcome().name()),
                                        c.summary() == null ? "" : c.summary(),
                                        c.emergency()))
                                .toList())
                .addObject(
                        "messages",
                        directory.openMessages(business.id(), OPEN_MESSAGES_SHOWN).stream()
                                .map(m -> new MessageRow(
                                        m.forWhom() == null ? "Owner" : m.forWhom(),
                                        m.callerName(),
                                        m.callerPhone(),
                                        m.text(),
                                        Views.dayAndTime(m.createdAt(), zone)))
                                .toList());
    }

    /** One of the latest conversations, on any channel, as the recent activity lists it. */
    record RecentRow(String id, String channel, String when, String outcome, String summary, boolean emergency) {}

    /** An open message as the Today page lists it. */
    record MessageRow(String forWhom, String callerName, String callerPhone, String text, String at) {}

    /** Writes the home page's own response (its headers and HTML) as this request's answer. */
    private View homePageView() {
        return (model, request, response) -> {
            var page = homePage.home();
            response.setStatus(page.getStatusCode().value());
            page.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            byte[] body = page.getBody() == null ? new byte[0] : page.getBody().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        };
    }
}
