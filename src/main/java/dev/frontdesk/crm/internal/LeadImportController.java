package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.internal.LeadImportRepository.LeadImport;
import dev.frontdesk.crm.internal.LeadImportRepository.RowError;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.Ids;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV lead imports: upload, progress and the report of rejected rows. */
@RestController
@Tag(name = "Leads", description = "Leads: CSV imports (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class LeadImportController {

    /** Rejected rows listed in the JSON answer; the CSV report has them all. */
    static final int ERRORS_SHOWN = 1000;

    private final LeadImporter importer;
    private final LeadImportRepository imports;

    LeadImportController(LeadImporter importer, LeadImportRepository imports) {
        this.importer = importer;
        this.imports = imports;
    }

    @Schema(name = "LeadImport")
    record ImportJson(
            UUID id,

            @Schema(allowableValues = {"RUNNING", "COMPLETED", "FAILED"})
            String status,

            @Schema(description = "Data rows read (blank lines aside)", example = "1000")
            long rows,

            @Schema(description = "New leads stored", example = "990")
            long imported,

            @Schema(description = "Rows merged into a customer or an earlier row with the same number", example = "6")
            long duplicates,

            @Schema(description = "Rows not stored, each in errors", example = "4")
            long rejected,

            @Schema(description = "The first " + ERRORS_SHOWN + " rejected rows; errorReport lists them all")
            List<RowError> errors,

            @Schema(description = "Why a FAILED import stored nothing")
            String failure,

            @Schema(example = "/api/leads/imports/0b6a4f8e-3c1d-4a57-9a0e-1d2f3c4b5a69/errors")
            String errorReport,

            Instant createdAt,
            Instant finishedAt) {

        static ImportJson of(LeadImport i, List<RowError> errors) {
            return new ImportJson(
                    i.id(),
                    i.status(),
                    i.rows(),
                    i.imported(),
                    i.duplicates(),
                    i.rejected(),
                    errors,
                    i.failure(),
                    "/api/leads/imports/" + i.id() + "/errors",
                    i.createdAt(),
                    i.finishedAt());
        }
    }

    @PostMapping(
            value = "/api/leads/upload",
            consumes = {"text/csv", "text/plain", "application/csv"})
    @Operation(
            summary = "Import leads from CSV",
            description = "Body: CSV with a header line naming the columns name,phone[,email][,language][,timezone]"
                    + "[,notes] in any order; UTF-8 with or without BOM; comma or semicolon; up to 50 MB. Good rows"
                    + " are stored all together or not at all; bad rows are listed with line and reason; a number"
                    + " already known is merged.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "text/csv",
                                            schema =
                                                    @Schema(
                                                            type = "string",
                                                            example = "name,phone,email\nDana Smith,+16175550123,"
                                                                    + "dana@example.com"))))
    @ApiResponse(responseCode = "201", description = "Imported (status COMPLETED) or nothing stored (FAILED)")
    @ApiResponse(
            responseCode = "400",
            description = "Empty file or a header without name or phone",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "413",
            description = "Larger than 50 MB",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ImportJson> upload(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, HttpServletRequest request)
            throws IOException {
        return created(importer.run(business, request.getInputStream()));
    }

    @PostMapping(value = "/api/leads/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import leads from a CSV file (multipart field file)")
    ResponseEntity<ImportJson> uploadFile(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (var in = file.getInputStream()) {
            return created(importer.run(business, in));
        }
    }

    @GetMapping("/api/leads/imports/{id}")
    @Operation(summary = "A lead import", description = "Its counters while RUNNING, and when done.")
    ImportJson get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        LeadImport found = find(business, id);
        return ImportJson.of(found, imports.errors(found.id(), ERRORS_SHOWN));
    }

    @GetMapping(value = "/api/leads/imports/{id}/errors", produces = "text/csv")
    @Operation(
            summary = "The rejected rows of an import, as CSV (line,reason)",
            description = "Every rejected row, by line: UTF-8, a header line,reason, CRLF line ends, each reason"
                    + " quoted (RFC 4180). A reason starting with = + - @ (or a tab or carriage return) gets a"
                    + " leading ' so a spreadsheet does not run it as a formula. The same file as the dashboard's"
                    + " download of the import's rejected rows.")
    void errors(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            HttpServletResponse response)
            throws IOException {
        LeadImport found = find(business, id);
        response.setContentType(RejectedRowsCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"lead-import-" + found.id() + "-errors.csv\"");
        RejectedRowsCsv.write(imports, found.id(), response.getOutputStream());
    }

    private LeadImport find(BusinessId business, String id) {
        UUID importId = Ids.uuidOrNotFound(id, "Lead import");
        return imports.find(business, importId).orElseThrow(() -> FrontdeskException.notFound("Lead import " + id));
    }

    private ResponseEntity<ImportJson> created(LeadImport done) {
        return ResponseEntity.created(URI.create("/api/leads/imports/" + done.id()))
                .body(ImportJson.of(done, imports.errors(done.id(), ERRORS_SHOWN)));
    }
}
