package dev.frontdesk.crm.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the customers and leads API. */
final class CustomerJson {

    private CustomerJson() {}

    static final String EXAMPLE = """
            {"name": "Dana Smith", "phone": "+16175550123", "email": "dana@example.com", "language": "en",
             "tags": ["vip"], "notes": "Prefers mornings", "lead": true}""";

    @Schema(name = "CustomerRequest", description = "A customer; phone is required, everything else optional")
    record Request(
            @Schema(example = "Dana Smith") String name,

            @Schema(example = "+16175550123", description = "Any common form; stored in E.164")
            String phone,

            @Schema(example = "dana@example.com") String email,

            @Schema(example = "en", description = "From the number when not given")
            String language,

            @Schema(example = "America/New_York", description = "IANA zone; from the number when not given")
            String timezone,

            @Schema(example = "NEW") Customer.Status status,
            @Schema(example = "Acme Leads") String partner,
            Boolean smsOptOut,
            Boolean doNotCall,
            String notes,
            @Schema(example = "[\"vip\"]") List<String> tags,

            @Schema(description = "In the outbound funnel (listed by GET /api/leads)")
            Boolean lead) {}

    @Schema(name = "Customer")
    record Response(
            UUID id,
            @Schema(example = "Dana Smith") String name,
            @Schema(example = "+16175550123") String phone,
            @Schema(example = "dana@example.com") String email,
            @Schema(example = "US") String country,
            @Schema(example = "en") String language,
            @Schema(example = "America/New_York") String timezone,
            @Schema(example = "NEW") String status,
            @Schema(example = "CSV") String source,
            @Schema(example = "Acme Leads") String partner,
            boolean lead,
            boolean smsOptOut,
            boolean doNotCall,
            String notes,
            List<String> tags,
            Instant createdAt,
            Instant updatedAt,
            Instant lastContactAt) {

        static Response of(Customer c) {
            return new Response(
                    c.id(),
                    c.name(),
                    c.phone(),
                    c.email(),
                    c.country(),
                    c.language(),
                    c.timezone(),
                    c.status().name(),
                    c.source().name(),
                    c.partner(),
                    c.lead(),
                    c.smsOptOut(),
                    c.doNotCall(),
                    c.notes(),
                    c.tags(),
                    c.createdAt(),
                    c.updatedAt(),
                    c.lastContactAt());
        }
    }

    /** The customer as the JSON a merge patch applies to. */
    static java.util.LinkedHashMap<String, Object> patchable(Customer c) {
        var shape = new java.util.LinkedHashMap<String, Object>();
        shape.put("name", c.name());
        shape.put("phone", c.phone());
        shape.put("email", c.email());
        shape.put("language", c.language());
        shape.put("timezone", c.timezone());
        shape.put("status", c.status().name());
        shape.put("partner", c.partner());
        shape.put("smsOptOut", c.smsOptOut());
        shape.put("doNotCall", c.doNotCall());
        shape.put("notes", c.notes());
        shape.put("tags", c.tags());
        shape.put("lead", c.lead());
        return shape;
    }
}
