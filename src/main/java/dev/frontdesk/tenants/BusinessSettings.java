package dev.frontdesk.tenants;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Typed per-business settings read by the other modules. Every member has a default, so a business
 * created without settings behaves sensibly.
 */
public record BusinessSettings(
        @Valid Scheduling scheduling,
        @Valid Assistant assistant,
        @Valid Messaging messaging) {

    public BusinessSettings {
        scheduling = scheduling == null ? Scheduling.defaults() : scheduling;
        assistant = assistant == null ? Assistant.defaults() : assistant;
        messaging = messaging == null ? Messaging.defaults() : messaging;
    }

    public static BusinessSettings defaults() {
        return new BusinessSettings(null, null, null);
    }

    /** How appointments may be booked. */
    public record Scheduling(
            @Schema(description = "Slot granularity in minutes", example = "30") @Min(5) @Max(240)
            Integer slotMinutes,

            @Schema(description = "Minimum notice before a booking, in minutes", example = "120") @Min(0) @Max(43200)
            Integer minNoticeMinutes,

            @Schema(description = "How many days ahead callers may book", example = "60") @Min(1) @Max(365)
            Integer horizonDays,

            @Schema(description = "Free minutes kept before each appointment (e.g. travel)", example = "0")
            @Min(0)
            @Max(240)
            Integer bufferBeforeMinutes,

            @Schema(description = "Free minutes kept after each appointment", example = "0") @Min(0) @Max(240)
            Integer bufferAfterMinutes,

            @Schema(description = "At most this many appointments a day; empty for no cap", example = "8")
            @Min(1)
            @Max(1000)
            Integer maxJobsPerDay,

            @Schema(description = "Hours before an appointment to send the SMS reminder", example = "24")
            @Min(1)
            @Max(168)
            Integer defaultReminderHours,

            @Schema(
                    description = "Slots starting before this time are kept for emergencies; empty for none",
                    example = "10:00")
            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time such as 10:00")
            String emergencyMorningsUntil) {

        public Scheduling {
            slotMinutes = slotMinutes == null ? 30 : slotMinutes;
            minNoticeMinutes = minNoticeMinutes == null ? 120 : minNoticeMinutes;
            horizonDays = horizonDays == null ? 60 : horizonDays;
            bufferBeforeMinutes = bufferBeforeMinutes == null ? 0 : bufferBeforeMinutes;
            bufferAfterMinutes = bufferAfterMinutes == null ? 0 : bufferAfterMinutes;
            defaultReminderHours = defaultReminderHours == null ? 24 : defaultReminderHours;
        }

        public static Scheduling defaults() {
            return new Scheduling(null, null, null, null, null, null, null, null);
        }
    }

    /** How the assistant speaks and listens. */
    public record Assistant(
            @Schema(
                    description = "Text-to-speech voice; empty for the default voice of the language",
                    example = "Polly.Joanna-Neural")
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may only contain letters, digits, '.', '_' and '-'")
            String voice,

            @Schema(description = "Speech below this recognition confidence is confirmed back", example = "0.4")
            @DecimalMin("0.0")
            @DecimalMax("1.0")
            Double speechConfidenceThreshold,

            @Schema(description = "Custom instructions for the LLM brain; empty for the default prompt")
            @Size(max = 8000)
            String prompt,

            @Schema(description = "Time budget of one voice turn, in milliseconds", example = "2500")
            @Min(500)
            @Max(10000)
            Integer voiceTurnBudgetMillis) {

        public Assistant {
            speechConfidenceThreshold = speechConfidenceThreshold == null ? 0.4 : speechConfidenceThreshold;
            voiceTurnBudgetMillis = voiceTurnBudgetMillis == null ? 2500 : voiceTurnBudgetMillis;
        }

        public static Assistant defaults() {
            return new Assistant(null, null, null, null);
        }
    }

    /** Outbound messages and the web chat widget. */
    public record Messaging(
            @Schema(
                    description = "Origins whose pages may embed the chat widget and call its API."
                            + " Empty (the default): any site may embed the chat page; no other origin may"
                            + " call the API directly",
                    example = "[\"https://bristolplumbing.example\"]")
            @Size(max = 20)
            List<
                            @Pattern(
                                    regexp = "https?://[A-Za-z0-9.-]+(:\\d{1,5})?",
                                    message = "must be an origin such as https://example.com")
                            String>
                    widgetAllowedOrigins,

            @Schema(description = "Most SMS the business may send in a day", example = "500") @Min(0) @Max(100000)
            Integer smsDailyCap) {

        public Messaging {
            widgetAllowedOrigins = widgetAllowedOrigins == null ? List.of() : List.copyOf(widgetAllowedOrigins);
            smsDailyCap = smsDailyCap == null ? 500 : smsDailyCap;
        }

        public static Messaging defaults() {
            return new Messaging(null, null);
        }
    }
}
