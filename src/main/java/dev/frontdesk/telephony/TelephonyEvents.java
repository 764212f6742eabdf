package dev.frontdesk.telephony;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/** Events the telephony module publishes (through the event publication registry). */
public final class TelephonyEvents {

    private TelephonyEvents() {}

    /**
     * A phone call's final status callback arrived and closed its call record (once per call).
     *
     * @param direction {@code inbound}, or Twilio's outbound direction for a call the business placed
     * @param status Twilio's final status: completed, busy, no-answer, failed, canceled
     * @param customerPhone the other party's number (E.164): the caller, or the person called
     * @param durationSeconds the call's length as Twilio reported it, null when it did not
     * @param campaignId the campaign that placed the call (see {@link Calls#outboundAnswered}), null for a
     *     received call
     */
    public record CallCompleted(
            BusinessId businessId,
            UUID callId,
            String callSid,
            String direction,
            String status,
            String customerPhone,
            Instant startedAt,
            Instant endedAt,
            Integer durationSeconds,
            UUID campaignId) {}
}
