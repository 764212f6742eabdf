package dev.frontdesk.dashboard.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Calls and conversations on every channel: a list filtered by channel, outcome, the days they started
 * (in the business's timezone), words in the summary or transcript and the campaign that placed the call; and one conversation with its
 * transcript as a chat, and the call's recording when there is one.
 */
@Controller
@RequestMapping("/conversations")
class ConversationsController implements DashboardPage {

    static final List<String> CHANNELS = List.of("VOICE", "SMS", "WHATSAPP", "WEB", "SIMULATOR");

    private final Tenants tenants;
    private final Conversations conversations;
    private final Calls calls;
    private final CustomerBook customers;

    ConversationsController(Tenants tenants, Conversations conversations, Calls calls, CustomerBook customers) {
        this.tenants = tenants;
        this.conversations = conversations;
        this.calls = calls;
        this.customers = customers;
    }

    /** A conversation as a row of the list. */
    record Row(
            String id,
            String when,
            String startIso,
            String channel,
            String phone,
            String outcome,
            boolean emergency,
            String summary,
            String duration,
            String campaignId,
            String campaign) {}

    /** An option of a filter's select. */
    record Option(String value, String label) {}

    /** One line of the transcript as a chat bubble. */
    record Bubble(boolean caller, String speaker, String text, String time) {}

    @GetMapping
    ModelAndView list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        ZoneId zone = business.timezone();
        List<String> problems = new ArrayList<>();
        String wantedChannel =
                channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(Locale.ROOT);
        if (wantedChannel != null && !CHANNELS.contains(wantedChannel)) {
            problems.add("Choose a channel from the list.");
            wantedChannel = null;
        }
        Conversation.Outcome wantedOutcome = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                wantedOutcome = Conversation.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("Choose an outcome from the list.");
            }
        }
        LocalDate fromDay = day(from, "from", problems);
        LocalDate toDay = day(to, "to", problems);
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            text = text.substring(0, 200);
        }
        // the business's campaigns that placed calls (a campaign's answered calls are its conversations)
        List<Calls.CallCampaign> callingCampaigns = calls.campaignsWithCalls(business.id());
        Calls.CallCampaign wantedCampaign = campaign(campaign, callingCampaigns, problems);
        var search = new Conversations.Search(
                wantedChannel,
                wantedOutcome,
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(),
                text,
                wantedCampaign == null ? null : wantedCampaign.id());
        var found = conversations.search(business.id(), search, new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        // the campaigns that placed the page's calls, in one look-up
        Map<String, Calls.CallCampaign> campaigns = calls.campaigns(
                business.id(),
                found.items().stream()
                        .filter(c -> "VOICE".equals(c.channel()))
                        .map(Conversation::key)
                        .toList());
        var filters = new LinkedHashMap<String, String>();
        filters.put("channel", wantedChannel);
        filters.put("outcome", wantedOutcome == null ? null : wantedOutcome.name());
        filters.put("from", fromDay == null ? null : fromDay.toString());
        filters.put("to", toDay == null ? null : toDay.toString());
        filters.put("q", text);
        filters.put(
                "campaign", wantedCampaign == null ? null : wantedCampaign.id().toString());
        return Pages.page("dashboard/conversations", user, business)
                .addObject(
                        "rows",
                        found.items().stream()
                                .map(c -> row(c, zone, "VOICE".equals(c.channel()) ? campaigns.get(c.key()) : null))
                                .toList())
                .addObject("pager", Pager.of(found, "/conversations", filters))
                .addObject("filters", filters)
                .addObject("problems", problems)
                .addObject(
                        "channels",
                        CHANNELS.stream()
                                .map(c -> new Option(c, Views.channel(c)))
                                .toList())
                .addObject(
                        "campaigns",
                        callingCampaigns.stream()
                                .map(c ->
                                        new Option(c.id().toString(), c.name() == null ? "Unnamed campaign" : c.name()))
                                .toList())
                .addObject(
                        "outcomes",
                        Arrays.stream(Conversation.Outcome.values())
                                .map(o -> new Option(o.name(), Views.label(o.name())))
                                .toList());
    }

    @GetMapping("/{id}")
    ModelAndView detail(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        Business business = Pages.business(tenants, user);
        ZoneId zone = business.timezone();
        Conversation c = parse(id)
                .flatMap(found -> conversations.find(business.id(), found))
                .orElseThrow(() -> FrontdeskException.notFound("Conversation"));
        var call = "VOICE".equals(c.channel()) ? calls.call(business.id(), c.key()) : Optional.<Calls.CallFacts>empty();
        String duration =
                call.map(Calls.CallFacts::durationSeconds).map(Views::duration).orElseGet(() -> duration(c));
        var bubbles = conversations.transcript(business.id(), c.id()).stream()
                .map(t -> {
                    boolean caller = "CALLER".equals(t.speaker());
                    return new Bubble(caller, caller ? "Caller" : "Assistant", t.text(), Views.time(t.at(), zone));
                })
                .toList();
        return Pages.page("dashboard/conversation", user, business)
                .addObject(
                        "conversation",
                        row(c, zone, call.map(Calls.CallFacts::campaign).orElse(null)))
                .addObject("language", Views.language(c.language()))
                .addObject("open", c.isOpen())
                .addObject("recording", call.map(Calls.CallFacts::recordingUrl).orElse(null))
                .addObject("duration", duration)
                .addObject("bubbles", bubbles)
                .addObject(
                        "customer",
                        customers.withPhone(business.id(), c.customerPhone()).orElse(null));
    }

    /**
     * The conversation as a row; {@code campaign} is the campaign that placed its call, null for any other (the
     * row's campaign name is null when the campaign could not be named).
     */
    private static Row row(Conversation c, ZoneId zone, Calls.CallCampaign campaign) {
        return new Row(
                c.id().toString(),
                Views.dayAndTime(c.startedAt(), zone),
                c.startedAt().toString(),
                Views.channel(c.channel()),
                c.customerPhone() == null ? "" : c.customerPhone(),
                c.outcome() == null
                        ? (c.isOpen() ? "In progress" : "")
                        : Views.label(c.outcome().name()),
                c.emergency(),
                c.summary() == null ? "" : c.summary(),
                duration(c),
                campaign == null ? null : campaign.id().toString(),
                campaign == null ? null : campaign.name());
    }

    /** How long the conversation lasted, from its first to its last message; "" while it is open. */
    private static String duration(Conversation c) {
        return c.endedAt() == null
                ? ""
                : Views.duration(Duration.between(c.startedAt(), c.endedAt()).toSeconds());
    }

    /** The campaign filter: one of the business's campaigns that placed calls, or null (none chosen, or unknown). */
    private static Calls.CallCampaign campaign(String id, List<Calls.CallCampaign> campaigns, List<String> problems) {
        if (id == null || id.isBlank()) {
            return null;
        }
        var found = parse(id.strip())
                .flatMap(wanted ->
                        campaigns.stream().filter(c -> c.id().equals(wanted)).findFirst());
        if (found.isEmpty()) {
            problems.add("Choose a campaign from the list.");
        }
        return found.orElse(null);
    }

    private static LocalDate day(String text, String which, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add("Enter the " + which + " date as YYYY-MM-DD.");
            return null;
        }
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
