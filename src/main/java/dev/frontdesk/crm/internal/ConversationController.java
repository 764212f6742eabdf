package dev.frontdesk.crm.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.Ids;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business's conversations on every channel, with transcripts and outcomes. */
@RestController
@Tag(name = "Conversations", description = "Conversations with outcomes and transcripts (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class ConversationController {

    private static final Set<String> CHANNELS = Set.of("VOICE", "SMS", "WHATSAPP", "WEB", "SIMULATOR");

    private final ConversationRepository repository;
    private final Conversations conversations;

    ConversationController(ConversationRepository repository, Conversations conversations) {
        this.repository = repository;
        this.conversations = conversations;
    }

    @Schema(name = "Conversation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationJson(
            UUID id,
            @Schema(example = "VOICE") String channel,
            @Schema(example = "+16175550123") String customerPhone,
            Instant startedAt,
            Instant endedAt,
            @Schema(example = "BOOKED") String outcome,
            boolean emergency,

            @Schema(example = "Booked Drain cleaning for Dana Smith on Tue Nov 24 at 10:00 AM.")
            String summary,

            @Schema(example = "en") String language,
            List<Conversations.Turn> transcript) {

        static ConversationJson of(Conversation c, List<Conversations.Turn> transcript) {
            return new ConversationJson(
                    c.id(),
                    c.channel(),
                    c.customerPhone(),
                    c.startedAt(),
                    c.endedAt(),
                    c.outcome() == null ? null : c.outcome().name(),
                    c.emergency(),
                    c.summary(),
                    c.language(),
                    transcript);
        }
    }

    @GetMapping("/api/conversations")
    @Operation(summary = "List conversations", description = "Newest first; filter by channel and outcome.")
    PageResponse<ConversationJson> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "VOICE") @RequestParam(required = false) String channel,
            @Parameter(example = "BOOKED") @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        String wantedChannel = channel(channel);
        String wantedOutcome = outcome(outcome);
        PageQuery query = PageQuery.of(page, pageSize);
        return PageResponse.of(
                        repository.page(business, wantedChannel, wantedOutcome, query),
                        repository.count(business, wantedChannel, wantedOutcome),
                        query)
                .map(c -> ConversationJson.of(c, null));
    }

    /** The channel filter, upper-cased, or null; a channel that does not exist is a 400. */
    static String channel(String channel) {
        String wanted = channel == null ? null : channel.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !CHANNELS.contains(wanted)) {
            throw FrontdeskException.validation(List.of(new FieldError("channel", "must be one of " + CHANNELS)));
        }
        return wanted;
    }

    /** The outcome filter, upper-cased, or null; an outcome that does not exist is a 400. */
    static String outcome(String outcome) {
        String wanted = outcome == null ? null : outcome.trim().toUpperCase(Locale.ROOT);
        if (wanted != null
                && Arrays.stream(Conversation.Outcome.values())
                        .noneMatch(o -> o.name().equals(wanted))) {
            throw FrontdeskException.validation(List.of(
                    new FieldError("outcome", "must be one of " + Arrays.toString(Conversation.Outcome.values()))));
        }
        return wanted;
    }

    @GetMapping("/api/conversations/{id}")
    @Operation(summary = "A conversation with its transcript")
    ConversationJson get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        UUID conversation = Ids.uuidOrNotFound(id, "Conversation");
        return conversations
                .find(business, conversation)
                .map(c -> ConversationJson.of(c, conversations.transcript(business, c.id())))
                .orElseThrow(() -> FrontdeskException.notFound("Conversation " + id));
    }
}
