package dev.frontdesk.dashboard.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Today page's calls in progress: the business's phone calls answered and not ended (telephony's call
 * records, started in the last four hours), as a fragment htmx asks for again every few seconds. Each links to
 * its conversation's page once the conversation exists (the business's voice conversation keyed by the call's
 * CallSid), so the owner can follow the transcript of a call while it goes on.
 */
@Controller
class LiveCallsController implements DashboardPage {

    /** At most this many calls are listed. */
    static final int SHOWN = 20;

    /**
     * How long a Today page keeps asking: its requests would otherwise keep an unattended session alive for
     * ever, past the dashboard's idle timeout (30 minutes by default).
     */
    static final Duration POLL_FOR = Duration.ofMinutes(30);

    private final Tenants tenants;
    private final Calls calls;
    private final Conversations conversations;
    private final Clock clock;

    LiveCallsController(Tenants tenants, Calls calls, Conversations conversations, Clock clock) {
        this.tenants = tenants;
        this.calls = calls;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * A call in progress as the Today page shows it: times in the business's timezone; {@code conversationId} is
     * its conversation's (null until the conversation exists).
     */
    record LiveCallRow(
            String caller,
            boolean outbound,
            String since,
            String sinceIso,
            String length,
            String language,
            UUID conversationId) {}

    /**
     * The list, asked again every few seconds until {@code until} (epoch seconds, set when the page was drawn);
     * after it, or when it cannot be read, the list stops asking and says to reload the page.
     */
    @GetMapping("/today/live-calls")
    ModelAndView liveCalls(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String until) {
        Business business = Pages.business(tenants, user);
        long stop;
        try {
            stop = Long.parseLong(until == null ? "" : until.strip());
        } catch (NumberFormatException e) {
            stop = 0;
        }
        return Pages.page("dashboard/today :: live-calls", user, business)
                .addObject("liveCalls", rows(business))
                .addObject("pollUntil", clock.instant().getEpochSecond() < stop ? stop : null);
    }

    /** Until when a page drawn now asks for the list again (epoch seconds). */
    long pollUntil() {
        return clock.instant().plus(POLL_FOR).getEpochSecond();
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
                        Views.language(c.language()),
                        conversations
                                .findLatest(business.id(), "VOICE", c.callSid())
                                .map(Conversation::id)
                                .orElse(null)))
                .toList();
    }
}
