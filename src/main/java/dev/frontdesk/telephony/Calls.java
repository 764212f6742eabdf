package dev.frontdesk.telephony;

import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The telephony module's API for the owner's dashboard: what is known about a phone call. */
public interface Calls {

    /**
     * The business's phone call with this CallSid (a voice conversation's key), if it was recorded.
     *
     * @return its length in seconds (null until Twilio reports it), recording URL (null without one) and campaign
     *     (null for a received call)
     */
    Optional<CallFacts> call(BusinessId business, String callSid);

    /**
     * The campaigns that placed the business's calls with these CallSids; a received call, or a CallSid that is not
     * one of the business's calls, is left out.
     */
    Map<String, CallCampaign> campaigns(BusinessId business, Collection<String> callSids);

    /** The campaigns that placed at least one of the business's recorded calls, named, by name. */
    List<CallCampaign> campaignsWithCalls(BusinessId business);

    /**
     * A call the business placed (a campaign's) was answered, by a person or a machine: it is recorded like a
     * received call, with direction {@code outbound-api}, and shows in {@code /api/calls}. A second answer of
     * the same CallSid changes nothing.
     *
     * @param campaign the id of the business's campaign that placed the call, named on the call record
     * @param from the business's number the call came from
     * @param to the number called
     */
    void outboundAnswered(
            BusinessId business, UUID campaign, String callSid, String from, String to, String language, Instant at);

    /**
     * A call the business placed ended ({@code status}: Twilio's {@code completed}, {@code busy}, …): its record,
     * if it was answered, is closed as on a received call's status callback. Only the first end counts.
     */
    void outboundEnded(String callSid, String status, Integer durationSeconds, Instant at);

    /**
     * The business's phone calls in progress: answered (received, or placed by a campaign and answered) and not
     * ended, started since {@code since}, newest first, at most {@code limit}. A call whose end Twilio never
     * reported stays "in progress" in the records, so callers pass a bound ({@link #LONGEST_CALL} ago).
     */
    List<LiveCall> inProgress(BusinessId business, Instant since, int limit);

    /** Twilio ends every call after four hours (its default time limit), so an older open call has ended. */
    Duration LONGEST_CALL = Duration.ofHours(4);

    /** A call's length, recording and campaign (null for a received call). */
    record CallFacts(Integer durationSeconds, String recordingUrl, CallCampaign campaign) {}

    /**
     * The campaign that placed a call: its id, and its name as {@link CampaignNames} gives it now (null when no
     * module names it).
     */
    record CallCampaign(UUID id, String name) {}

    /**
     * A call in progress.
     *
     * @param caller the number of the other party: the caller, or the number a campaign called
     * @param outbound whether the business placed the call (a campaign's)
     * @param language the call's language so far, null when not known yet
     */
    record LiveCall(String callSid, String caller, boolean outbound, Instant startedAt, String language) {}
}
