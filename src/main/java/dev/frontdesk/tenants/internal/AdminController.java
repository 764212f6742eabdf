package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.BusinessStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The operator's API: create, list, change, suspend and re-key businesses. */
@RestController
@RequestMapping("/api/admin/businesses")
@Tag(name = "Admin", description = "Operator API, authenticated with X-Admin-Key")
@SecurityRequirement(name = "adminKey")
class AdminController {

    static final String CREATE_EXAMPLE = """
            {"name": "Bristol Plumbing", "timezone": "America/New_York", "phoneNumbers": ["+16175550100"],
             "ownerPhone": "+16175550142", "ownerEmail": "owner@bristolplumbing.example",
             "services": [{"name": "Drain cleaning", "durationMinutes": 60, "priceText": "from $120"}],
             "hours": {"MONDAY": ["08:00-17:00"], "SATURDAY": ["09:00-13:00"]}, "defaultLanguage": "en"}""";

    private final BusinessService businesses;
    private final AuditTrail audit;

    AdminController(BusinessService businesses, AuditTrail audit) {
        this.businesses = businesses;
        this.audit = audit;
    }

    @PostMapping
    @Operation(
            summary = "Create a business",
            description = "Returns the business with its API key and widget token. They are shown only this once.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(name = "plumber", value = CREATE_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Created; keys in apiKey and widgetToken")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "A phone number belongs to another business",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<BusinessResponse> create(@RequestBody BusinessRequest request) {
        var created = businesses.create(request, Actor.admin());
        var body = BusinessResponse.of(created.entity(), created.apiKey(), created.widgetToken());
        return ResponseEntity.created(URI.create("/api/admin/businesses/" + body.id()))
                .body(body);
    }

    @GetMapping
    @Operation(summary = "List businesses", description = "Paged, oldest first; filter by status.")
    PageResponse<BusinessResponse> list(
            @Parameter(example = "ACTIVE") @RequestParam(required = false) BusinessStatus status,
            @Parameter(example = "1") @RequestParam(required = false) Integer page,
            @Parameter(example = "50") @RequestParam(required = false) Integer pageSize) {
        return businesses.list(status, PageQuery.of(page, pageSize)).map(BusinessResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a business")
    BusinessResponse get(@Parameter(example = "0b6a4f8e-3c1d-4a57-9a0e-1d2f3c4b5a69") @PathVariable String id) {
        return BusinessResponse.of(businesses.get(parse(id)));
    }

    @PatchMapping(
            value = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change a business",
            description = "JSON merge patch (RFC 7386) over the business document: members given replace,"
                    + " null removes, objects such as settings merge.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = BusinessRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"greeting\": \"Bristol Plumbing, how can we help?\","
                                                                            + " \"hours\": {\"SUNDAY\": [\"10:00-14:00\"]}}"))))
    BusinessResponse patch(@PathVariable String id, @RequestBody JsonNode patch) {
        return BusinessResponse.of(businesses.patch(parse(id), patch, Actor.admin(), true));
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a business", description = "Its API key gets 403 until it is activated again.")
    BusinessResponse suspend(@PathVariable String id) {
        return BusinessResponse.of(businesses.setStatus(parse(id), BusinessStatus.SUSPENDED, Actor.admin()));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Activate a suspended business")
    BusinessResponse activate(@PathVariable String id) {
        return BusinessResponse.of(businesses.setStatus(parse(id), BusinessStatus.ACTIVE, Actor.admin()));
    }

    @PostMapping("/{id}/api-key")
    @Operation(
            summary = "Rotate the API key",
            description = "The old key stops working at once; the new one is shown once.")
    KeyResponse rotateApiKey(@PathVariable String id) {
        var key = businesses.rotateApiKey(parse(id), Actor.admin());
        return new KeyResponse(key.plain(), null, key.prefix());
    }

    @PostMapping("/{id}/widget-token")
    @Operation(
            summary = "Rotate the widget token",
            description = "The old token stops working at once; the new one is shown once.")
    KeyResponse rotateWidgetToken(@PathVariable String id) {
        var token = businesses.rotateWidgetToken(parse(id), Actor.admin());
        return new KeyResponse(null, token.plain(), token.prefix());
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Audit trail of a business", description = "Newest first: who changed what, when.")
    PageResponse<AuditTrail.AuditEvent> audit(
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        BusinessId business = businesses.get(parse(id)).business().id();
        return audit.page(business, PageQuery.of(page, pageSize));
    }

    /** A freshly issued key or token, shown once. */
    @Schema(name = "IssuedKey")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record KeyResponse(
            @Schema(example = "fdk_Xk3mP9qa_3q2-7wP0...") String apiKey,
            @Schema(example = "fdw_T7wQe2Lm_Vb8...") String widgetToken,
            @Schema(example = "Xk3mP9qa") String prefix) {}

    private static BusinessId parse(String id) {
        return BusinessId.parse(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
    }
}
