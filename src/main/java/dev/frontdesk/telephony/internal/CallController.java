package dev.frontdesk.telephony.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
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

    CallController(CallRecordRepository calls, Conversations conversations) {
        this.calls = calls;
        this.conversations = conversations;
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

            @Schema(description = "The call's transcript, turn by turn (single call only)")
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<Conversations.Turn> transcript) {

        static CallJson of(CallRecordRepository.CallRecord c, Optional<Conversation> conversation) {
            return of(c, conversation, null);
        }

        static CallJson of(
                CallRecordRepository.CallRecord c,
                Optional<Conversation> conversation,
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
                    transcript);
        }
    }

    @GetMapping("/api/calls")
    @Operation(summary = "List calls", description = "Newest first.")
    PageResponse<CallJson> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        PageQuery query = PageQuery.of(page, pageSize);
        return PageResponse.of(calls.page(business, query), calls.count(business), query)
                .map(c -> CallJson.of(c, conversation(business, c)));
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
                            conversation
                                    .map(found -> conversations.transcript(business, found.id()))
                                    .orElse(List.of()));
                })
                .orElseThrow(() -> FrontdeskException.notFound("Call " + id));
    }
}
