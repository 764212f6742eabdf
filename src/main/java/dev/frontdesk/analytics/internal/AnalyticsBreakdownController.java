package dev.frontdesk.analytics.internal;

import dev.frontdesk.analytics.Analytics;
import dev.frontdesk.analytics.Analytics.Days;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The distributions and lists of the dashboard's Analytics page, as JSON. */
@RestController
@Tag(name = "Analytics", description = "Figures for the dashboard and for API users (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class AnalyticsBreakdownController {

    static final String DAYS = "Days from and to (YYYY-MM-DD, inclusive; today by default, a single to means that"
            + " day) are the business's days, in its timezone; at most " + Analytics.MAX_DAYS + " days. A date that"
            + " cannot be read, from after to or a longer range is a 400 problem with an errors list.";

    private final Analytics analytics;

    AnalyticsBreakdownController(Analytics analytics) {
        this.analytics = analytics;
    }

    @Schema(name = "AnalyticsDistribution")
    record Distribution(
            @Schema(example = "2026-11-01", nullable = true) String from,
            @Schema(example = "2026-11-30", nullable = true) String to,
            @Schema(example = "America/New_York") String timezone,
            @Schema(example = "42") long total,
            List<Analytics.Count> items) {

        static Distribution of(Days days, String timezone, List<Analytics.Count> items) {
            return new Distribution(
                    days == null ? null : days.from().toString(),
                    days == null ? null : days.to().toString(),
                    timezone,
                    items.stream().mapToLong(Analytics.Count::count).sum(),
                    items);
        }
    }

    @Schema(name = "AnalyticsRecentActivity")
    record Recent(String from, String to, String timezone, List<Analytics.Activity> items) {}

    @Schema(name = "AnalyticsActiveCampaigns")
    record ActiveCampaigns(List<Analytics.Campaign> items) {}

    @GetMapping("/api/analytics/call-outcomes")
    @Operation(
            summary = "Calls by outcome",
            description = "Voice conversations started in the days, by outcome: every outcome (0 included) and"
                    + " IN_PROGRESS for calls not ended; share is the part of the total, 0 to 1. " + DAYS)
    @ApiResponse(responseCode = "400", description = "Invalid dates")
    Distribution callOutcomes(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        Days days = analytics.days(business, from, to);
        return Distribution.of(days, days.zone().getId(), analytics.callOutcomes(business, days));
    }

    @GetMapping("/api/analytics/language-distribution")
    @Operation(
            summary = "Conversations by language",
            description = "Conversations on every channel started in the days, by the language detected (key the"
                    + " language code, \"unknown\" when none was), most first. " + DAYS)
    @ApiResponse(responseCode = "400", description = "Invalid dates")
    Distribution languages(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        Days days = analytics.days(business, from, to);
        return Distribution.of(days, days.zone().getId(), analytics.languages(business, days));
    }

    @GetMapping("/api/analytics/bookings-over-time")
    @Operation(
            summary = "Bookings per day",
            description = "Appointments booked (created, in any status now) on each of the days, oldest first, every"
                    + " day (0 included): key the day (YYYY-MM-DD), label such as \"Mon 23 Nov\". " + DAYS)
    @ApiResponse(responseCode = "400", description = "Invalid dates")
    Distribution bookingsOverTime(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        Days days = analytics.days(business, from, to);
        return Distribution.of(days, days.zone().getId(), analytics.bookingsPerDay(business, days));
    }

    @GetMapping("/api/analytics/busiest-hours")
    @Operation(
            summary = "Calls by hour of the day",
            description = "Voice conversations started in the days by the hour they started in the business's"
                    + " timezone, every hour (0 included): key 00 to 23, label 00:00 to 23:00. " + DAYS)
    @ApiResponse(responseCode = "400", description = "Invalid dates")
    Distribution busiestHours(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        Days days = analytics.days(business, from, to);
        return Distribution.of(days, days.zone().getId(), analytics.busiestHours(business, days));
    }

    @GetMapping("/api/analytics/channel-mix")
    @Operation(
            summary = "Conversations by channel",
            description = "Conversations started in the days by channel (VOICE, SMS, WHATSAPP, WEB, SIMULATOR, ...),"
                    + " most first; channels without a conversation are left out. " + DAYS)
    @ApiResponse(responseCode = "400", description = "Invalid dates")
    Distribution channelMix(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        Days days = analytics.days(business, from, to);
        return Distribution.of(days, days.zone().getId(), analytics.channels(business, days));
    }

    @GetMapping("/api/analytics/lead-status-distribution")
    @Operation(
            summary = "Leads by status",
            description = "The business's leads by their status now, every status in funnel order (0 included):"
                    + " without from and to, all leads (from and to are null in the answer); with either, the"
                    + " leads created in those days. " + DAYS)
    @ApiResponse(responseCode = "400", description = "Invalid dates")
    Distribution leadStatuses(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        Days asked = analytics.days(business, from, to);
        Days days = blank(from) && blank(to) ? null : asked;
        return Distribution.of(days, asked.zone().getId(), analytics.leadStatuses(business, days));
    }

    @GetMapping("/api/analytics/recent-activity")
    @Operation(
            summary = "Recent conversations",
            description = "Conversations on every channel started in the days, newest first, at most limit (1 to"
                    + " 100, 20 by default), with their outcome (IN_PROGRESS while open), emergency flag and"
                    + " summary; localTime is the start in the business's timezone. " + DAYS)
    @ApiResponse(responseCode = "400", description = "Invalid dates or limit")
    Recent recentActivity(
            @Parameter(hidden = true) @CurrentBusiness BusinessId business,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to,
            @Parameter(example = "20") @RequestParam(required = false) String limit) {
        int max = 20;
        if (!blank(limit)) {
            try {
                max = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 100) {
                throw FrontdeskException.validation(List.of(new FieldError("limit", "must be a number from 1 to 100")));
            }
        }
        Days days = analytics.days(business, from, to);
        return new Recent(
                days.from().toString(),
                days.to().toString(),
                days.zone().getId(),
                analytics.recentActivity(business, days, max));
    }

    @GetMapping("/api/analytics/active-campaigns")
    @Operation(
            summary = "Running and paused campaigns",
            description = "The business's RUNNING and PAUSED campaigns, newest first, with their leads at each"
                    + " stage; done is the share of leads no longer queued or being called, 0 to 1. Takes no dates:"
                    + " it is where they stand now.")
    ActiveCampaigns activeCampaigns(@Parameter(hidden = true) @CurrentBusiness BusinessId business) {
        return new ActiveCampaigns(analytics.activeCampaigns(business));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
