package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.internal.AppointmentJson.AppointmentResponse;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's views: a day's schedule and today's summary, with a short text to read out or text. */
@RestController
@Tag(name = "Owner", description = "The owner's schedule and daily summary (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class OwnerController {

    private static final DateTimeFormatter SPOKEN_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final BookingService bookings;
    private final AppointmentRepository appointments;
    private final Clock clock;

    OwnerController(BookingService bookings, AppointmentRepository appointments, Clock clock) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Schema(name = "OwnerSchedule")
    record ScheduleResponse(
            @Schema(example = "2026-11-24") String date,
            @Schema(example = "America/New_York") String timezone,
            List<AppointmentResponse> appointments,

            @Schema(example = "Tuesday you have 2 appointments: 9:00 AM Drain cleaning for Dana Smith, ...")
            String text) {}

    @Schema(name = "OwnerSummary")
    record SummaryResponse(
            @Schema(example = "2026-11-23") String date,

            @Schema(description = "Appointments booked today", example = "4")
            long booked,

            @Schema(description = "Of those, emergencies", example = "1")
            long emergencies,

            @Schema(description = "Appointments cancelled today", example = "1")
            long cancelled,

            @Schema(description = "Appointments still to come today", example = "3")
            long upcoming,

            @Schema(example = "Today 4 appointments were booked, 1 of them an emergency, and 1 was cancelled.")
            String text) {}

    @GetMapping("/api/owner/schedule")
    @Operation(summary = "A day's schedule", description = "Live appointments of a date; tomorrow by default.")
    @Transactional(readOnly = true)
    ScheduleResponse schedule(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(example = "2026-11-24") @RequestParam(required = false) String date) {
        Business business = bookings.business(businessId);
        ZoneId zone = business.timezone();
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)).plusDays(1) : TimeInput.date("date", date);
        List<Appointment> live = appointments.live(
                businessId,
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        live = live.stream()
                .filter(a -> !a.start().isBefore(day.atStartOfDay(zone).toInstant()))
                .toList();
        String dayName = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.US);
        String text = live.isEmpty()
                ? dayName + " you have no appointments."
                : dayName + " you have " + count(live.size(), "appointment") + ": "
                        + String.join(
                                ", ",
                                live.stream()
                                        .map(a -> SPOKEN_TIME.format(a.start().atZone(zone)) + " " + a.service()
                                                + " for " + a.customer().name() + (a.emergency() ? " (emergency)" : ""))
                                        .toList())
                        + ".";
        return new ScheduleResponse(
                day.toString(),
                zone.getId(),
                live.stream().map(AppointmentResponse::of).toList(),
                text);
    }

    @GetMapping("/api/owner/summary/today")
    @Operation(
            summary = "Today's summary",
            description = "What was booked and cancelled today, and what is still to come.")
    @Transactional(readOnly = true)
    SummaryResponse today(@Parameter(hidden = true) @CurrentBusiness BusinessId businessId) {
        Business business = bookings.business(businessId);
        ZoneId zone = business.timezone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<Appointment> created = appointments.createdBetween(businessId, from, to);
        long emergencies = created.stream().filter(Appointment::emergency).count();
        long cancelled = appointments.cancelledBetween(businessId, from, to);
        List<Appointment> upcoming = appointments.live(businessId, now, to).stream()
                .filter(a -> !a.start().isBefore(now))
                .toList();
        StringBuilder text = new StringBuilder("Today ")
                .append(
                        created.size() == 1
                                ? "1 appointment was booked"
                                : created.size() + " appointments were booked");
        if (emergencies > 0) {
            text.append(", ")
                    .append(emergencies == 1 ? "1 of them an emergency" : emergencies + " of them emergencies");
        }
        text.append(
                        cancelled == 0
                                ? ""
                                : ", and " + (cancelled == 1 ? "1 was cancelled" : cancelled + " were cancelled"))
                .append(". ");
        text.append(
                upcoming.isEmpty()
                        ? "Nothing else is on for today."
                        : "You have " + count(upcoming.size(), "more appointment") + " today, the next at "
                                + SPOKEN_TIME.format(upcoming.getFirst().start().atZone(zone)) + ".");
        return new SummaryResponse(
                today.toString(), created.size(), emergencies, cancelled, upcoming.size(), text.toString());
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
