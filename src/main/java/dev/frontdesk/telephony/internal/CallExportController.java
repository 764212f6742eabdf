package dev.frontdesk.telephony.internal;

import dev.frontdesk.shared.CsvExports;
import dev.frontdesk.telephony.Calls;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The business's call records as a CSV download. */
@RestController
@Tag(name = "Calls", description = "Phone calls answered by the assistant (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class CallExportController {

    static final List<String> HEADER = List.of(
            "id",
            "callSid",
            "direction",
            "status",
            "from",
            "to",
            "startedAt",
            "endedAt",
            "durationSeconds",
            "language",
            "recordingUrl",
            "campaignId",
            "campaign");

    private final CallRecordRepository calls;
    private final CsvExports exports;
    private final CallCampaignNames campaigns;

    CallExportController(CallRecordRepository calls, CsvExports exports, CallCampaignNames campaigns) {
        this.calls = calls;
        this.exports = exports;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/calls/export")
    @Operation(
            summary = "Export calls as CSV",
            description = "Every call record, newest first, like GET /api/calls (campaign=<id>: one campaign's calls),"
                    + CsvExports.FORMAT
                    + " campaignId and campaign (its name) are empty for a received call. A call's outcome is"
                    + " in GET /api/conversations/export (the VOICE conversation whose key is the callSid).")
    @ApiResponse(
            responseCode = "200",
            description = "The CSV file (Content-Disposition: attachment)",
            content = @Content(mediaType = "text/csv"))
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(description = "Only the calls this campaign of the business placed (its id)")
                    @RequestParam(required = false)
                    String campaign) {
        UUID ofCampaign = CallController.campaignFilter(campaign);
        // the names of the business's few campaigns, read before the rows stream
        Map<UUID, Calls.CallCampaign> named =
                campaigns.of(business, ofCampaign == null ? calls.campaigns(business) : List.of(ofCampaign));
        return exports.download(
                "calls.csv",
                HEADER,
                calls.export(business, ofCampaign),
                c -> Arrays.asList(
                        c.id(),
                        c.callSid(),
                        c.direction(),
                        c.status(),
                        c.fromNumber(),
                        c.toNumber(),
                        c.startedAt(),
                        c.endedAt(),
                        c.durationSeconds(),
                        c.language(),
                        c.recordingUrl(),
                        c.campaignId(),
                        // a campaign's first call recorded while the export runs has no name here
                        c.campaignId() == null || !named.containsKey(c.campaignId())
                                ? null
                                : named.get(c.campaignId()).name()));
    }
}
