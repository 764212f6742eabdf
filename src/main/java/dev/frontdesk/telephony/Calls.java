package dev.frontdesk.telephony;

import dev.frontdesk.tenants.BusinessId;
import java.util.Optional;

/** The telephony module's API for the owner's dashboard: what is known about a phone call. */
public interface Calls {

    /**
     * The business's phone call with this CallSid (a voice conversation's key), if it was recorded.
     *
     * @return its length in seconds (null until Twilio reports it) and recording URL (null without one)
     */
    Optional<CallFacts> call(BusinessId business, String callSid);

    /**
     * A call the business placed (a campaign's) was answered, by a person or a machine: it is recorded like a
     * received call, with direction {@code outbound-api}, and shows in {@code /api/calls}. A second answer of
     * the same CallSid changes nothing.
     *
     * @param from the business's number the call came from
     * @param to the number called
     */
    void outboundAnswered(
            BusinessId business, String callSid, String from, String to, String language, java.time.Instant at);

    /**
     * A call the business placed ended ({@code status}: Twilio's {@code completed}, {@code busy}, …): its record,
     * if it was answered, is closed as on a received call's status callback. Only the first end counts.
     */
    void outboundEnded(String callSid, String status, Integer durationSeconds, java.time.Instant at);

    /** A call's length and recording. */
    record CallFacts(Integer durationSeconds, String recordingUrl) {}
}
