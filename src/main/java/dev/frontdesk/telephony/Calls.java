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

    /** A call's length and recording. */
    record CallFacts(Integer durationSeconds, String recordingUrl) {}
}
