package dev.frontdesk.partners.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.shared.Ids;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The business's partners: who may transfer leads, with which key and how fast. */
@RestController
@Tag(name = "Partners", description = "Lead partners of the business and their keys (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class PartnerController {

    static final String EXAMPLE = "{\"name\": \"Acme Leads\", \"ratePerMinute\": 60}";

    private final PartnerService partners;

    PartnerController(PartnerService partners) {
        this.partners = partners;
    }

    /** A partner as the API shows it; {@code key} only in the answers that create or rotate it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartnerJson(
            UUID id, String name, String key, String keyPrefix, int ratePerMinute, boolean active, Instant createdAt) {

        static PartnerJson of(Partner p, String key) {
            return new PartnerJson(p.id(), p.name(), key, p.keyPrefix(), p.ratePerMinute(), p.active(), p.createdAt());
        }
    }

    @PostMapping("/api/partners")
    @Operation(
            summary = "Add a partner",
            description = "Answers the partner's key (X-Partner-Key) once; it is stored only as a hash."
                    + " ratePerMinute (1 to 10,000, default 60) is how many leads a minute it may transfer.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Added; key shown only now")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "The business has a partner of this name",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PartnerJson> create(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody JsonNode body) {
        var created = partners.create(business, body);
        return ResponseEntity.created(
                        URI.create("/api/partners/" + created.partner().id()))
                .body(PartnerJson.of(created.partner(), created.key()));
    }

    @GetMapping("/api/partners")
    @Operation(summary = "List partners", description = "Oldest first, without keys (keyPrefix identifies one).")
    PageResponse<PartnerJson> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return partners.list(business, PageQuery.of(page, pageSize)).map(p -> PartnerJson.of(p, null));
    }

    @GetMapping("/api/partners/{id}")
    @Operation(summary = "Get a partner", description = "Without its key.")
    PartnerJson get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return PartnerJson.of(partners.get(business, Ids.uuidOrNotFound(id, "Partner")), null);
    }

    @PostMapping("/api/partners/{id}/key")
    @Operation(
            summary = "Rotate a partner's key",
            description = "Answers the new key once; the old key stops working at once.")
    PartnerJson rotateKey(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        var rotated = partners.rotateKey(business, Ids.uuidOrNotFound(id, "Partner"));
        return PartnerJson.of(rotated.partner(), rotated.key());
    }

    @PostMapping("/api/partners/{id}/deactivate")
    @Operation(summary = "Deactivate a partner", description = "Its key is refused (401) until it is activated.")
    PartnerJson deactivate(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return PartnerJson.of(partners.setActive(business, Ids.uuidOrNotFound(id, "Partner"), false), null);
    }

    @PostMapping("/api/partners/{id}/activate")
    @Operation(summary = "Activate a partner", description = "Its current key works again.")
    PartnerJson activate(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return PartnerJson.of(partners.setActive(business, Ids.uuidOrNotFound(id, "Partner"), true), null);
    }
}
