package dev.frontdesk.campaigns.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Places outbound calls: Twilio's Calls API, or the sandbox dialer. */
interface CallPlacer {

    /**
     * Places the call; answers its sid.
     *
     * @throws NotPlaced when the provider refused the call (it was certainly not placed); any other failure
     *     leaves it unknown whether the call was placed ({@link #placedFor} finds out later)
     */
    String place(OutboundCall call);

    /** The sid of the call placed for this attempt, if the provider has one (after a failure or a crash). */
    Optional<String> placedFor(OutboundCall call);

    /**
     * One outbound call: from the business's number to the lead's; {@code answerUrl} gets the answer
     * (with AnsweredBy), {@code statusUrl} the call's end; {@code machineDetection} is Twilio's
     * {@code Enable} or {@code DetectMessageEnd} (to leave a message after the beep).
     */
    record OutboundCall(
            BusinessId business,
            UUID attemptId,
            String from,
            String to,
            String answerUrl,
            String statusUrl,
            String machineDetection,
            Instant claimedAt) {}

    /** The provider refused the call: it was not placed. */
    final class NotPlaced extends RuntimeException {
        NotPlaced(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
