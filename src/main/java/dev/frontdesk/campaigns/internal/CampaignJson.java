package dev.frontdesk.campaigns.internal;

import dev.frontdesk.campaigns.Campaigns.Counts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The campaigns API's JSON. */
final class CampaignJson {

    private CampaignJson() {}

    static final String EXAMPLE = """
            {"name": "Spring boiler checks", "purpose": "your annual boiler check",
             "filter": {"status": "NEW", "language": "en", "tag": "boiler"},
             "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 5,
             "pacing": {"callsPerMinute": 10},
             "retry": {"attempts": 2, "backoffMinutes": 120}, "voicemail": "LEAVE_MESSAGE",
             "openingScript": "Would you like to book a visit this month?"}""";

    /** A lead stage from a query parameter, upper-cased; null for none; anything else a 400. */
    static String stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return Campaign.LeadState.valueOf(stage.strip().toUpperCase(java.util.Locale.ROOT))
                    .name();
        } catch (IllegalArgumentException e) {
            throw dev.frontdesk.shared.FrontdeskException.validation(
                    List.of(new dev.frontdesk.shared.FrontdeskException.FieldError(
                            "stage", "must be one of " + java.util.Arrays.toString(Campaign.LeadState.values()))));
        }
    }

    @Schema(name = "CampaignRequest")
    record Request(
            @Schema(example = "Spring boiler checks") String name,

            @Schema(
                    description = "Why the business calls, said in the opening line",
                    example = "your annual boiler check")
            String purpose,

            @Schema(description = "The leads to call (customer ids); or filter; neither: every lead")
            List<String> leadIds,

            @Schema(description = "The leads to call, as the leads list filters them")
            Filter filter,

            Window window,
            @Schema(example = "5") Integer maxConcurrentCalls,
            Pacing pacing,
            Retry retry,

            @Schema(allowableValues = {"LEAVE_MESSAGE", "HANG_UP"})
            String voicemail,

            @Schema(description = "Said after the introduction; default: a question whether the person has a moment")
            String openingScript) {}

    record Filter(
            @Schema(example = "NEW") String status,
            @Schema(example = "en") String language,
            @Schema(example = "boiler") String tag) {}

    @Schema(description = "When to call, in each lead's local time; never before 08:00 or after 21:00 whatever it says")
    record Window(
            @Schema(example = "09:00") String start,
            @Schema(example = "18:00") String end) {}

    @Schema(
            description = "Optional: at most callsPerMinute (1 to 600) new calls are started in any minute, counted"
                    + " across the nodes from the calls placed; absent or null: only maxConcurrentCalls limits them."
                    + " In a change, a pacing object replaces the campaign's ({} removes it).")
    record Pacing(@Schema(example = "10") Integer callsPerMinute) {}

    @Schema(
            description =
                    "Calls after the first one to a lead that did not answer, was busy, had a machine answer or whose call"
                            + " failed (Twilio's failed, or a call Twilio refused)")
    record Retry(
            @Schema(example = "2") Integer attempts,
            @Schema(example = "120") Integer backoffMinutes) {}

    @Schema(name = "Campaign")
    record Response(
            UUID id,
            String name,
            String purpose,
            @Schema(example = "DRAFT") String status,
            Window window,
            int maxConcurrentCalls,
            Pacing pacing,
            Retry retry,
            String voicemail,
            String openingScript,
            Counts counts,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(Campaign c, Counts counts) {
            return new Response(
                    c.id(),
                    c.name(),
                    c.purpose(),
                    c.status().name(),
                    new Window(c.window().start().toString(), c.window().end().toString()),
                    c.maxConcurrentCalls(),
                    c.callsPerMinute() == null ? null : new Pacing(c.callsPerMinute()),
                    new Retry(c.retryAttempts(), c.retryBackoffMinutes()),
                    c.voicemail().name(),
                    c.openingScript(),
                    counts,
                    c.createdAt(),
                    c.updatedAt());
        }
    }
}
