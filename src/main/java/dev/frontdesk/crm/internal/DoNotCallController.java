package dev.frontdesk.crm.internal;

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
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business's do-not-call list: numbers no campaign calls, kept as keyed hashes. */
@RestController
@Tag(
        name = "Do-not-call list",
        description = "Numbers no campaign calls, kept even when the customer is erased; only a keyed hash of each"
                + " number is stored, so entries show the last two digits (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class DoNotCallController {

    private final DoNotCallService doNotCall;

    DoNotCallController(DoNotCallService doNotCall) {
        this.doNotCall = doNotCall;
    }

    @Schema(name = "DoNotCallEntry", description = "An entry of the do-not-call list; the number itself is not kept")
    record EntryJson(
            @Schema(example = "••••47") String number,
            @Schema(example = "47") String lastDigits,

            @Schema(
                    description = "CALLER (asked on a call), OWNER (added by the business) or IMPORT",
                    example = "OWNER")
            String source,

            Instant addedAt) {

        static EntryJson of(DoNotCallList.Entry e) {
            return new EntryJson(
                    "••••" + e.lastDigits(), e.lastDigits(), e.source().name(), e.addedAt());
        }
    }

    @Schema(name = "DoNotCallRequest")
    record AddJson(@Schema(example = "+16175550147") String phone) {}

    @Schema(name = "DoNotCallImport")
    record ImportJson(
            @Schema(example = "[\"+16175550147\", \"+14155550123\"]")
            List<String> phones) {}

    @Schema(name = "DoNotCallImported")
    record ImportedJson(int added, int alreadyListed) {}

    @GetMapping("/api/do-not-call")
    @Operation(
            summary = "List the do-not-call list",
            description = "Newest first. With phone, only that number's entry (an empty list when it is not on it).")
    @ApiResponse(responseCode = "200", description = "The entries")
    @ApiResponse(
            responseCode = "400",
            description = "phone is not a phone number",
            content = @Content(mediaType = "application/problem+json"))
    PageResponse<EntryJson> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "+16175550147") @RequestParam(required = false) String phone,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return doNotCall.list(business, phone, PageQuery.of(page, pageSize)).map(EntryJson::of);
    }

    @PostMapping("/api/do-not-call")
    @Operation(
            summary = "Add a number",
            description = "Puts the number on the list (source OWNER); the business's customer with it becomes"
                    + " DO_NOT_CALL. A number already listed is answered 200 with its entry.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = AddJson.class),
                                            examples = @ExampleObject(value = "{\"phone\": \"+16175550147\"}"))))
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "200", description = "Already on the list")
    @ApiResponse(
            responseCode = "400",
            description = "phone missing or not a phone number",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<EntryJson> add(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody AddJson body) {
        var added = doNotCall.add(business, body == null ? null : body.phone());
        return ResponseEntity.status(added.added() ? 201 : 200).body(EntryJson.of(added.entry()));
    }

    @PostMapping("/api/do-not-call/import")
    @Operation(
            summary = "Import numbers",
            description = "Puts up to 1,000 numbers on the list at once (source IMPORT), or none when one of them is"
                    + " not a phone number (each bad one is listed in errors as phones[i]).")
    @ApiResponse(responseCode = "200", description = "How many were added and how many were already listed")
    @ApiResponse(
            responseCode = "400",
            description = "A bad number, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    ImportedJson importAll(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody ImportJson body) {
        var imported = doNotCall.importAll(business, body == null ? null : body.phones());
        return new ImportedJson(imported.added(), imported.alreadyListed());
    }

    @DeleteMapping("/api/do-not-call")
    @Operation(
            summary = "Remove a number",
            description = "Takes the number off the list; the business's customer with it leaves DO_NOT_CALL (back to"
                    + " NEW). Encode the + of the number in the query string (%2B).")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(
            responseCode = "400",
            description = "phone missing or not a phone number",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "The number is not on the list",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> remove(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "+16175550147") @RequestParam(required = false) String phone) {
        doNotCall.remove(business, phone);
        return ResponseEntity.noContent().build();
    }
}
