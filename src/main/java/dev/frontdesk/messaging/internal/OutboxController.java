package dev.frontdesk.messaging.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
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
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox outbox: the SMS and email a business would have sent, newest first. */
@RestController
@Tag(name = "Outbox", description = "Messages sent in the sandbox (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class OutboxController {

    private static final Set<String> CHANNELS = Set.of("SMS", "EMAIL", "WHATSAPP");

    private final OutboxRepository outbox;
    private final JsonMapper json;

    OutboxController(OutboxRepository outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Schema(name = "OutboxMessage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutboxMessage(
            @Schema(example = "SMS") String channel,
            @Schema(example = "+16175550123") String to,
            String subject,

            @Schema(example = "Reminder: Drain cleaning with Bristol Plumbing tomorrow at 10:00 AM.")
            String body,

            @Schema(example = "REMINDER") String purpose,
            List<AttachmentJson> attachments,
            Instant createdAt) {}

    record AttachmentJson(String filename, String contentType, String content) {}

    @GetMapping("/api/outbox")
    @Operation(summary = "Messages sent in the sandbox", description = "Newest first; filter by channel.")
    PageResponse<OutboxMessage> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "SMS") @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        String wanted = channel == null ? null : channel.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !CHANNELS.contains(wanted)) {
            throw FrontdeskException.validation(List.of(new FieldError("channel", "must be one of " + CHANNELS)));
        }
        return outbox.page(business, wanted, PageQuery.of(page, pageSize))
                .map(e -> new OutboxMessage(
                        e.channel(),
                        e.recipient(),
                        e.subject(),
                        e.body(),
                        e.purpose(),
                        e.attachments() == null
                                ? null
                                : json.readValue(e.attachments(), new TypeReference<List<AttachmentJson>>() {}),
                        e.createdAt()));
    }
}
