package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.shared.CsvExports;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Conversations and leads as CSV downloads, with the filters of their lists. */
@RestController
@Tag(name = "Exports", description = "CSV downloads of calls, conversations, appointments and leads (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class CrmExportController {

    private static final String CSV_RULES = CsvExports.FORMAT + " Instants in UTC.";

    static final List<String> CONVERSATION_HEADER = List.of(
            "id", "channel", "customerPhone", "language", "startedAt", "endedAt", "outcome", "emergency", "summary");

    static final List<String> LEAD_HEADER = List.of(
            "id",
            "name",
            "phone",
            "email",
            "country",
            "language",
            "timezone",
            "status",
            "source",
            "partner",
            "doNotCall",
            "smsOptOut",
            "tags",
            "notes",
            "createdAt",
            "updatedAt",
            "lastContactAt");

    private final ConversationRepository conversations;
    private final CustomerRepository customers;
    private final CsvExports exports;

    CrmExportController(ConversationRepository conversations, CustomerRepository customers, CsvExports exports) {
        this.conversations = conversations;
        this.customers = customers;
        this.exports = exports;
    }

    @GetMapping("/api/conversations/export")
    @Operation(
            summary = "Export conversations as CSV",
            description = "Every conversation matching the filters of GET /api/conversations (channel, outcome),"
                    + " newest first, without transcripts," + CSV_RULES)
    @ApiResponse(
            responseCode = "200",
            description = "The CSV file (Content-Disposition: attachment)",
            content = @Content(mediaType = "text/csv"))
    @ApiResponse(
            responseCode = "400",
            description = "A filter is not valid",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<StreamingResponseBody> conversations(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "VOICE") @RequestParam(required = false) String channel,
            @Parameter(example = "BOOKED") @RequestParam(required = false) String outcome) {
        var query = conversations.export(
                business, ConversationController.channel(channel), ConversationController.outcome(outcome));
        return exports.download("conversations.csv", CONVERSATION_HEADER, query, CrmExportController::cells);
    }

    @GetMapping("/api/leads/export")
    @Operation(
            summary = "Export leads as CSV",
            description = "Every lead matching the filters of GET /api/leads (status, language, partner, tag, q),"
                    + " newest first; tags separated by '|'," + CSV_RULES)
    @ApiResponse(
            responseCode = "200",
            description = "The CSV file (Content-Disposition: attachment)",
            content = @Content(mediaType = "text/csv"))
    @ApiResponse(
            responseCode = "400",
            description = "A filter is not valid",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<StreamingResponseBody> leads(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "NEW") @RequestParam(required = false) String status,
            @Parameter(example = "es") @RequestParam(required = false) String language,
            @Parameter(example = "Acme Leads") @RequestParam(required = false) String partner,
            @Parameter(example = "vip") @RequestParam(required = false) String tag,
            @Parameter(example = "smith") @RequestParam(required = false) String q) {
        var filter = CustomerController.filter(true, status, language, partner, tag, q);
        return exports.download(
                "leads.csv", LEAD_HEADER, customers.export(business, filter), CrmExportController::cells);
    }

    static List<?> cells(Conversation c) {
        return Arrays.asList(
                c.id(),
                c.channel(),
                c.customerPhone(),
                c.language(),
                c.startedAt(),
                c.endedAt(),
                c.outcome() == null ? null : c.outcome().name(),
                c.emergency(),
                c.summary());
    }

    static List<?> cells(Customer c) {
        return Arrays.asList(
                c.id(),
                c.name(),
                c.phone(),
                c.email(),
                c.country(),
                c.language(),
                c.timezone(),
                c.status().name(),
                c.source() == null ? null : c.source().name(),
                c.partner(),
                c.doNotCall(),
                c.smsOptOut(),
                String.join("|", c.tags()),
                c.notes(),
                c.createdAt(),
                c.updatedAt(),
                c.lastContactAt());
    }
}
