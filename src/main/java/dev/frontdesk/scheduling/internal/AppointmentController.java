package dev.frontdesk.scheduling.internal;

import dev.frontdesk.directory.Directory;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.AppointmentStatus;
import dev.frontdesk.scheduling.Customer;
import dev.frontdesk.scheduling.internal.AppointmentJson.AppointmentResponse;
import dev.frontdesk.scheduling.internal.AppointmentJson.BookingRequest;
import dev.frontdesk.scheduling.internal.AppointmentJson.ChangeRequest;
import dev.frontdesk.scheduling.internal.AppointmentJson.RescheduleRequest;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.Secrets;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Free slots, and booking, moving and cancelling appointments, for the business of the API key. */
@RestController
@Tag(name = "Appointments", description = "Availability and appointments (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class AppointmentController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    static final String BOOK_EXAMPLE = """
            {"service": "Drain cleaning", "start": "2026-11-24T15:00:00Z",
             "customer": {"name": "Dana Smith", "phone": "+16175550123", "email": "dana@example.com"},
             "notes": "Kitchen sink"}""";

    private final BookingService bookings;
    private final AvailabilityService availability;
    private final Directory directory;
    private final JsonMapper json;

    AppointmentController(
            BookingService bookings, AvailabilityService availability, Directory directory, JsonMapper json) {
        this.bookings = bookings;
        this.availability = availability;
        this.directory = directory;
        this.json = json;
    }

    /** Free slots of one day. */
    record SlotJson(
            @io.swagger.v3.oas.annotations.media.Schema(example = "2026-11-24T15:00:00Z")
            java.time.Instant start,

            @io.swagger.v3.oas.annotations.media.Schema(example = "2026-11-24T16:00:00Z")
            java.time.Instant end) {}

    record AvailabilityResponse(
            @io.swagger.v3.oas.annotations.media.Schema(example = "2026-11-24")
            String date,

            @io.swagger.v3.oas.annotations.media.Schema(example = "Drain cleaning")
            String service,

            @io.swagger.v3.oas.annotations.media.Schema(example = "America/New_York")
            String timezone,

            List<SlotJson> slots) {}

    @GetMapping("/api/availability")
    @Operation(
            summary = "Free slots on a day",
            description = "Slots for a service on a date, in the business's timezone.")
    AvailabilityResponse availability(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(example = "2026-11-24", required = true) @RequestParam(required = false) String date,
            @Parameter(example = "Drain cleaning", required = true) @RequestParam(required = false) String service,
            @Parameter(description = "Emergencies skip notice, cap and morning reserve")
                    @RequestParam(defaultValue = "false")
                    boolean emergency) {
        if (date == null || service == null) {
            throw FrontdeskException.validation(
                    List.of(new FieldError(date == null ? "date" : "service", "is required")));
        }
        Business business = bookings.business(businessId);
        var offering = BookingService.service(business, service);
        var day = TimeInput.date("date", date);
        var slots = availability.freeSlots(business, offering, day, emergency).stream()
                .map(s -> new SlotJson(s.start(), s.end()))
                .toList();
        return new AvailabilityResponse(
                day.toString(), offering.name(), business.timezone().getId(), slots);
    }

    @PostMapping("/api/appointments")
    @Operation(
            summary = "Book an appointment",
            description = "With an Idempotency-Key header, repeats of the same request get the first answer and"
                    + " never book twice.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = BOOK_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Booked")
    @ApiResponse(
            responseCode = "409",
            description = "Slot taken or day full; alternatives offered",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "Outside hours, closed, too soon or too far ahead; alternatives offered",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> book(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(description = "Makes retries safe", example = "7d2c1c1e-booking-1")
                    @RequestHeader(value = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @Valid @RequestBody BookingRequest request) {
        Business business = bookings.business(businessId);
        var command = command(business, request);
        if (idempotencyKey == null) {
            Appointment booked = bookings.book(businessId, command);
            return ResponseEntity.created(location(booked)).body(AppointmentResponse.of(booked));
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw FrontdeskException.validation(List.of(new FieldError(
                    "Idempotency-Key", "must be 1 to 200 characters of letters, digits, '.', '_', ':' or '-'")));
        }
        String hash = Secrets.sha256(json.writeValueAsString(request));
        var stored = bookings.bookIdempotently(businessId, idempotencyKey, hash, command, new Renderer());
        var builder = ResponseEntity.status(stored.status())
                .contentType(stored.status() < 300 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
                .header("Idempotency-Key", idempotencyKey);
        if (stored.status() == 201) {
            builder.location(URI.create("/api/appointments/"
                    + json.readTree(stored.body()).get("id").asString()));
        }
        return builder.body(stored.body());
    }

    @GetMapping("/api/appointments")
    @Operation(
            summary = "List appointments",
            description = "Paged, by start time. from/to take a date (business timezone) or an instant; status"
                    + " takes one or more comma-separated statuses; every status is listed when it is absent.")
    PageResponse<AppointmentResponse> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(example = "2026-11-24") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to,
            @Parameter(example = "SCHEDULED,CONFIRMED") @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        Business business = bookings.business(businessId);
        var statuses = statuses(status);
        return bookings.list(
                        businessId,
                        TimeInput.bound("from", from, business.timezone(), false),
                        TimeInput.bound("to", to, business.timezone(), true),
                        statuses,
                        PageQuery.of(page, pageSize))
                .map(AppointmentResponse::of);
    }

    @GetMapping("/api/appointments/{id}")
    @Operation(summary = "Get an appointment")
    AppointmentResponse get(@Parameter(hidden = true) @CurrentBusiness BusinessId businessId, @PathVariable String id) {
        return AppointmentResponse.of(bookings.get(businessId, parse(id)));
    }

    @PatchMapping(
            value = "/api/appointments/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change an appointment's status, notes, emergency flag or customer",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            value =
                                                                    "{\"status\": \"CONFIRMED\", \"notes\": \"Gate code 42\"}"))))
    AppointmentResponse change(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @PathVariable String id,
            @Valid @RequestBody ChangeRequest request) {
        var change = new BookingService.AppointmentChange(
                request.status(),
                request.notes(),
                request.emergency(),
                request.customer() == null ? null : request.customer().name(),
                request.customer() == null ? null : request.customer().email());
        return AppointmentResponse.of(bookings.change(businessId, parse(id), change));
    }

    @PostMapping("/api/appointments/{id}/reschedule")
    @Operation(
            summary = "Move an appointment",
            description = "409 or 422 with alternatives when the new time is not free.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(value = "{\"start\": \"2026-11-25T14:00:00Z\"}"))))
    AppointmentResponse reschedule(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @PathVariable String id,
            @Valid @RequestBody RescheduleRequest request) {
        AppointmentId appointmentId = parse(id);
        Business business = bookings.business(businessId);
        bookings.get(businessId, appointmentId);
        return AppointmentResponse.of(bookings.reschedule(
                businessId, appointmentId, TimeInput.instant("start", request.start(), business.timezone())));
    }

    @PostMapping("/api/appointments/{id}/cancel")
    @Operation(summary = "Cancel an appointment", description = "Cancelling twice is harmless.")
    AppointmentResponse cancel(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId, @PathVariable String id) {
        return AppointmentResponse.of(bookings.cancel(businessId, parse(id)));
    }

    private BookingCommand command(Business business, BookingRequest request) {
        PhoneNumber phone = null;
        if (request.customer().phone() != null && !request.customer().phone().isBlank()) {
            String region = business.phoneNumbers().stream()
                    .findFirst()
                    .or(() -> java.util.Optional.ofNullable(business.ownerPhone()))
                    .flatMap(PhoneNumber::region)
                    .orElse("US");
            phone = PhoneNumber.parseLenient(request.customer().phone(), region)
                    .orElseThrow(() -> FrontdeskException.validation(
                            List.of(new FieldError("customer.phone", "is not a valid phone number"))));
        }
        String staffId = request.staffId() == null || request.staffId().isBlank()
                ? null
                : request.staffId().trim();
        if (staffId != null && !directory.isEmployee(business.id(), staffId)) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("staffId", "is not the id of one of this business's employees")));
        }
        return new BookingCommand(
                request.service(),
                TimeInput.instant("start", request.start(), business.timezone()),
                new Customer(
                        request.customer().name().trim(),
                        phone,
                        request.customer().email() == null
                                        || request.customer().email().isBlank()
                                ? null
                                : request.customer().email().trim(),
                        request.customer().language() == null
                                ? null
                                : request.customer().language().trim().toLowerCase(java.util.Locale.ROOT)),
                staffId,
                request.notes() == null || request.notes().isBlank()
                        ? null
                        : request.notes().trim(),
                Boolean.TRUE.equals(request.emergency()),
                "API");
    }

    static List<String> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(status.split(","))
                    .map(s -> AppointmentStatus.valueOf(s.trim().toUpperCase(Locale.ROOT))
                            .name())
                    .toList();
        } catch (IllegalArgumentException e) {
            throw FrontdeskException.validation(List.of(
                    new FieldError("status", "must be one or more of " + Arrays.toString(AppointmentStatus.values()))));
        }
    }

    private static AppointmentId parse(String id) {
        return AppointmentId.parse(id).orElseThrow(() -> FrontdeskException.notFound("Appointment " + id));
    }

    private static URI location(Appointment appointment) {
        return URI.create("/api/appointments/" + appointment.id());
    }

    /** Renders booking answers for the idempotency store exactly as the API sends them. */
    private final class Renderer implements BookingService.ResponseRenderer {
        @Override
        public IdempotencyStore.StoredResponse booked(Appointment appointment, String requestHash) {
            return new IdempotencyStore.StoredResponse(
                    requestHash, 201, json.writeValueAsString(AppointmentResponse.of(appointment)));
        }

        @Override
        public IdempotencyStore.StoredResponse problem(FrontdeskException problem, String requestHash) {
            var detail = problem.toProblem();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", detail.getType().toString());
            body.put("title", detail.getTitle());
            body.put("status", detail.getStatus());
            body.put("detail", detail.getDetail());
            body.put("instance", "/api/appointments");
            if (detail.getProperties() != null) {
                body.putAll(detail.getProperties());
            }
            String requestId = MDC.get("requestId");
            if (requestId != null) {
                body.put("requestId", requestId);
            }
            return new IdempotencyStore.StoredResponse(requestHash, detail.getStatus(), json.writeValueAsString(body));
        }
    }
}
