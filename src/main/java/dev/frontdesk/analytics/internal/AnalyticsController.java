package dev.frontdesk.analytics.internal;

import dev.frontdesk.analytics.Analytics;
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

/** The business's overview figures over a range of its own days ({@link Analytics#overview}). */
@RestController
@Tag(name = "Analytics", description = "Figures for the dashboard and for API users (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class AnalyticsController {

    static final int MAX_DAYS = 366;

    private final Tenants tenants;
    private final Analytics analytics;
    private final Clock clock;

    AnalyticsController(Tenants tenants, Analytics analytics, Clock clock) {
        this.tenants = tenants;
        this.analytics = analytics;
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
        var figures = analytics.overview(
                businessId,
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        return new Overview(
                first.toString(),
                last.toString(),
                zone.getId(),
                figures.calls(),
                figures.bookings(),
                figures.conversionRate(),
                figures.emergencies(),
                figures.missedCalls(),
                figures.averageCallSeconds());
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
