package dev.frontdesk.tenants.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.BusinessStatus;
import dev.frontdesk.tenants.ServiceOffering;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A business as the API shows it. {@code apiKey} and {@code widgetToken} appear only once, on creation. */
@Schema(name = "Business")
@JsonInclude(JsonInclude.Include.NON_NULL)
record BusinessResponse(
        @Schema(example = "0b6a4f8e-3c1d-4a57-9a0e-1d2f3c4b5a69")
        UUID id,

        @Schema(example = "Bristol Plumbing") String name,
        @Schema(example = "America/New_York") String timezone,
        @Schema(example = "[\"+16175550100\"]") List<String> phoneNumbers,
        @Schema(example = "+16175550142") String ownerPhone,
        @Schema(example = "owner@bristolplumbing.example") String ownerEmail,
        List<ServiceOffering> services,
        @Schema(example = "{\"MONDAY\": [\"08:00-17:00\"]}") Map<String, List<String>> hours,
        @Schema(example = "[\"2026-12-25\"]") List<LocalDate> closedDates,
        String greeting,
        @Schema(example = "en") String defaultLanguage,
        List<String> emergencyKeywords,
        @Schema(example = "ACTIVE") BusinessStatus status,
        BusinessSettings settings,

        @Schema(description = "Public prefix of the current API key", example = "Xk3mP9qa")
        String apiKeyPrefix,

        @Schema(description = "Public prefix of the current widget token", example = "T7wQe2Lm")
        String widgetTokenPrefix,

        @Schema(description = "The API key; shown once, on creation only", example = "fdk_Xk3mP9qa_3q2-7wP0...")
        String apiKey,

        @Schema(description = "The widget token; shown once, on creation only", example = "fdw_T7wQe2Lm_Vb8...")
        String widgetToken,

        Instant createdAt,
        Instant updatedAt) {

    static BusinessResponse of(BusinessEntity entity) {
        return of(entity, null, null);
    }

    static BusinessResponse of(BusinessEntity entity, String apiKey, String widgetToken) {
        Business b = entity.business();
        Map<String, List<String>> hours = new LinkedHashMap<>();
        b.hours()
                .days()
                .forEach((day, ranges) -> hours.put(
                        day.name(), ranges.stream().map(Object::toString).toList()));
        return new BusinessResponse(
                b.id().value(),
                b.name(),
                b.timezone().getId(),
                b.phoneNumbers().stream().map(PhoneNumber::e164).toList(),
                b.ownerPhone() == null ? null : b.ownerPhone().e164(),
                b.ownerEmail(),
                b.services(),
                hours,
                b.closedDates().stream().sorted().toList(),
                b.greeting(),
                b.defaultLanguage(),
                b.emergencyKeywords(),
                b.status(),
                b.settings(),
                entity.apiKeyPrefix(),
                entity.widgetTokenPrefix(),
                apiKey,
                widgetToken,
                b.createdAt(),
                b.updatedAt());
    }
}
