package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.Ids;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A business reading and changing its own profile and settings, and reading its audit trail. */
@RestController
@Tag(name = "Settings", description = "A business's own profile and settings (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class SettingsController {

    private final BusinessService businesses;
    private final AuditTrail audit;

    SettingsController(BusinessService businesses, AuditTrail audit) {
        this.businesses = businesses;
        this.audit = audit;
    }

    @GetMapping("/api/settings")
    @Operation(summary = "Read your business's profile and settings")
    BusinessResponse get(@Parameter(hidden = true) @CurrentBusiness BusinessId business) {
        return BusinessResponse.of(businesses.get(business));
    }

    @PatchMapping(
            value = "/api/settings",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change your business's profile and settings",
            description = "JSON merge patch (RFC 7386). Phone numbers are managed by the operator.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = BusinessRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"hours\": {\"SATURDAY\": [\"09:00-13:00\"]},"
                                                                            + " \"settings\": {\"scheduling\": {\"minNoticeMinutes\": 60}}}"))))
    BusinessResponse patch(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(hidden = true) @RequestAttribute(TenantsWebConfiguration.KEY_PREFIX_ATTRIBUTE) String keyPrefix,
            @RequestBody JsonNode patch) {
        return BusinessResponse.of(businesses.patch(business, patch, Actor.apiKey(keyPrefix), false));
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Your audit trail", description = "Newest first: who changed what, when.")
    PageResponse<AuditTrail.AuditEvent> audit(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return audit.page(business, PageQuery.of(page, pageSize));
    }

    @GetMapping("/api/audit/{id}")
    @Operation(summary = "One audit event")
    AuditTrail.AuditEvent auditEvent(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        UUID eventId = Ids.uuidOrNotFound(id, "Audit event");
        return audit.find(business, eventId).orElseThrow(() -> FrontdeskException.notFound("Audit event " + id));
    }
}
