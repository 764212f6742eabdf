package dev.frontdesk.telephony.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business's phone calls, newest first. */
@RestController
@Tag(
        name = "Calls",
        description = "Phone calls the assistant took: received (direction inbound) and campaign calls answered by a"
                + " person or a machine (direction outbound-api) (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class CallController {

    private final CallRecordRepository calls;
    private final Conversations conversations;
    private final CallCampaignNames campaigns;

    CallController(CallRecordRepository calls, Conversations conversations, CallCampaignNames campaigns) {
        this.calls = calls;
        this.conversations = conversations;
        this.campaigns = campaigns;
    }

    @Schema(name = "CallCampaign", description = "The outbound campaign that placed the call")
    record CampaignJson(
            UUID id,

            @Schema(description = "The campaign's name now (null if it cannot be read)", example = "Winter checks")
            String name) {

        static CampaignJson of(Calls.CallCampaign campaign) {
            return campaign == null ? null : new CampaignJson(campaign.id(), campaign.name());
        }
    }

    @Schema(name = "Call")
    record CallJson(
            UUID id,
            @Schema(example = "VOICE") String channel,

            @Schema(example = "CA0123456789abcdef0123456789abcdef")
            String callSid,

            @Schema(example = "+16175550123") String customerPhone,
            Instant startedAt,
            Instant endedAt,
            @Schema(example = "completed") String status,
            @Schema(example = "94") Integer durationSeconds,
            String recordingUrl,
            @Schema(example = "en") String language,
            @Schema(example = "inbound") String direction,
            @Schema(example = "BOOKED") String outcome,
            boolean emergency,

            @Schema(example = "Booked Drain cleaning for Dana Smith.")
            String summary,

            @Schema(
                    description =
                            "The campaign that placed the call (direction outbound-api); null for a received call",
                    nullable = true)
            CampaignJson campaign,

            @Schema(description = "The call's transcript, turn by turn (single call only)")
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<Conversations.Turn> transcript) {

        static CallJson of(
                CallRecordRepository.CallRecord c, Optional<Conversation> conversation, Calls.CallCampaign campaign) {
            return of(c, conversation, campaign, null);
        }

        static CallJson of(
                CallRecordRepository.CallRecord c,
                Optional<Conversation> conversation,
                Calls.CallCampaign campaign,
                List<Conversations.Turn> transcript) {
            return new CallJson(
                    c.id(),
                    "VOICE",
                    c.callSid(),
                    // the person on the line: the caller, or the one the business called
                    c.direction() != null && c.direction().startsWith("outbound") ? c.toNumber() : c.fromNumber(),
                    c.startedAt(),
                    c.endedAt(),
                    c.status(),
                    c.durationSeconds(),
                    c.recordingUrl(),
                    c.language(),
                    c.direction(),
                    conversation.map(Conversation::outcome).map(Enum::name).orElse(null),
                    conversation.map(Conversation::emergency).orElse(false),
                    conversation.map(Conversation::summary).orElse(null),
                    CampaignJson.of(campaign),
                    transcript);
        }
    }

    @GetMapping("/api/calls")
    @Operation(
            summary = "List calls",
            description = "Newest first. Each call names the campaign that placed it (campaign, null for a received"
                    + " call); campaign=<id> lists one campaign's answered calls.")
    PageResponse<CallJson> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(
                            description = "Only the calls this campaign of the business placed (its id); another"
                                    + " business's campaign lists nothing; not a UUID is a 400 validation problem")
                    @RequestParam(required = false)
                    String campaign,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        UUID ofCampaign = campaignFilter(campaign);
        PageQuery query = PageQuery.of(page, pageSize);
        var found = calls.page(business, ofCampaign, query);
        Map<UUID, Calls.CallCampaign> named = campaigns.of(
                business,
                found.stream().map(CallRecordRepository.CallRecord::campaignId).toList());
        return PageResponse.of(found, calls.count(business, ofCampaign), query)
                .map(c -> CallJson.of(c, conversation(business, c), named.get(c.campaignId())));
    }

    /** The {@code campaign} filter of the calls' list and export: null when absent; a 400 when not a UUID. */
    static UUID campaignFilter(String campaign) {
        if (campaign == null || campaign.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(campaign.strip());
        } catch (IllegalArgumentException e) {
            throw FrontdeskException.validation(
                    List.of(new FrontdeskException.FieldError("campaign", "must be a campaign id")));
        }
    }

    /** The assistant's conversation of a call (keyed by its CallSid): outcome, emergency, summary. */
    private Optional<Conversation> conversation(BusinessId business, CallRecordRepository.CallRecord call) {
        return call.callSid() == null ? Optional.empty() : conversations.findLatest(business, "VOICE", call.callSid());
    }

    @GetMapping("/api/calls/{id}")
    @Operation(summary = "A call with its outcome, summary and transcript")
    CallJson get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        UUID call = dev.frontdesk.shared.Ids.uuidOrNotFound(id, "Call");
        return calls.find(business, call)
                .map(c -> {
                    var conversation = conversation(business, c);
                    return CallJson.of(
                            c,
                            conversation,
                            campaigns.of(business, c.campaignId()),
                            conversation
                                    .map(found -> conversations.transcript(business, found.id()))
                                    .orElse(List.of()));
                })
                .orElseThrow(() -> FrontdeskException.notFound("Call " + id));
    }
}
