package dev.frontdesk.analytics.internal;

import dev.frontdesk.crm.Conversations;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import dev.frontdesk.tenants.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The business's figures over a range of its own days. */
@RestController
@Tag(name = "Analytics", description = "Figures for the dashboard and for API users (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class AnalyticsController {

    static final int MAX_DAYS = 366;

    private final Tenants tenants;
    private final Scheduling scheduling;
    private final Conversations conversations;
    private final Clock clock;

    AnalyticsController(Tenants tenants, Scheduling scheduling, Conversations conversations, Clock clock) {
        this.tenants = tenants;
        this.scheduling = scheduling;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Schema(name = "AnalyticsOverview")
    record Overview(
            @Schema(example = "2026-11-01") String from,
            @Schema(example = "2026-11-30") String to,
            @Schema(example = "America/New_York") String timezone,

            @Schema(description = "Voice conversations started", example = "120")
            long calls,

            @Schema(description = "Appointments booked (created), on any channel", example = "41")
            long bookings,

            @Schema(
                    description = "Share of conversations on every channel that ended with a booking, 0 to 1",
                    example = "0.3125")
            double conversionRate,

            @Schema(description = "Conversations flagged as an emergency", example = "3")
            long emergencies,

            @Schema(description = "Voice conversations the caller left before anything was done", example = "7")
            long missedCalls,

            @Schema(description = "Mean length of the ended calls, in seconds", example = "94")
            long averageCallSeconds) {}

    @GetMapping("/api/analytics/overview")
    @Operation(
            summary = "Overview figures",
            description = "Days from and to (inclusive, today by default) are the business's days, in its timezone;"
                    + " at most " + MAX_DAYS + " days.")
    Overview overview(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        Business business = tenants.find(businessId).orElseThrow(() -> FrontdeskException.notFound("Business"));
        var zone = business.timezone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, from == null && to != null ? last : today);
        if (first.isAfter(last)) {
            throw FrontdeskException.validation(List.of(new FieldError("from", "must not be after to")));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("to", "must be at most " + MAX_DAYS + " days after from")));
        }
        var start = first.atStartOfDay(zone).toInstant();
        var end = last.plusDays(1).atStartOfDay(zone).toInstant();
        var activity = conversations.activity(businessId, start, end);
        double conversion = activity.conversations() == 0
                ? 0
                : Math.round(activity.booked() * 10_000.0 / activity.conversations()) / 10_000.0;
        return new Overview(
                first.toString(),
                last.toString(),
                zone.getId(),
                activity.calls(),
                scheduling.bookedBetween(businessId, start, end),
                conversion,
                activity.emergencies(),
                activity.missedCalls(),
                activity.averageCallSeconds());
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw FrontdeskException.validation(List.of(new FieldError(field, "must be a date, YYYY-MM-DD")));
        }
    }
}
