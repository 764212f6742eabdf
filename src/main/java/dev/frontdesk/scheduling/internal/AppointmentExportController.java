package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.shared.CsvExports;
import dev.frontdesk.tenants.Business;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The business's appointments as a CSV download, with the appointments list's filters. */
@RestController
@Tag(name = "Appointments", description = "Availability and appointments (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class AppointmentExportController {

    static final List<String> HEADER = List.of(
            "id",
            "start",
            "end",
            "service",
            "status",
            "emergency",
            "staffId",
            "customerName",
            "customerPhone",
            "customerEmail",
            "notes",
            "channel",
            "createdAt",
            "updatedAt");

    private final BookingService bookings;
    private final AppointmentRepository appointments;
    private final CsvExports exports;

    AppointmentExportController(BookingService bookings, AppointmentRepository appointments, CsvExports exports) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.exports = exports;
    }

    @GetMapping("/api/appointments/export")
    @Operation(
            summary = "Export appointments as CSV",
            description = "Every appointment matching the filters of GET /api/appointments (from, to, status), by"
                    + " start time," + CsvExports.FORMAT + " Instants in UTC.")
    @ApiResponse(
            responseCode = "200",
            description = "The CSV file (Content-Disposition: attachment)",
            content = @Content(mediaType = "text/csv"))
    @ApiResponse(
            responseCode = "400",
            description = "A filter is not valid",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(example = "2026-11-24") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to,
            @Parameter(example = "SCHEDULED,CONFIRMED") @RequestParam(required = false) String status) {
        Business business = bookings.business(businessId);
        var query = appointments.export(
                businessId,
                TimeInput.bound("from", from, business.timezone(), false),
                TimeInput.bound("to", to, business.timezone(), true),
                AppointmentController.statuses(status));
        return exports.download("appointments.csv", HEADER, query, AppointmentExportController::cells);
    }

    static List<?> cells(Appointment a) {
        var customer = a.customer();
        return Arrays.asList(
                a.id().value(),
                a.start(),
                a.end(),
                a.service(),
                a.status().name(),
                a.emergency(),
                a.staffId(),
                customer == null ? null : customer.name(),
                customer == null || customer.phone() == null
                        ? null
                        : customer.phone().e164(),
                customer == null ? null : customer.email(),
                a.notes(),
                a.sourceChannel(),
                a.createdAt(),
                a.updatedAt());
    }
}
