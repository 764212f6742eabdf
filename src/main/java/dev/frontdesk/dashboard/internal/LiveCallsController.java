package dev.frontdesk.dashboard.internal;

import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Today page's calls in progress: the business's phone calls answered and not ended (telephony's call
 * records, started in the last four hours), as a fragment htmx asks for again every few seconds.
 */
@Controller
class LiveCallsController implements DashboardPage {

    /** At most this many calls are listed. */
    static final int SHOWN = 20;

    private final Tenants tenants;
    private final Calls calls;
    private final Clock clock;

    LiveCallsController(Tenants tenants, Calls calls, Clock clock) {
        this.tenants = tenants;
        this.calls = calls;
        this.clock = clock;
    }

    /** A call in progress as the Today page shows it: times in the business's timezone. */
    record LiveCallRow(
            String caller, boolean outbound, String since, String sinceIso, String length, String language) {}

    @GetMapping("/today/live-calls")
    ModelAndView liveCalls(@AuthenticationPrincipal SignedInUser user) {
        Business business = Pages.business(tenants, user);
        return Pages.page("dashboard/today :: live-calls", user, business).addObject("liveCalls", rows(business));
    }

    /** The business's calls in progress now, newest first. */
    List<LiveCallRow> rows(Business business) {
        Instant now = clock.instant();
        return calls.inProgress(business.id(), now.minus(Calls.LONGEST_CALL), SHOWN).stream()
                .map(c -> new LiveCallRow(
                        c.caller() == null ? "Unknown number" : c.caller(),
                        c.outbound(),
                        Views.time(c.startedAt(), business.timezone()),
                        c.startedAt().toString(),
                        Views.duration(
                                Math.max(0, Duration.between(c.startedAt(), now).toSeconds())),
                        Views.language(c.language())))
                .toList();
    }
}
