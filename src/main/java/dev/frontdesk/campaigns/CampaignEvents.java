package dev.frontdesk.campaigns;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/** Events the campaigns module publishes. */
public final class CampaignEvents {

    private CampaignEvents() {}

    /**
     * A call to a lead ended (or a lead was skipped) and the lead moved to {@code stage}: {@code QUEUED} (a
     * retry is planned), {@code CONTACTED}, {@code MEETING_SCHEDULED}, {@code NO_ANSWER}, {@code FAILED} or
     * {@code DO_NOT_CALL}.
     */
    public record LeadMoved(
            BusinessId businessId, UUID campaignId, UUID customerId, String stage, int attempts, Instant at) {}

    /**
     * A campaign's call that nobody answered ended ({@code status}: Twilio's {@code no-answer}, {@code busy},
     * {@code failed}, {@code canceled}, …): it has no call record of the telephony module, unlike an answered
     * call, which ends with {@code TelephonyEvents.CallCompleted}. {@code phone} is the number called (null when
     * its customer was erased).
     */
    public record CallUnanswered(
            BusinessId businessId,
            UUID campaignId,
            String callSid,
            String phone,
            String status,
            Instant placedAt,
            Instant endedAt) {}

    /** Every lead of the campaign reached a final stage. */
    public record CampaignCompleted(BusinessId businessId, UUID campaignId, Instant at) {}
}
