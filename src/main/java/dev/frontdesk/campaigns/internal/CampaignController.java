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
import org.springframework.web.bind.annotation.PatchMapping;
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
    private final CampaignLogRepository log;

    CampaignController(CampaignService campaigns, CampaignLogRepository log) {
        this.campaigns = campaigns;
        this.log = log;
    }

    @PostMapping("/api/campaigns")
    @Operation(
            summary = "Create a campaign",
            description = "A DRAFT campaign of the leads listed (leadIds), or found by the filter (status, language,"
                    + " tag, as the leads list), or every lead. Do-not-call leads are counted as doNotCall and never"
                    + " called. Optional pacing {\"callsPerMinute\": 1 to 600}: at most that many new calls in any"
                    + " minute, counted across nodes; without it only maxConcurrentCalls limits the calls.",
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
            description =
                    "Its status and counts: queued (waiting for a first call or a retry), calling, contacted,"
                            + " meetings, notInterested, noAnswer, failed, doNotCall, erased; they add up to the campaign's leads.")
    CampaignJson.Response get(@Parameter(hidden = true) @CurrentBusiness BusinessId business, @PathVariable String id) {
        Campaign campaign = campaigns.get(business, Ids.uuidOrNotFound(id, "Campaign"));
        return CampaignJson.Response.of(campaign, campaigns.counts(campaign.id()));
    }

    @PatchMapping("/api/campaigns/{id}")
    @Operation(
            summary = "Change a campaign",
            description =
                    "While DRAFT or PAUSED: the fields given (name, purpose, openingScript, window, maxConcurrentCalls,"
                            + " pacing, retry, voicemail) replace the campaign's, the others stay; an empty openingScript removes it,"
                            + " a pacing of {} removes the pacing."
                            + " The leads (leadIds, filter) cannot change. The same checks as on create.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = CampaignJson.Request.class),
                                            examples =
                                                    @ExampleObject(
                                                            value = "{\"maxConcurrentCalls\": 3,"
                                                                    + " \"window\": {\"end\": \"17:00\"}}"))))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "The campaign is RUNNING, STOPPED or COMPLETED (campaign-state, with its status)",
            content = @Content(mediaType = "application/problem+json"))
    CampaignJson.Response change(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestBody CampaignJson.Request patch) {
        Campaign campaign = campaigns.change(business, Ids.uuidOrNotFound(id, "Campaign"), patch);
        return CampaignJson.Response.of(campaign, campaigns.counts(campaign.id()));
    }

    @GetMapping("/api/campaigns/{id}/leads")
    @Operation(
            summary = "A campaign's leads",
            description = "Each lead with its stage (QUEUED, CALLING, CONTACTED, MEETING_SCHEDULED, NO_ANSWER, FAILED,"
                    + " DO_NOT_CALL), the calls placed (attempts), and its last call: when it was placed, who answered"
                    + " (human, machine_end_beep, …), how it ended (Twilio's status: completed, no-answer, busy, failed,"
                    + " canceled, lost; null while it goes on) and when; nextCallAt for a queued lead. By name; filter"
                    + " by stage.")
    @ApiResponse(
            responseCode = "400",
            description = "An unknown stage",
            content = @Content(mediaType = "application/problem+json"))
    PageResponse<dev.frontdesk.campaigns.CampaignDesk.LeadProgress> leads(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        Campaign campaign = campaigns.get(business, Ids.uuidOrNotFound(id, "Campaign"));
        String state = CampaignJson.stage(stage);
        PageQuery query = PageQuery.of(page, pageSize);
        return PageResponse.of(log.leads(campaign.id(), state, query), log.countLeads(campaign.id(), state), query);
    }

    @GetMapping("/api/campaigns/{id}/calls")
    @Operation(
            summary = "A campaign's calls",
            description = "Every call placed, newest first: the lead, the attempt (1 for the first call), Twilio's"
                    + " CallSid, who answered, how it ended (null while it goes on).")
    PageResponse<CampaignLogRepository.CallRow> calls(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        Campaign campaign = campaigns.get(business, Ids.uuidOrNotFound(id, "Campaign"));
        PageQuery query = PageQuery.of(page, pageSize);
        return PageResponse.of(log.calls(campaign.id(), query), log.countCalls(campaign.id()), query);
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
