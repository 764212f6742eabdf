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
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business's phone calls, newest first. */
@RestController
@Tag(name = "Calls", description = "Phone calls answered by the assistant (X-API-Key)")
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
            String summary) {

        static CallJson of(CallRecordRepository.CallRecord c, Optional<Conversation> conversation) {
            return new CallJson(
                    c.id(),
                    "VOICE",
                    c.callSid(),
                    c.fromNumber(),
                    c.startedAt(),
                    c.endedAt(),
                    c.status(),
                    c.durationSeconds(),
                    c.recordingUrl(),
                    c.language(),
                    c.direction(),
                    conversation.map(Conversation::outcome).map(Enum::name).orElse(null),
                    conversation.map(Conversation::emergency).orElse(false),
                    conversation.map(Conversation::summary).orElse(null));
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
    @Operation(summary = "A call")
    CallJson get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        UUID call;
        try {
            call = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FrontdeskException.notFound("Call " + id);
        }
        return calls.find(business, call)
                .map(c -> CallJson.of(c, conversation(business, c)))
                .orElseThrow(() -> FrontdeskException.notFound("Call " + id));
    }
}
