package dev.frontdesk.campaigns.internal;

import dev.frontdesk.campaigns.CampaignEvents;
import dev.frontdesk.campaigns.internal.LeadRepository.LeadRow;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.Customers;
import dev.frontdesk.crm.Lead;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a call moves its lead through the funnel: a person who answered is CONTACTED, or NOT_INTERESTED when they
 * said so on the call (the call's conversation ended NOT_INTERESTED); no answer, busy, a
 * cancelled or lost call, an answering machine and a failed call (or one the provider refused to place) are
 * tried again after the campaign's backoff while retries are left, then NO_ANSWER, or FAILED when the last
 * call failed; a number that asked not to be called is
 * DO_NOT_CALL. A booking by the number during the call (or within the hour after) is MEETING_SCHEDULED.
 * Each move is conditional on the lead still being in the call, so redelivered callbacks change nothing.
 */
@Component
class Outcomes {

    private static final Set<String> RETRY = Set.of("busy", "no-answer", "failed", "canceled", "lost");
    static final Duration MEETING_AFTER_CALL = Duration.ofHours(1);

    private final LeadRepository leads;
    private final CampaignRepository campaigns;
    private final Customers customers;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outcomes(
            LeadRepository leads,
            CampaignRepository campaigns,
            Customers customers,
            Conversations conversations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.leads = leads;
        this.campaigns = campaigns;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The call of this attempt ended with Twilio's {@code CallStatus} (or {@code lost}); statuses of a call
     * still going on change nothing.
     *
     * @return the lead, when the call was this campaign's
     */
    @Transactional
    LeadRow ended(UUID attempt, String callSid, String callStatus, String answeredBy) {
        String status = callStatus == null ? "" : callStatus.toLowerCase(Locale.ROOT);
        boolean finalStatus = RETRY.contains(status) || status.equals("completed");
        LeadRow lead = leads.byAttempt(attempt, true).orElse(null);
        if (lead == null || !finalStatus) {
            return lead;
        }
        Instant now = clock.instant();
        if (callSid != null) {
            leads.placed(attempt, callSid);
        }
        if (leads.ended(attempt, status, now) && !status.equals("lost")) {
            // an answered call is in the business's calls (telephony's CallCompleted); this one is not
            leads.unanswered(attempt).ifPresent(events::publishEvent);
        }
        if (lead.state() != Campaign.LeadState.CALLING || !attempt.equals(lead.attemptId())) {
            return lead;
        }
        Campaign campaign = campaigns.findAny(lead.campaignId(), false).orElseThrow();
        String by = lead.answeredBy() != null ? lead.answeredBy() : answeredBy;
        boolean machine = by != null && (by.startsWith("machine") || by.equals("fax"));
        Campaign.LeadState state;
        Instant next = null;
        if (status.equals("completed") && !machine) {
            state = declined(lead, callSid) ? Campaign.LeadState.NOT_INTERESTED : Campaign.LeadState.CONTACTED;
        } else if (lead.attempts() <= campaign.retryAttempts()) {
            state = Campaign.LeadState.QUEUED;
            next = now.plus(Duration.ofMinutes(campaign.retryBackoffMinutes()));
        } else {
            // out of retries: a last call that failed (or that the provider refused) leaves the lead FAILED
            state = status.equals("failed") ? Campaign.LeadState.FAILED : Campaign.LeadState.NO_ANSWER;
        }
        if (!customers.doNotCall(lead.businessId(), List.of(lead.phone())).isEmpty()) {
            state = Campaign.LeadState.DO_NOT_CALL; // asked on the call not to be called again
        }
        if (leads.finish(attempt, state, next, now)) {
            moved(lead, state, now);
        }
        return lead;
    }

    /** Whether the person said on the call that they were not interested (the conversation's outcome). */
    private boolean declined(LeadRow lead, String callSid) {
        String sid = callSid != null ? callSid : lead.callSid();
        return sid != null
                && conversations
                        .findLatest(lead.businessId(), "VOICE", sid)
                        .filter(c -> c.outcome() == Conversation.Outcome.NOT_INTERESTED)
                        .isPresent();
    }

    /** Who answered this attempt's call; false when it was recorded before (a redelivered webhook). */
    @Transactional
    boolean answered(UUID attempt, String callSid, String answeredBy) {
        return leads.answered(attempt, callSid, answeredBy);
    }

    /** A booking by a lead's number while a campaign was calling it, or just after: the call booked a meeting. */
    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        var appointment = event.appointment();
        if (appointment.customer() == null || appointment.customer().phone() == null) {
            return;
        }
        Instant now = clock.instant();
        for (LeadRow lead : leads.meeting(
                appointment.businessId(), appointment.customer().phone().e164(), now.minus(MEETING_AFTER_CALL), now)) {
            moved(lead, Campaign.LeadState.MEETING_SCHEDULED, now);
        }
    }

    private void moved(LeadRow lead, Campaign.LeadState state, Instant now) {
        if (state != Campaign.LeadState.DO_NOT_CALL) {
            customers.moveInFunnel(lead.businessId(), List.of(lead.customerId()), Lead.Stage.valueOf(state.name()));
        }
        events.publishEvent(new CampaignEvents.LeadMoved(
                lead.businessId(), lead.campaignId(), lead.customerId(), state.name(), lead.attempts(), now));
    }
}
