package dev.frontdesk.webhooks.internal;

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
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The business's outgoing webhooks, their delivery log and replays. */
@RestController
@Tag(name = "Webhooks", description = "Signed outgoing webhooks of the business (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class WebhookController {

    static final String EXAMPLE =
            "{\"url\": \"https://example.com/frontdesk\", \"events\": [\"appointment.booked\", \"lead.status_changed\"]}";

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** A webhook; {@code secret} only in the answer that creates it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookJson(UUID id, String url, List<String> events, String secret, Instant createdAt) {
        static WebhookJson of(Webhook w, String secret) {
            return new WebhookJson(w.id(), w.url(), w.events(), secret, w.createdAt());
        }
    }

    /** A delivery as the log shows it; {@code payload} is the exact body sent. */
    record DeliveryJson(
            UUID id,
            String event,
            UUID eventId,
            String status,
            int attempts,
            Integer responseStatus,
            String error,
            UUID replayOf,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant deliveredAt,
            String payload) {
        static DeliveryJson of(Delivery d) {
            return new DeliveryJson(
                    d.id(),
                    d.event(),
                    d.eventId(),
                    d.status().name(),
                    d.attempts(),
                    d.responseStatus(),
                    d.error(),
                    d.replayOf(),
                    d.createdAt(),
                    d.lastAttemptAt(),
                    d.deliveredAt(),
                    d.payload());
        }
    }

    @PostMapping("/api/webhooks")
    @Operation(
            summary = "Register a webhook",
            description = "url: https to a public address (http and private addresses only with"
                    + " FRONTDESK_WEBHOOKS_ALLOW_PRIVATE=true). events: any of call.completed, conversation.ended,"
                    + " appointment.booked, appointment.rescheduled, appointment.cancelled, lead.status_changed,"
                    + " message.taken. Answers the signing secret once. Each delivery is a POST of"
                    + " {id, type, createdAt, businessId, data} with X-Frontdesk-Signature: t=<unix seconds>,"
                    + "v1=<hex HMAC-SHA256(secret, t + \".\" + body)>.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Registered; secret shown only now")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid url or events, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "The business has 10 webhooks already",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<WebhookJson> create(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody JsonNode body) {
        var created = webhooks.create(business, body);
        return ResponseEntity.created(
                        URI.create("/api/webhooks/" + created.webhook().id()))
                .body(WebhookJson.of(created.webhook(), created.secret()));
    }

    @GetMapping("/api/webhooks")
    @Operation(summary = "List webhooks", description = "Oldest first, without secrets.")
    PageResponse<WebhookJson> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return webhooks.list(business, PageQuery.of(page, pageSize)).map(w -> WebhookJson.of(w, null));
    }

    @GetMapping("/api/webhooks/{id}")
    @Operation(summary = "Get a webhook", description = "Without its secret.")
    WebhookJson get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return WebhookJson.of(webhooks.get(business, Ids.uuidOrNotFound(id, "Webhook")), null);
    }

    @DeleteMapping("/api/webhooks/{id}")
    @Operation(summary = "Delete a webhook", description = "With its delivery log; pending retries are dropped.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        webhooks.delete(business, Ids.uuidOrNotFound(id, "Webhook"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    @Operation(
            summary = "A webhook's delivery log",
            description = "Newest first: PENDING (being tried or waiting for a retry), DELIVERED or FAILED, with"
                    + " the attempts, the last answer's HTTP status or error, and the body sent.")
    PageResponse<DeliveryJson> deliveries(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return webhooks.deliveries(business, Ids.uuidOrNotFound(id, "Webhook"), PageQuery.of(page, pageSize))
                .map(DeliveryJson::of);
    }

    @PostMapping("/api/webhooks/{id}/deliveries/{deliveryId}/replay")
    @Operation(
            summary = "Replay a delivery",
            description = "Sends the logged body again as a new delivery (same event id, new delivery id, fresh"
                    + " signature), retried like any other.")
    @ApiResponse(responseCode = "202", description = "The new delivery, PENDING")
    ResponseEntity<DeliveryJson> replay(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @PathVariable String deliveryId) {
        var replay = webhooks.replay(
                business, Ids.uuidOrNotFound(id, "Webhook"), Ids.uuidOrNotFound(deliveryId, "Delivery"));
        return ResponseEntity.accepted().body(DeliveryJson.of(replay));
    }
}
