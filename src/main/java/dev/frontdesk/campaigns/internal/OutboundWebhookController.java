package dev.frontdesk.campaigns.internal;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.campaigns.internal.LeadRepository.LeadRow;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks for a campaign's calls (signed like every {@code /twilio/**} webhook: the telephony
 * module's interceptor checks them). The answer ({@code AnsweredBy} from answering-machine detection): a
 * person hears who is calling, for which business and why, then talks with the assistant through the
 * usual {@code <Gather>} turns; a machine gets the voicemail message or a hang-up, as the campaign says.
 * The status callback moves the lead through the funnel.
 */
@RestController
@Hidden
class OutboundWebhookController {

    private static final Logger log = LoggerFactory.getLogger(OutboundWebhookController.class);
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    static final String ANSWER = "/twilio/voice/outbound";
    static final String STATUS = "/twilio/voice/outbound/status";

    private final LeadRepository leads;
    private final CampaignRepository campaigns;
    private final Outcomes outcomes;
    private final Tenants tenants;
    private final Assistant assistant;
    private final Calls calls;
    private final Conversations conversations;
    private final Clock clock;

    OutboundWebhookController(
            LeadRepository leads,
            CampaignRepository campaigns,
            Outcomes outcomes,
            Tenants tenants,
            Assistant assistant,
            Calls calls,
            Conversations conversations,
            Clock clock) {
        this.leads = leads;
        this.campaigns = campaigns;
        this.outcomes = outcomes;
        this.tenants = tenants;
        this.assistant = assistant;
        this.calls = calls;
        this.conversations = conversations;
        this.clock = clock;
    }

    @PostMapping(ANSWER)
    ResponseEntity<String> answer(@RequestParam Map<String, String> params) {
        UUID attempt = attempt(params);
        String callSid = params.get("CallSid");
        Optional<LeadRow> lead = attempt == null ? Optional.empty() : leads.byAttempt(attempt, false);
        if (lead.isEmpty()
                || callSid == null
                || (lead.get().state() != Campaign.LeadState.CALLING
                        && lead.get().state() != Campaign.LeadState.MEETING_SCHEDULED)) {
            return twiml(OutboundTwiml.sayAndHangUp(null, "en"));
        }
        LeadRow row = lead.get();
        Campaign campaign = campaigns.findAny(row.campaignId(), false).orElseThrow();
        Business business = tenants.find(row.businessId()).orElseThrow();
        String answeredBy = answeredBy(params.get("AnsweredBy"));
        boolean first = outcomes.answered(attempt, callSid, answeredBy);
        String language = Openings.language(row.language());
        if (first) {
            // in the business's call records (GET /api/calls) like a received call, direction outbound-api, naming
            // the campaign
            calls.outboundAnswered(
                    business.id(),
                    campaign.id(),
                    callSid,
                    business.phoneNumbers().getFirst().e164(),
                    row.phone(),
                    language,
                    clock.instant());
        }
        if (answeredBy.startsWith("machine") || answeredBy.equals("fax")) {
            if (campaign.voicemail() == Campaign.Voicemail.HANG_UP || answeredBy.equals("fax")) {
                return twiml(OutboundTwiml.sayAndHangUp(null, language));
            }
            String callBack = business.phoneNumbers().getFirst().e164();
            return twiml(OutboundTwiml.sayAndHangUp(
                    Openings.voicemail(language, row.name(), business.name(), campaign.purpose(), callBack), language));
        }
        String line =
                Openings.opening(language, row.name(), business.name(), campaign.purpose(), campaign.openingScript());
        if (first) {
            UUID conversation = assistant
                    .open(
                            new InboundTurn(business.id(), Channel.VOICE, callSid, "", language, null, row.phone()),
                            line,
                            row.name())
                    .conversationId();
            // the dashboard's conversations list finds it among the campaign's
            conversations.fromCampaign(business.id(), conversation, campaign.id());
        }
        return twiml(OutboundTwiml.opening(line, language));
    }

    @PostMapping(STATUS)
    ResponseEntity<Void> status(@RequestParam Map<String, String> params) {
        UUID attempt = attempt(params);
        String callSid = params.get("CallSid");
        if (attempt != null) {
            if (callSid != null && "completed".equalsIgnoreCase(params.get("CallStatus"))) {
                // the conversation's outcome first (a person who said they were not interested), then the lead's
                leads.byAttempt(attempt, false).ifPresent(lead -> closeConversation(lead, callSid));
            }
            LeadRow lead =
                    outcomes.ended(attempt, callSid, params.get("CallStatus"), answeredBy(params.get("AnsweredBy")));
            if (lead != null && callSid != null) {
                calls.outboundEnded(
                        callSid, params.get("CallStatus"), duration(params.get("CallDuration")), clock.instant());
            }
        }
        return ResponseEntity.noContent().build();
    }

    private void closeConversation(LeadRow lead, String callSid) {
        try {
            assistant.hangUp(lead.businessId(), Channel.VOICE, callSid);
        } catch (RuntimeException e) {
            log.warn("Could not close the conversation of campaign call {}", callSid, e);
        }
    }

    /** Twilio's AnsweredBy ({@code human}, {@code machine_start}, …); {@code unknown} when absent or odd. */
    static String answeredBy(String value) {
        return value == null || !value.strip().matches("[a-z_]{1,32}") ? "unknown" : value.strip();
    }

    private static Integer duration(String seconds) {
        try {
            return seconds == null ? null : Integer.valueOf(seconds.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID attempt(Map<String, String> params) {
        try {
            String value = params.get("attempt");
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<String> twiml(String xml) {
        return ResponseEntity.ok().contentType(XML).body(xml);
    }

    /** Nothing reaches the person called as a stack trace: a failure ends the call politely. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("A campaign call webhook failed", e);
        return twiml(OutboundTwiml.sayAndHangUp(
                "Sorry, something went wrong on our side. We'll call you another time. Goodbye.", "en"));
    }
}
