package dev.frontdesk.scheduling.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** The JSON shapes of the appointments API. */
final class AppointmentJson {

    private AppointmentJson() {}

    @Schema(name = "BookingRequest")
    record BookingRequest(
            @Schema(description = "Service name or alias", example = "Drain cleaning")
            @NotBlank(message = "must not be empty")
            String service,

            @Schema(
                    description =
                            "ISO-8601 instant or offset date-time; a local date-time is read in the business's timezone",
                    example = "2026-11-24T15:00:00Z")
            @NotBlank(message = "must not be empty")
            String start,

            @NotNull @Valid CustomerRequest customer,

            @Schema(description = "Staff member, when the business has staff", example = "sam") @Size(max = 64)
            String staffId,

            @Schema(example = "Kitchen sink, back door code 1234") @Size(max = 2000)
            String notes,

            @Schema(description = "Emergency bookings skip the notice, the daily cap and the morning reserve")
            Boolean emergency) {}

    @Schema(name = "CustomerRequest")
    record CustomerRequest(
            @Schema(example = "Dana Smith") @NotBlank(message = "must not be empty") @Size(max = 200)
            String name,

            @Schema(description = "Phone number; stored in E.164", example = "+16175550123") @Size(max = 40)
            String phone,

            @Schema(example = "dana@example.com") @Email @Size(max = 320)
            String email,

            @Schema(
                    description = "The language of the customer's confirmation texts (en, es, fr); the customer's"
                            + " language on file, else the business's default, when left out",
                    example = "es")
            @jakarta.validation.constraints.Pattern(
                    regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?",
                    message = "must be a language code such as en, es or fr")
            String language) {}

    @Schema(name = "RescheduleRequest")
    record RescheduleRequest(
            @Schema(example = "2026-11-25T14:00:00Z") @NotBlank(message = "must not be empty")
            String start) {}

    @Schema(name = "AppointmentChange", description = "Members left out stay as they are; \"\" clears a text")
    record ChangeRequest(
            @Schema(description = "SCHEDULED, CONFIRMED, COMPLETED or NO_SHOW (cancel with POST .../cancel)")
            AppointmentStatus status,

            @Size(max = 2000) String notes,
            Boolean emergency,
            @Valid CustomerChange customer) {}

    record CustomerChange(
            @Size(max = 200) String name,
            @Email @Size(max = 320) String email) {}

    @Schema(name = "Appointment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppointmentResponse(
            UUID id,
            @Schema(example = "2026-11-24T15:00:00Z") Instant start,
            @Schema(example = "2026-11-24T16:00:00Z") Instant end,
            @Schema(example = "Drain cleaning") String service,
            @Schema(example = "SCHEDULED") AppointmentStatus status,
            boolean emergency,
            CustomerResponse customer,
            String staffId,
            String notes,
            @Schema(example = "API") String sourceChannel,
            String meetingLink,
            Instant createdAt,
            Instant updatedAt) {

        static AppointmentResponse of(Appointment a) {
            return new AppointmentResponse(
                    a.id().value(),
                    a.start(),
                    a.end(),
                    a.service(),
                    a.status(),
                    a.emergency(),
                    new CustomerResponse(
                            a.customer().name(),
                            a.customer().phone() == null
                                    ? null
                                    : a.customer().phone().e164(),
                            a.customer().email()),
                    a.staffId(),
                    a.notes(),
                    a.sourceChannel(),
                    a.meetingLink(),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerResponse(
            @Schema(example = "Dana Smith") String name,
            @Schema(example = "+16175550123") String phone,
            @Schema(example = "dana@example.com") String email) {}
}
