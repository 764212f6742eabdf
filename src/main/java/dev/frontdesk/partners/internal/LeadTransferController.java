package dev.frontdesk.partners.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.crm.Customers.LeadOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Lead transfer by partners, authenticated by {@code X-Partner-Key} (not the business's API key). */
@RestController
@Tag(name = "Partner lead transfer", description = "Partners hand over leads (X-Partner-Key)")
@SecurityRequirement(name = "partnerKey")
class LeadTransferController {

    static final String EXAMPLE = "{\"leads\": [{\"name\": \"Dana Smith\", \"phone\": \"+16175550123\","
            + " \"email\": \"dana@example.com\", \"language\": \"en\"}]}";

    private final LeadTransfer transfer;

    LeadTransferController(LeadTransfer transfer) {
        this.transfer = transfer;
    }

    /** The outcome of each lead, in the order sent. */
    record Results(List<Result> results) {}

    /** One lead's outcome: CREATED or DUPLICATE with leadId, REJECTED with reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String phone, LeadOutcome.Status status, UUID leadId, String reason) {}

    @PostMapping("/api/leads/partner-transfer")
    @Operation(
            summary = "Transfer leads",
            description = "Each lead is checked like a CSV row and stored as a lead with source PARTNER and the"
                    + " partner's name; a number the business has is a DUPLICATE and left unchanged. Each lead in"
                    + " the batch counts against the partner's per-minute limit; a batch larger than what is"
                    + " left this minute is refused whole (429 with Retry-After), never half imported.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The outcome of each lead, in order")
    @ApiResponse(
            responseCode = "400",
            description = "No leads array",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "401",
            description = "Missing, unknown, rotated-away or inactive partner key",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "413",
            description = "More leads than one batch may carry (maxBatch)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "429",
            description = "Over the partner's per-minute limit; see Retry-After (seconds); nothing imported",
            content = @Content(mediaType = "application/problem+json"))
    Results transfer(
            @Parameter(description = "The partner's key") @RequestHeader(value = "X-Partner-Key", required = false)
                    String key,
            @RequestBody(required = false) JsonNode body,
            HttpServletResponse response) {
        try {
            return new Results(transfer.transfer(key, body).stream()
                    .map(o -> new Result(o.phone(), o.status(), o.leadId(), o.reason()))
                    .toList());
        } catch (LeadTransfer.RateLimited e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            throw e;
        }
    }
}
