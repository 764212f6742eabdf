package dev.frontdesk.scheduling.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connects a business's Google calendar (its busy times block bookings; bookings become events) and
 * video links on appointments: Zoom, or Google Meet on the connected Google calendar's events. Credentials are write-only: they are stored encrypted and never
 * shown again.
 */
@RestController
@Tag(
        name = "Integrations",
        description = "Google Calendar, Zoom or Google Meet, and the Google Sheets call log for a business (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class IntegrationsController {

    private final Integrations integrations;
    private final JsonMapper json;

    IntegrationsController(Integrations integrations, JsonMapper json) {
        this.integrations = integrations;
        this.json = json;
    }

    @Schema(name = "Integrations")
    record IntegrationsResponse(CalendarView calendar, MeetingsView meetings, ErrorView lastError) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CalendarView(
            @Schema(example = "google") String provider,
            @Schema(example = "primary") String calendarId,
            @Schema(example = "service-account") String auth) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeetingsView(
            @Schema(description = "zoom, google_meet or none", example = "zoom")
            String provider,

            @Schema(description = "Zoom's account id (none for Google Meet)", example = "a1B2c3D4")
            String accountId) {}

    record ErrorView(String message, Instant at) {}

    @Schema(name = "CalendarIntegration")
    record CalendarRequest(
            @Schema(description = "google, or internal to disconnect", example = "google") @NotBlank
            String provider,

            @Schema(example = "primary") @Size(max = 200) String calendarId,

            @Schema(description = "A service account's JSON key (object or string)")
            JsonNode serviceAccountKey,

            @Schema(
                    description = "With domain-wide delegation: the user to act as",
                    example = "owner@bristolplumbing.example")
            @Size(max = 320)
            String delegatedUser,

            @Valid OAuthRequest oauth) {}

    record OAuthRequest(
            @NotBlank @Size(max = 500) String clientId,
            @NotBlank @Size(max = 500) String clientSecret,
            @NotBlank @Size(max = 2000) String refreshToken) {}

    @Schema(name = "MeetingsIntegration")
    record MeetingsRequest(
            @Schema(
                    description = "zoom (with its Server-to-Server OAuth app's accountId, clientId and"
                            + " clientSecret); google_meet (no credentials of its own: Meet links are made on the"
                            + " events of the connected Google Calendar, which must be connected first, else 400);"
                            + " or none to disconnect",
                    example = "zoom")
            @NotBlank
            String provider,

            @Schema(description = "Zoom only") @Size(max = 200)
            String accountId,

            @Schema(description = "Zoom only") @Size(max = 500)
            String clientId,

            @Schema(description = "Zoom only") @Size(max = 500)
            String clientSecret) {}

    @GetMapping("/api/integrations")
    @Operation(summary = "The business's calendar and meeting-link providers (never the credentials)")
    IntegrationsResponse get(@Parameter(hidden = true) @CurrentBusiness BusinessId business) {
        return view(integrations.settings(business));
    }

    @PutMapping("/api/integrations/calendar")
    @Operation(
            summary = "Connect Google Calendar (or go back to the internal calendar)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(
                                                        name = "oauth",
                                                        value =
                                                                "{\"provider\": \"google\", \"calendarId\": \"primary\", \"oauth\":"
                                                                        + " {\"clientId\": \"...apps.googleusercontent.com\", \"clientSecret\":"
                                                                        + " \"...\", \"refreshToken\": \"1//...\"}}"),
                                                @ExampleObject(
                                                        name = "service account",
                                                        value =
                                                                "{\"provider\": \"google\", \"serviceAccountKey\": {\"type\":"
                                                                        + " \"service_account\", \"client_email\": \"...\", \"private_key\":"
                                                                        + " \"-----BEGIN PRIVATE KEY-----...\"}, \"delegatedUser\":"
                                                                        + " \"owner@example.com\"}"),
                                                @ExampleObject(
                                                        name = "disconnect",
                                                        value = "{\"provider\": \"internal\"}")
                                            })))
    IntegrationsResponse calendar(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Valid @RequestBody CalendarRequest request) {
        switch (request.provider().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "internal" -> integrations.saveCalendar(business, "internal", null, null, null);
            case "google" -> {
                if ((request.serviceAccountKey() == null) == (request.oauth() == null)) {
                    throw FrontdeskException.validation(List.of(
                            new FieldError("serviceAccountKey", "give either serviceAccountKey or oauth for Google")));
                }
                if (request.oauth() != null) {
                    integrations.saveCalendar(
                            business,
                            "google",
                            request.calendarId(),
                            "oauth",
                            new Integrations.GoogleCredentials(
                                    null,
                                    null,
                                    request.oauth().clientId(),
                                    request.oauth().clientSecret(),
                                    request.oauth().refreshToken()));
                } else {
                    String key = serviceAccountKey(request.serviceAccountKey());
                    integrations.saveCalendar(
                            business,
                            "google",
                            request.calendarId(),
                            "service-account",
                            new Integrations.GoogleCredentials(
                                    key, blankToNull(request.delegatedUser()), null, null, null));
                }
            }
            default ->
                throw FrontdeskException.validation(List.of(new FieldError("provider", "must be google or internal")));
        }
        return view(integrations.settings(business));
    }

    @PutMapping("/api/integrations/meetings")
    @Operation(
            summary = "Video links on appointments: Zoom (Server-to-Server OAuth app), Google Meet (on the connected"
                    + " Google Calendar), or none",
            description = "With google_meet each appointment's Google Calendar event carries its Meet conference"
                    + " (one event per appointment); the link goes on the appointment and into the confirmation."
                    + " Refused with 400 while no Google Calendar is connected; going back to the internal"
                    + " calendar ends Google Meet links (provider none).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(
                                                        name = "zoom",
                                                        value =
                                                                "{\"provider\": \"zoom\", \"accountId\": \"a1B2c3D4\", \"clientId\":"
                                                                        + " \"...\", \"clientSecret\": \"...\"}"),
                                                @ExampleObject(
                                                        name = "google meet",
                                                        value = "{\"provider\": \"google_meet\"}"),
                                                @ExampleObject(name = "disconnect", value = "{\"provider\": \"none\"}")
                                            })))
    IntegrationsResponse meetings(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Valid @RequestBody MeetingsRequest request) {
        switch (request.provider().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> integrations.saveMeetings(business, "none", null, null);
            case Integrations.ZOOM -> {
                List<FieldError> missing = new ArrayList<>();
                if (blankToNull(request.accountId()) == null) {
                    missing.add(new FieldError("accountId", "is required for Zoom"));
                }
                if (blankToNull(request.clientId()) == null) {
                    missing.add(new FieldError("clientId", "is required for Zoom"));
                }
                if (blankToNull(request.clientSecret()) == null) {
                    missing.add(new FieldError("clientSecret", "is required for Zoom"));
                }
                if (!missing.isEmpty()) {
                    throw FrontdeskException.validation(missing);
                }
                integrations.saveMeetings(
                        business,
                        Integrations.ZOOM,
                        request.accountId().trim(),
                        new Integrations.ZoomCredentials(
                                request.clientId().trim(),
                                request.clientSecret().trim()));
            }
            case Integrations.GOOGLE_MEET -> {
                if (!integrations.settings(business).hasCalendar()) {
                    throw FrontdeskException.badRequest(
                            "google-calendar-required",
                            "Google Calendar not connected",
                            "Google Meet links are made on the events of the business's Google Calendar;"
                                    + " connect it first with PUT /api/integrations/calendar");
                }
                integrations.saveMeetings(business, Integrations.GOOGLE_MEET, null, null);
            }
            default ->
                throw FrontdeskException.validation(
                        List.of(new FieldError("provider", "must be zoom, google_meet or none")));
        }
        return view(integrations.settings(business));
    }

    private String serviceAccountKey(JsonNode given) {
        JsonNode key = given;
        if (given.isString()) {
            try {
                key = json.readTree(given.asString());
            } catch (RuntimeException e) {
                key = null;
            }
        }
        if (key == null
                || !key.isObject()
                || !"service_account".equals(key.path("type").asString(""))
                || key.path("client_email").asString("").isBlank()
                || !key.path("private_key").asString("").contains("PRIVATE KEY")) {
            throw FrontdeskException.validation(List.of(new FieldError(
                    "serviceAccountKey",
                    "must be a service account's JSON key with type, client_email and private_key")));
        }
        String tokenUri = key.path("token_uri").asString("");
        if (!tokenUri.isEmpty() && !integrations.isGoogleTokenHost(host(tokenUri))) {
            throw FrontdeskException.validation(List.of(new FieldError(
                    "serviceAccountKey.token_uri",
                    "must be Google's token endpoint, " + integrations.googleTokenServer())));
        }
        return json.writeValueAsString(key);
    }

    private static String host(String uri) {
        try {
            return java.net.URI.create(uri.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static IntegrationsResponse view(Integrations.Settings s) {
        return new IntegrationsResponse(
                new CalendarView(s.calendarProvider(), s.hasCalendar() ? s.calendarId() : null, s.calendarAuth()),
                new MeetingsView(s.meetingsProvider(), s.meetingsAccount()),
                s.lastError() == null ? null : new ErrorView(s.lastError(), s.lastErrorAt()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
