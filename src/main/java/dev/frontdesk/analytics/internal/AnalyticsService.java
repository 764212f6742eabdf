package dev.frontdesk.analytics.internal;

import dev.frontdesk.analytics.Analytics;
import dev.frontdesk.campaigns.Campaigns;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** {@link Analytics} on the CRM's conversations and customer book and the campaigns' facade. */
@Service
class AnalyticsService implements Analytics {

    private final Tenants tenants;
    private final Conversations conversations;
    private final CustomerBook customers;
    private final Campaigns campaigns;
    private final Scheduling scheduling;
    private final Clock clock;

    AnalyticsService(
            Tenants tenants,
            Conversations conversations,
            CustomerBook customers,
            Campaigns campaigns,
            Scheduling scheduling,
            Clock clock) {
        this.tenants = tenants;
        this.conversations = conversations;
        this.customers = customers;
        this.campaigns = campaigns;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    @Override
    public Days days(BusinessId business, String from, String to) {
        var zone = tenants.find(business)
                .orElseThrow(() -> FrontdeskException.notFound("Business"))
                .timezone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<FieldError> errors = new ArrayList<>();
        LocalDate last = date("to", to, today, errors);
        LocalDate first = date("from", from, blank(from) && !blank(to) ? last : today, errors);
        if (errors.isEmpty() && first.isAfter(last)) {
            errors.add(new FieldError("from", "must not be after to"));
        } else if (errors.isEmpty() && ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days after from"));
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return new Days(first, last, zone);
    }

    @Override
    public Overview overview(BusinessId business, Instant from, Instant to) {
        var activity = conversations.activity(business, from, to);
        return new Overview(
                activity.calls(),
                scheduling.bookedBetween(business, from, to),
                activity.conversations(),
                activity.booked(),
                activity.emergencies(),
                activity.missedCalls(),
                activity.averageCallSeconds());
    }

    @Override
    public List<Count> callOutcomes(BusinessId business, Days days) {
        return callOutcomes(breakdown(business, days));
    }

    @Override
    public ConversationCounts conversationCounts(BusinessId business, Days days) {
        var breakdown = breakdown(business, days);
        return new ConversationCounts(
                callOutcomes(breakdown), languages(breakdown), busiestHours(breakdown), channels(breakdown));
    }

    private Conversations.Breakdown breakdown(BusinessId business, Days days) {
        return conversations.breakdown(business, days.start(), days.end(), days.zone());
    }

    private static List<Count> callOutcomes(Conversations.Breakdown breakdown) {
        var counted = breakdown.callOutcomes();
        Map<String, Long> all = new LinkedHashMap<>();
        for (var outcome : Conversation.Outcome.values()) {
            all.put(outcome.name(), counted.getOrDefault(outcome.name(), 0L));
        }
        all.put("IN_PROGRESS", counted.getOrDefault("IN_PROGRESS", 0L));
        return counts(all, AnalyticsService::label);
    }

    @Override
    public List<Count> languages(BusinessId business, Days days) {
        return languages(breakdown(business, days));
    }

    private static List<Count> languages(Conversations.Breakdown breakdown) {
        return mostFirst(breakdown.languages(), AnalyticsService::language);
    }

    /** The counts, most first (ties in key order), labelled. */
    private static List<Count> mostFirst(Map<String, Long> counted, java.util.function.UnaryOperator<String> label) {
        var entries = new ArrayList<>(counted.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return counts(ordered, label);
    }

    @Override
    public List<Count> bookingsPerDay(BusinessId business, Days days) {
        var booked = scheduling.bookedPerDay(business, days.start(), days.end(), days.zone());
        Map<String, Long> all = new LinkedHashMap<>();
        for (LocalDate day = days.from(); !day.isAfter(days.to()); day = day.plusDays(1)) {
            all.put(day.toString(), booked.getOrDefault(day, 0L));
        }
        return counts(all, key -> DAY.format(LocalDate.parse(key)));
    }

    @Override
    public List<Count> busiestHours(BusinessId business, Days days) {
        return busiestHours(breakdown(business, days));
    }

    private static List<Count> busiestHours(Conversations.Breakdown breakdown) {
        var hours = breakdown.callHours();
        Map<String, Long> all = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            all.put("%02d".formatted(hour), hours.getOrDefault(hour, 0L));
        }
        return counts(all, key -> key + ":00");
    }

    @Override
    public List<Count> channels(BusinessId business, Days days) {
        return channels(breakdown(business, days));
    }

    private static List<Count> channels(Conversations.Breakdown breakdown) {
        return mostFirst(breakdown.channels(), AnalyticsService::channel);
    }

    /** "Mon 23 Nov". */
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** {@code WEB} → "Web chat", {@code VOICE} → "Call". */
    static String channel(String code) {
        return switch (code) {
            case "VOICE" -> "Call";
            case "SMS" -> "SMS";
            case "WHATSAPP" -> "WhatsApp";
            case "WEB" -> "Web chat";
            default -> label(code);
        };
    }

    @Override
    public List<Count> leadStatuses(BusinessId business, Days days) {
        var counted = days == null
                ? customers.leadStatusCounts(business, null, null)
                : customers.leadStatusCounts(business, days.start(), days.end());
        return counts(counted, AnalyticsService::label);
    }

    @Override
    public List<Activity> recentActivity(BusinessId business, Days days, int limit) {
        var found = conversations.search(
                business,
                new Conversations.Search(null, null, days.start(), days.end(), null),
                new PageQuery(1, Math.max(1, Math.min(limit, PageQuery.MAX_PAGE_SIZE))));
        return found.items().stream()
                .map(c -> new Activity(
                        c.id(),
                        c.startedAt(),
                        c.startedAt()
                                .atZone(days.zone())
                                .toLocalDateTime()
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString(),
                        c.channel(),
                        c.outcome() == null ? "IN_PROGRESS" : c.outcome().name(),
                        c.emergency(),
                        c.summary()))
                .toList();
    }

    @Override
    public List<Campaign> activeCampaigns(BusinessId business) {
        return campaigns.active(business).stream()
                .map(c -> {
                    var n = c.counts();
                    long waiting = n.queued() + n.calling();
                    return new Campaign(
                            c.id(),
                            c.name(),
                            c.status(),
                            n.total(),
                            n.queued(),
                            n.calling(),
                            n.contacted(),
                            n.meetings(),
                            n.notInterested(),
                            n.noAnswer(),
                            n.failed(),
                            n.doNotCall(),
                            n.erased(),
                            share(n.total() - waiting, n.total()));
                })
                .toList();
    }

    private static List<Count> counts(Map<String, Long> counted, java.util.function.UnaryOperator<String> label) {
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        return counted.entrySet().stream()
                .map(e -> new Count(e.getKey(), label.apply(e.getKey()), e.getValue(), share(e.getValue(), total)))
                .toList();
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 10_000.0 / total) / 10_000.0;
    }

    /** {@code MESSAGE_TAKEN} → "Message taken". */
    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "es" → "Spanish"; "unknown" → "Not detected". */
    static String language(String code) {
        if ("unknown".equals(code)) {
            return "Not detected";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static LocalDate date(String field, String text, LocalDate fallback, List<FieldError> errors) {
        if (blank(text)) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date, YYYY-MM-DD"));
            return fallback;
        }
    }
}
