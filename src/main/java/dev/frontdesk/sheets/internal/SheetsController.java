package dev.frontdesk.sheets.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.Audit;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connects a Google spreadsheet as the business's call log, with a service account's key (write-only: stored
 * encrypted, never shown again; the spreadsheet must be shared with the account's email), or disconnects it.
 */
@RestController
@Tag(
        name = "Integrations",
        description = "Google Calendar, Zoom and the Google Sheets call log for a business (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class SheetsController {

    private static final Pattern SPREADSHEET_ID = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final SheetsConnections connections;
    private final GoogleSheetsAppender google;
    private final JsonMapper json;
    private final Audit audit;

    SheetsController(SheetsConnections connections, GoogleSheetsAppender google, JsonMapper json, Audit audit) {
        this.connections = connections;
        this.google = google;
        this.json = json;
        this.audit = audit;
    }

    @Schema(name = "SheetsCallLog")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(
            boolean connected,

            @Schema(example = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms")
            String spreadsheetId,

            @Schema(description = "The tab rows go to; absent: the first tab", example = "Calls")
            String sheet,

            @Schema(
                    description = "Share the spreadsheet with this address (as an editor)",
                    example = "call-log@my-project.iam.gserviceaccount.com")
            String serviceAccountEmail,

            @Schema(description = "The columns of each row, in order")
            List<String> columns,

            Instant connectedAt,
            ErrorView lastError) {}

    record ErrorView(String message, Instant at) {}

    @Schema(name = "SheetsCallLogRequest")
    record Request(
            @Schema(example = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms")
            String spreadsheetId,

            @Schema(description = "A tab of the spreadsheet; the first tab when absent", example = "Calls")
            String sheet,

            @Schema(description = "A service account's JSON key (object or string)")
            JsonNode serviceAccountKey) {}

    @GetMapping("/api/integrations/sheets")
    @Operation(summary = "The business's Google Sheets call log (never the key)")
    View get(@Parameter(hidden = true) @CurrentBusiness BusinessId business) {
        return connections
                .find(business)
                .map(c -> new View(
                        true,
                        c.spreadsheetId(),
                        c.sheetName(),
                        c.clientEmail(),
                        CallLogJob.COLUMNS,
                        c.connectedAt(),
                        c.lastError() == null ? null : new ErrorView(c.lastError(), c.lastErrorAt())))
                .orElse(new View(false, null, null, null, CallLogJob.COLUMNS, null, null));
    }

    @PutMapping("/api/integrations/sheets")
    @Operation(
            summary = "Connect a Google Sheets call log",
            description = "Every finished call is then appended as one row (columns: Time in the business's time"
                    + " zone, Direction, Number, Customer, Duration (s), Outcome, Summary, Campaign), off the call's"
                    + " path, retried with backoff while Google fails. Share the spreadsheet with the service"
                    + " account's client_email as an editor.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"spreadsheetId\": \"1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms\","
                                                                            + " \"sheet\": \"Calls\", \"serviceAccountKey\": {\"type\":"
                                                                            + " \"service_account\", \"client_email\": \"...\", \"private_key\":"
                                                                            + " \"-----BEGIN PRIVATE KEY-----...\"}}"))))
    @ApiResponse(responseCode = "200", description = "Connected")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    View connect(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody Request request) {
        if (request == null) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String spreadsheetId =
                request.spreadsheetId() == null ? "" : request.spreadsheetId().strip();
        if (!SPREADSHEET_ID.matcher(spreadsheetId).matches()) {
            errors.add(new FieldError(
                    "spreadsheetId", "must be the id in the spreadsheet's address (/spreadsheets/d/<id>/edit)"));
        }
        String sheet = request.sheet() == null || request.sheet().isBlank()
                ? null
                : request.sheet().strip();
        if (sheet != null && (sheet.length() > 100 || sheet.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("sheet", "must be a tab name of at most 100 characters"));
        }
        JsonNode key = key(request.serviceAccountKey());
        if (key == null) {
            errors.add(new FieldError(
                    "serviceAccountKey",
                    "must be a service account's JSON key with type, client_email and private_key"));
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        String keyJson = json.writeValueAsString(key);
        try {
            google.check(keyJson);
        } catch (IllegalArgumentException e) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("serviceAccountKey", "the private key cannot be read")));
        }
        connections.connect(
                business, spreadsheetId, sheet, key.path("client_email").asString(), keyJson);
        audit.record(business, "sheets.connected", "call log spreadsheet " + spreadsheetId);
        return get(business);
    }

    @DeleteMapping("/api/integrations/sheets")
    @Operation(
            summary = "Disconnect the Google Sheets call log",
            description = "The key is deleted; no row is sent after.")
    @ApiResponse(responseCode = "204", description = "Disconnected (or was not connected)")
    ResponseEntity<Void> disconnect(@Parameter(hidden = true) @CurrentBusiness BusinessId business) {
        connections.disconnect(business);
        audit.record(business, "sheets.disconnected", "call log");
        return ResponseEntity.noContent().build();
    }

    private JsonNode key(JsonNode given) {
        JsonNode key = given;
        if (given != null && given.isString()) {
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
                || key.path("client_email").asString("").length() > 320
                || !key.path("private_key").asString("").contains("PRIVATE KEY")) {
            return null;
        }
        return key;
    }
}
