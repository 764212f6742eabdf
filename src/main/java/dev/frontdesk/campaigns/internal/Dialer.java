package dev.frontdesk.campaigns.internal;

import dev.frontdesk.campaigns.CampaignEvents;
import dev.frontdesk.campaigns.internal.CallPlacer.NotPlaced;
import dev.frontdesk.campaigns.internal.CallPlacer.OutboundCall;
import dev.frontdesk.campaigns.internal.LeadRepository.LeadRow;
import dev.frontdesk.crm.Customers;
import dev.frontdesk.crm.Lead;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of a running campaign's dialer (a db-scheduler job runs it, on any node): calls that a dead
 * node left unplaced are found and repeated or recovered, then leads are claimed up to the campaign's
 * free call slots and its pacing (the calls started in the last minute, on any node, count; the campaign row is locked while claiming, and leads move QUEUED → CALLING with a
 * conditional update), only leads whose local time is inside the calling hours and whose next call is due,
 * never a do-not-call number; the calls are placed after the claim commits. Answers when to run again, or
 * null when the campaign is not running any more.
 */
@Component
class Dialer {

    private static final Logger log = LoggerFactory.getLogger(Dialer.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final CampaignRepository campaigns;
    private final LeadRepository leads;
    private final Customers customers;
    private final Tenants tenants;
    private final CallPlacer placer;
    private final Outcomes outcomes;
    private final CampaignsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Dialer(
            CampaignRepository campaigns,
            LeadRepository leads,
            Customers customers,
            Tenants tenants,
            CallPlacer placer,
            Outcomes outcomes,
            CampaignsProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.campaigns = campaigns;
        this.leads = leads;
        this.customers = customers;
        this.tenants = tenants;
        this.placer = placer;
        this.outcomes = outcomes;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One round for the campaign; the next time to run, or null when it is not running. */
    Instant tick(UUID campaignId) {
        Instant now = clock.instant();
        var campaign = campaigns.findAny(campaignId, false);
        if (campaign.isEmpty() || campaign.get().status() != Campaign.Status.RUNNING) {
            return null;
        }
        var business = tenants.find(campaign.get().businessId());
        if (business.isEmpty()
                || !business.get().isActive()
                || business.get().phoneNumbers().isEmpty()) {
            return now.plus(properties.tick()); // a suspended business calls nobody; it may be reactivated
        }
        recover(campaign.get(), business.get(), now);
        List<OutboundCall> claimed = transactions.execute(status -> claim(campaignId, business.get(), now));
        for (OutboundCall call : claimed == null ? List.<OutboundCall>of() : claimed) {
            place(call, now);
        }
        return transactions.execute(status -> next(campaignId, business.get(), now));
    }

    private List<OutboundCall> claim(UUID campaignId, Business business, Instant now) {
        // the campaign's row lock makes claims of one campaign one at a time across nodes
        Campaign campaign = campaigns.findAny(campaignId, true).orElse(null);
        if (campaign == null || campaign.status() != Campaign.Status.RUNNING) {
            return List.of();
        }
        int free = (int) (campaign.maxConcurrentCalls() - leads.inFlight(campaignId));
        if (campaign.callsPerMinute() != null) {
            // the pacing: the calls started in the last minute, by any node, from the database
            free = Math.min(
                    free, (int) (campaign.callsPerMinute() - leads.startedSince(campaignId, now.minus(MINUTE))));
        }
        List<String> open = leads.queuedZones(campaignId).stream()
                .filter(z -> !z.earliest().isAfter(now) && campaign.window().open(zone(z.timezone(), business), now))
                .map(LeadRepository.Zone::timezone)
                .toList();
        List<LeadRow> due = leads.due(campaignId, open, now, free);
        Set<String> doNotCall = customers.doNotCall(
                business.id(), due.stream().map(LeadRow::phone).toList());
        List<OutboundCall> calls = new ArrayList<>();
        List<UUID> calling = new ArrayList<>();
        for (LeadRow lead : due) {
            if (doNotCall.contains(lead.phone())) {
                leads.doNotCall(campaignId, lead.customerId(), now);
                events.publishEvent(new CampaignEvents.LeadMoved(
                        business.id(), campaignId, lead.customerId(), "DO_NOT_CALL", lead.attempts(), now));
                continue;
            }
            UUID attempt = UUID.randomUUID();
            if (leads.claim(campaignId, lead.customerId(), attempt, now)) {
                leads.insertCall(lead, attempt, lead.attempts() + 1, now);
                calls.add(call(campaign, business, lead.phone(), attempt, now));
                calling.add(lead.customerId());
            }
        }
        customers.moveInFunnel(business.id(), calling, Lead.Stage.CALLING);
        return calls;
    }

    private void place(OutboundCall call, Instant now) {
        Boolean calling = transactions.execute(status -> leads.stillClaimed(call.attemptId(), now));
        if (!Boolean.TRUE.equals(calling)) {
            return; // the customer was erased since the claim: the call is not placed
        }
        try {
            String sid = placer.place(call);
            transactions.executeWithoutResult(status -> leads.placed(call.attemptId(), sid));
        } catch (NotPlaced e) {
            log.warn("A campaign call was refused: {}", e.getMessage());
            outcomes.ended(call.attemptId(), null, "failed", null);
        } catch (RuntimeException e) {
            // perhaps placed, perhaps not: the next rounds ask the provider before calling again
            log.warn("Could not place a campaign call (attempt {}); it is checked later", call.attemptId(), e);
        }
    }

    /**
     * Calls claimed a while ago and still going on. Without a sid, the node that claimed them died or the
     * provider did not say: the provider is asked whether the call exists (then its sid is kept) or not (then
     * the lead is queued again and the attempt does not count), however long ago the claim was (a campaign
     * paused, or every node down, for hours). A placed call that never reported its end after
     * {@code lostAfter} counts as a lost attempt.
     */
    private void recover(Campaign campaign, Business business, Instant now) {
        for (LeadRow lead : leads.callingSince(campaign.id(), now.minus(properties.unplacedAfter()))) {
            String sid = lead.callSid();
            if (sid == null) {
                var call = call(campaign, business, lead.phone(), lead.attemptId(), lead.claimedAt());
                var placed = placer.placedFor(call);
                transactions.executeWithoutResult(status -> {
                    if (placed.isPresent()) {
                        leads.placed(lead.attemptId(), placed.get());
                    } else {
                        leads.notPlaced(lead.attemptId(), now, now);
                    }
                });
                if (placed.isEmpty()) {
                    continue;
                }
                sid = placed.get();
            }
            if (lead.claimedAt().isBefore(now.minus(properties.lostAfter()))) {
                outcomes.ended(lead.attemptId(), sid, "lost", null);
            }
        }
        // a call that booked a meeting and never reported its end does not hold a slot for ever
        transactions.executeWithoutResult(
                status -> leads.endLost(campaign.id(), now.minus(properties.lostAfter()), now));
    }

    private Instant next(UUID campaignId, Business business, Instant now) {
        Campaign campaign = campaigns.findAny(campaignId, false).orElse(null);
        if (campaign == null || campaign.status() != Campaign.Status.RUNNING) {
            return null;
        }
        var zones = leads.queuedZones(campaignId);
        long calling = Math.max(leads.inState(campaignId, Campaign.LeadState.CALLING), leads.inFlight(campaignId));
        if (zones.isEmpty() && calling == 0) {
            if (campaigns.move(campaignId, Campaign.Status.RUNNING, Campaign.Status.COMPLETED, now)) {
                events.publishEvent(new CampaignEvents.CampaignCompleted(business.id(), campaignId, now));
            }
            return null;
        }
        Instant soonest = now.plus(properties.tick());
        if (calling > 0) {
            return soonest;
        }
        Instant next = null;
        for (var z : zones) {
            Instant due = z.earliest().isAfter(now) ? z.earliest() : now;
            Instant opening = campaign.window().nextOpening(zone(z.timezone(), business), due);
            next = next == null || opening.isBefore(next) ? opening : next;
        }
        return next == null || next.isBefore(soonest) ? soonest : next;
    }

    OutboundCall call(Campaign campaign, Business business, String to, UUID attempt, Instant claimedAt) {
        String base = properties.publicBaseUrl();
        return new OutboundCall(
                business.id(),
                attempt,
                business.phoneNumbers().getFirst().e164(),
                to,
                base + OutboundWebhookController.ANSWER + "?attempt=" + attempt,
                base + OutboundWebhookController.STATUS + "?attempt=" + attempt,
                campaign.voicemail() == Campaign.Voicemail.LEAVE_MESSAGE ? "DetectMessageEnd" : "Enable",
                claimedAt);
    }

    /** The lead's time zone; the business's when it is not a valid one. */
    static ZoneId zone(String timezone, Business business) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return business.timezone();
        }
    }
}
