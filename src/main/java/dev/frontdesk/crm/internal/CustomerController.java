package dev.frontdesk.crm.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The business's customers and leads (one per phone number). */
@RestController
@Tag(name = "Customers", description = "Customers and leads, one per phone number (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class CustomerController {

    private final CustomerService customers;
    private final Timeline timeline;
    private final Privacy privacy;

    CustomerController(CustomerService customers, Timeline timeline, Privacy privacy) {
        this.customers = customers;
        this.timeline = timeline;
        this.privacy = privacy;
    }

    @GetMapping("/api/customers")
    @Operation(
            summary = "List customers",
            description = "Newest first; filter by status, language, partner, tag, lead and free text (q: name,"
                    + " phone, email, notes).")
    PageResponse<CustomerJson.Response> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "NEW") @RequestParam(required = false) String status,
            @Parameter(example = "es") @RequestParam(required = false) String language,
            @Parameter(example = "Acme Leads") @RequestParam(required = false) String partner,
            @Parameter(example = "vip") @RequestParam(required = false) String tag,
            @Parameter(example = "smith") @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean lead,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        var filter = filter(lead, status, language, partner, tag, q);
        return customers.list(business, filter, PageQuery.of(page, pageSize)).map(CustomerJson.Response::of);
    }

    @GetMapping("/api/leads")
    @Operation(
            summary = "List leads",
            description = "Customers in the outbound funnel (imported, from partners, or marked lead); newest first,"
                    + " with the same filters as the customers list.")
    PageResponse<CustomerJson.Response> leads(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "NEW") @RequestParam(required = false) String status,
            @Parameter(example = "es") @RequestParam(required = false) String language,
            @Parameter(example = "Acme Leads") @RequestParam(required = false) String partner,
            @Parameter(example = "vip") @RequestParam(required = false) String tag,
            @Parameter(example = "smith") @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        var filter = filter(true, status, language, partner, tag, q);
        return customers.list(business, filter, PageQuery.of(page, pageSize)).map(CustomerJson.Response::of);
    }

    @PostMapping("/api/customers")
    @Operation(
            summary = "Add a customer",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = CustomerJson.Request.class),
                                            examples = @ExampleObject(value = CustomerJson.EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "A customer with this phone exists (customerId)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CustomerJson.Response> create(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody JsonNode body) {
        Customer customer = customers.create(business, body);
        return ResponseEntity.created(URI.create("/api/customers/" + customer.id()))
                .body(CustomerJson.Response.of(customer));
    }

    @GetMapping("/api/customers/{id}")
    @Operation(summary = "Get a customer")
    CustomerJson.Response get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return CustomerJson.Response.of(customers.get(business, Ids.uuidOrNotFound(id, "Customer")));
    }

    @PatchMapping(
            value = "/api/customers/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change a customer",
            description = "JSON merge patch: members given replace the customer's; doNotCall true sets the"
                    + " DO_NOT_CALL status.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = CustomerJson.Request.class))))
    CustomerJson.Response patch(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestBody JsonNode body) {
        return CustomerJson.Response.of(customers.patch(business, Ids.uuidOrNotFound(id, "Customer"), body));
    }

    @DeleteMapping("/api/customers/{id}")
    @Operation(
            summary = "Erase a customer",
            description = "Deletes the customer, anonymises their conversations and transcripts, keeps their"
                    + " appointments without personal data; written to the audit trail.")
    @ApiResponse(responseCode = "204", description = "Erased")
    ResponseEntity<Void> erase(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        privacy.erase(business, Ids.uuidOrNotFound(id, "Customer"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/customers/{id}/timeline")
    @Operation(
            summary = "A customer's timeline",
            description = "Conversations, appointments and messages for staff of the customer's number, newest"
                    + " first (up to 200 of each kind).")
    PageResponse<Timeline.Entry> timeline(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return timeline.of(business, Ids.uuidOrNotFound(id, "Customer"), PageQuery.of(page, pageSize));
    }

    @GetMapping("/api/customers/{id}/export")
    @Operation(
            summary = "Export a customer's data",
            description = "Everything held about the customer as JSON: the customer, conversations with"
                    + " transcripts, appointments, messages; written to the audit trail.")
    ResponseEntity<Privacy.Export> export(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        var export = privacy.export(business, Ids.uuidOrNotFound(id, "Customer"));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"")
                .body(export);
    }

    static CustomerRepository.Filter filter(
            Boolean lead, String status, String language, String partner, String tag, String q) {
        List<FieldError> errors = new ArrayList<>();
        Customer.Status wantedStatus = null;
        if (blank(status) != null) {
            try {
                wantedStatus = Customer.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + List.of(Customer.Status.values())));
            }
        }
        String wantedLanguage = CustomerInput.language(blank(language), errors);
        for (var param : List.of(new String[] {"partner", partner}, new String[] {"tag", tag}, new String[] {"q", q})) {
            if (param[1] != null && param[1].length() > 200) {
                errors.add(new FieldError(param[0], "must be at most 200 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return new CustomerRepository.Filter(lead, wantedStatus, wantedLanguage, blank(partner), blank(tag), blank(q));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
