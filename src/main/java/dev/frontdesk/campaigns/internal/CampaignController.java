package dev.frontdesk.campaigns.internal;

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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business's outbound campaigns. */
@RestController
@Tag(name = "Campaigns", description = "Outbound calls to leads to book meetings (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/api/campaigns")
    @Operation(
            summary = "Create a campaign",
            description = "A DRAFT campaign of the leads listed (leadIds), or found by the filter (status, language,"
                    + " tag, as the leads list), or every lead. Do-not-call leads are counted as doNotCall and never"
                    + " called.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = CampaignJson.Request.class),
                                            examples = @ExampleObject(value = CampaignJson.EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Created, as DRAFT")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CampaignJson.Response> create(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @RequestBody CampaignJson.Request request) {
        Campaign campaign = campaigns.create(business, request);
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.id()))
                .body(CampaignJson.Response.of(campaign, campaigns.counts(campaign.id())));
    }

    @GetMapping("/api/campaigns")
    @Operation(summary = "List campaigns", description = "Newest first, with their counts.")
    PageResponse<CampaignJson.Response> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return campaigns
                .list(business, PageQuery.of(page, pageSize))
                .map(c -> CampaignJson.Response.of(c, campaigns.counts(c.id())));
    }

    @GetMapping("/api/campaigns/{id}")
    @Operation(
            summary = "Get a campaign",
            description = "Its status and counts: queued (waiting for a first call or a retry), calling, contacted,"
                    + " meetings, noAnswer, failed, doNotCall; they add up to the campaign's leads.")
    CampaignJson.Response get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        Campaign campaign = campaigns.get(business, Ids.uuidOrNotFound(id, "Campaign"));
        return CampaignJson.Response.of(campaign, campaigns.counts(campaign.id()));
    }

    @PostMapping("/api/campaigns/{id}/start")
    @Operation(summary = "Start a campaign", description = "DRAFT → RUNNING: the dialer starts calling.")
    @ApiResponse(
            responseCode = "409",
            description = "Not possible in the campaign's status",
            content = @Content(mediaType = "application/problem+json"))
    CampaignJson.Response start(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return move(business, id, Campaign.Move.START);
    }

    @PostMapping("/api/campaigns/{id}/pause")
    @Operation(summary = "Pause a campaign", description = "RUNNING → PAUSED: no new calls; calls going on finish.")
    @ApiResponse(
            responseCode = "409",
            description = "Not possible in the campaign's status",
            content = @Content(mediaType = "application/problem+json"))
    CampaignJson.Response pause(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return move(business, id, Campaign.Move.PAUSE);
    }

    @PostMapping("/api/campaigns/{id}/resume")
    @Operation(summary = "Resume a campaign", description = "PAUSED → RUNNING.")
    @ApiResponse(
            responseCode = "409",
            description = "Not possible in the campaign's status",
            content = @Content(mediaType = "application/problem+json"))
    CampaignJson.Response resume(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return move(business, id, Campaign.Move.RESUME);
    }

    @PostMapping("/api/campaigns/{id}/stop")
    @Operation(
            summary = "Stop a campaign",
            description = "DRAFT, RUNNING or PAUSED → STOPPED, for good: no new calls; calls going on finish.")
    @ApiResponse(
            responseCode = "409",
            description = "Not possible in the campaign's status",
            content = @Content(mediaType = "application/problem+json"))
    CampaignJson.Response stop(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        return move(business, id, Campaign.Move.STOP);
    }

    private CampaignJson.Response move(BusinessId business, String id, Campaign.Move move) {
        Campaign campaign = campaigns.move(business, Ids.uuidOrNotFound(id, "Campaign"), move);
        return CampaignJson.Response.of(campaign, campaigns.counts(campaign.id()));
    }
}
