package dev.frontdesk.campaigns;

import dev.frontdesk.campaigns.Campaigns.Counts;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The campaigns module's API for the owner's dashboard: list, create, move (start, pause, resume, stop) and
 * follow a business's campaigns, with the same rules and messages as {@code /api/campaigns}.
 */
public interface CampaignDesk {

    /** The business's campaigns, newest first, with their counts. */
    PageResponse<Summary> list(BusinessId business, PageQuery page);

    /** One campaign of the business; empty for an unknown id or another business's campaign. */
    Optional<Summary> find(BusinessId business, UUID campaign);

    /** Creates a DRAFT campaign; nothing is stored when the draft has errors (by field, as the API names them). */
    Saved create(BusinessId business, Draft draft);

    /**
     * Starts, pauses, resumes or stops the campaign ({@code move}: START, PAUSE, RESUME, STOP).
     *
     * @return the campaign as it is now; empty when the business has no such campaign
     * @throws dev.frontdesk.shared.FrontdeskException a 409 {@code campaign-state} when its status does not allow it
     */
    Optional<Summary> move(BusinessId business, UUID campaign, String move);

    /** The campaign's leads with their stage, calls and last outcome; empty for another business's campaign. */
    Optional<PageResponse<LeadProgress>> leads(BusinessId business, UUID campaign, PageQuery page);

    /**
     * A campaign as typed in a form: texts as typed, numbers parsed (a number that could not be read is best
     * given as -1, which is out of every range), blanks as null. Leads: {@code leadIds}, or the filter's
     * fields, or neither for every lead.
     */
    record Draft(
            String name,
            String purpose,
            String openingScript,
            List<String> leadIds,
            String filterStatus,
            String filterLanguage,
            String filterTag,
            String windowStart,
            String windowEnd,
            Integer maxConcurrentCalls,
            Integer callsPerMinute,
            Integer retryAttempts,
            Integer retryBackoffMinutes,
            String voicemail) {}

    /** The created campaign's id, or the errors that kept it from being created. */
    record Saved(UUID id, List<FieldError> errors) {

        public boolean saved() {
            return id != null;
        }
    }

    /** A campaign: its settings, status ({@code DRAFT}, {@code RUNNING}, …) and counts. */
    record Summary(
            UUID id,
            String name,
            String purpose,
            String status,
            String windowStart,
            String windowEnd,
            int maxConcurrentCalls,
            Integer callsPerMinute,
            int retryAttempts,
            int retryBackoffMinutes,
            String voicemail,
            String openingScript,
            Counts counts,
            Instant createdAt,
            Instant updatedAt) {

        /** Whether calls may still be placed or be going on (the page keeps polling). */
        public boolean live() {
            return "RUNNING".equals(status) || "PAUSED".equals(status) || counts.calling() > 0;
        }
    }

    /**
     * One lead of a campaign: its stage ({@code QUEUED}, {@code CALLING}, {@code CONTACTED},
     * {@code MEETING_SCHEDULED}, {@code NO_ANSWER}, {@code FAILED}, {@code DO_NOT_CALL}), the calls placed, and
     * the last one: when, who answered ({@code human}, {@code machine_end_beep}, …) and how it ended (Twilio's
     * status: {@code completed}, {@code no-answer}, {@code busy}, …; null while it goes on).
     */
    record LeadProgress(
            UUID customerId,
            String name,
            String phone,
            String timezone,
            String stage,
            int attempts,
            Instant lastCallAt,
            String lastAnsweredBy,
            String lastCallStatus,
            Instant lastCallEndedAt,
            Instant nextCallAt) {}
}
