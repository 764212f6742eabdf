package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.CrmEvents;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ConversationService implements Conversations {

    private final ConversationRepository conversations;
    private final ConversationSearches searches;
    private final ConversationUsage usage;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ConversationService(
            ConversationRepository conversations,
            ConversationSearches searches,
            ConversationUsage usage,
            Clock clock,
            ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.searches = searches;
        this.usage = usage;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Conversation openOrContinue(
            BusinessId business,
            String channel,
            String key,
            String customerPhone,
            String language,
            Duration idleExpiry) {
        Instant now = clock.instant();
        conversations.lockThread(business, channel, key.length() <= 200 ? key : key.substring(0, 200));
        Optional<Conversation> open = conversations.latestOpen(business, channel, key);
        if (open.isPresent()) {
            Conversation current = open.get();
            if (idleExpiry == null || !current.lastActivityAt().plus(idleExpiry).isBefore(now)) {
                conversations.touch(business, current.id(), now);
                return current;
            }
            if (conversations.end(
                    business, current.id(), Conversation.Outcome.ABANDONED, "Ended after inactivity", false, now)) {
                ended(business, current.id(), Conversation.Outcome.ABANDONED, now);
            }
        }
        var created = new Conversation(
                UUID.randomUUID(), business, channel, key, customerPhone, language, now, now, null, null, false, null);
        conversations.insert(created);
        if (customerPhone != null && PhoneNumber.parseStrict(customerPhone).isPresent()) {
            events.publishEvent(new CrmEvents.ConversationStarted(business, created.id(), channel, customerPhone, now));
        }
        return created;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Conversation> find(BusinessId business, UUID conversation) {
        return conversations.find(business, conversation);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Conversation> findLatest(BusinessId business, String channel, String key) {
        return conversations.latest(business, channel, key);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Conversation> findOpen(BusinessId business, String channel, String key) {
        return conversations.latestOpen(business, channel, key);
    }

    @Override
    @Transactional
    public void record(BusinessId business, UUID conversation, String speaker, String text) {
        conversations.addTurns(business, conversation, List.of(new Line(speaker, text)), clock.instant());
    }

    @Override
    @Transactional
    public void record(BusinessId business, UUID conversation, List<Line> lines) {
        if (!lines.isEmpty()) {
            conversations.addTurns(business, conversation, lines, clock.instant());
        }
    }

    @Override
    @Transactional
    public void update(BusinessId business, UUID conversation, String language, boolean emergency) {
        conversations.update(business, conversation, language, emergency);
    }

    @Override
    @Transactional
    public void end(
            BusinessId business, UUID conversation, Conversation.Outcome outcome, String summary, boolean emergency) {
        Instant now = clock.instant();
        if (conversations.end(business, conversation, outcome, summary, emergency, now)) {
            ended(business, conversation, outcome, now);
        }
    }

    /** Publishes {@link CrmEvents.ConversationEnded}: only when this ending closed the conversation. */
    private void ended(BusinessId business, UUID conversation, Conversation.Outcome outcome, Instant at) {
        events.publishEvent(new CrmEvents.ConversationEnded(business, conversation, outcome.name(), at));
    }

    @Override
    @Transactional
    public void resummarize(BusinessId business, UUID conversation, String summary) {
        conversations.resummarize(business, conversation, summary);
    }

    @Override
    @Transactional
    public void fromCampaign(BusinessId business, UUID conversation, UUID campaign) {
        conversations.fromCampaign(business, conversation, campaign);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Turn> transcript(BusinessId business, UUID conversation) {
        return conversations.turns(business, conversation);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<Conversation> search(BusinessId business, Search search, PageQuery page) {
        return searches.search(business, search, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Breakdown breakdown(BusinessId business, Instant from, Instant to, java.time.ZoneId zone) {
        var outcomes = new java.util.TreeMap<String, Long>();
        var languages = new java.util.TreeMap<String, Long>();
        var channels = new java.util.TreeMap<String, Long>();
        var hours = new java.util.TreeMap<Integer, Long>();
        for (var c : conversations.startedBetween(business, from, to)) {
            languages.merge(c.language() == null ? "unknown" : c.language(), 1L, Long::sum);
            channels.merge(c.channel(), 1L, Long::sum);
            if ("VOICE".equals(c.channel())) {
                outcomes.merge(c.outcome() == null ? "IN_PROGRESS" : c.outcome(), 1L, Long::sum);
                hours.merge(c.startedAt().atZone(zone).getHour(), 1L, Long::sum);
            }
        }
        return new Breakdown(outcomes, languages, channels, hours);
    }

    @Override
    @Transactional(readOnly = true)
    public Activity activity(BusinessId business, Instant from, Instant to) {
        var started = conversations.startedBetween(business, from, to);
        long calls = 0, missed = 0, emergencies = 0, endedCalls = 0, seconds = 0, booked = 0;
        for (var c : started) {
            if (c.emergency()) {
                emergencies++;
            }
            if (Conversation.Outcome.BOOKED.name().equals(c.outcome())) {
                booked++;
            }
            if (!"VOICE".equals(c.channel())) {
                continue;
            }
            calls++;
            if (Conversation.Outcome.ABANDONED.name().equals(c.outcome())) {
                missed++;
            }
            if (c.seconds() >= 0) {
                endedCalls++;
                seconds += c.seconds();
            }
        }
        return new Activity(
                calls,
                missed,
                emergencies,
                endedCalls == 0 ? 0 : Math.round((double) seconds / endedCalls),
                started.size(),
                booked);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<BusinessId, Usage> usageByBusiness(Instant from, Instant to) {
        return usage.byBusiness(from, to);
    }
}
