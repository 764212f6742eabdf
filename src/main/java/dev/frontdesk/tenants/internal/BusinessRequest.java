package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.ServiceOffering;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business's editable profile: the body of {@code POST /api/admin/businesses}, and the document that
 * {@code PATCH} (JSON merge patch) changes.
 */
@Schema(name = "BusinessRequest", description = "A business's profile and settings")
record BusinessRequest(
        @Schema(example = "Bristol Plumbing") @NotBlank(message = "must not be empty") @Size(max = 200)
        String name,

        @Schema(description = "IANA timezone", example = "America/New_York") @NotBlank(message = "must not be empty")
        String timezone,

        @Schema(description = "Numbers callers dial, E.164, unique across businesses", example = "[\"+16175550100\"]")
        @Size(max = 20)
        List<String> phoneNumbers,

        @Schema(description = "Where emergency alerts go, E.164", example = "+16175550142")
        String ownerPhone,

        @Schema(example = "owner@bristolplumbing.example") @Email @Size(max = 320)
        String ownerEmail,

        @Size(max = 100) List<@Valid @NotNull ServiceRequest> services,

        @Schema(
                description = "Opening hours per day, several ranges a day",
                example = "{\"MONDAY\": [\"08:00-12:00\", \"13:00-17:00\"], \"SATURDAY\": [\"09:00-13:00\"]}")
        Map<String, List<String>> hours,

        @Schema(description = "Dates the business is closed", example = "[\"2026-12-25\"]") @Size(max = 400)
        List<String> closedDates,

        @Schema(example = "Thanks for calling Bristol Plumbing, how can I help?") @Size(max = 1000)
        String greeting,

        @Schema(description = "ISO 639-1 language the assistant starts in", example = "en")
        String defaultLanguage,

        @Schema(description = "Words that mark an emergency; a default list when omitted", example = "[\"burst pipe\"]")
        @Size(max = 100)
        List<String> emergencyKeywords,

        @Valid BusinessSettings settings) {

    /** A service as written in a request. */
    @Schema(name = "Service")
    record ServiceRequest(
            @Schema(example = "Drain cleaning") @NotBlank(message = "must not be empty") @Size(max = 100)
            String name,

            @Schema(example = "60") @NotNull @Min(5) @Max(720)
            Integer durationMinutes,

            @Schema(example = "from $120") @Size(max = 100) String priceText,

            @Schema(example = "[\"blocked drain\", \"desatasco\"]") @Size(max = 20)
            List<@NotBlank @Size(max = 100) String> aliases) {

        static ServiceRequest from(ServiceOffering service) {
            return new ServiceRequest(
                    service.name(), service.durationMinutes(), service.priceText(), service.aliases());
        }
    }

    /** The editable document of an existing business. */
    static BusinessRequest from(Business business) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        business.hours()
                .days()
                .forEach((day, ranges) -> hours.put(
                        day.name(), ranges.stream().map(Object::toString).toList()));
        return new BusinessRequest(
                business.name(),
                business.timezone().getId(),
                business.phoneNumbers().stream().map(PhoneNumber::e164).toList(),
                business.ownerPhone() == null ? null : business.ownerPhone().e164(),
                business.ownerEmail(),
                business.services().stream().map(ServiceRequest::from).toList(),
                hours,
                business.closedDates().stream()
                        .sorted()
                        .map(LocalDate::toString)
                        .toList(),
                business.greeting(),
                business.defaultLanguage(),
                business.emergencyKeywords(),
                business.settings());
    }
}
