package dev.frontdesk.campaigns;

import dev.frontdesk.tenants.BusinessId;
import java.util.Optional;
import java.util.UUID;

/** The campaigns module's API for other modules: where a campaign stands. */
public interface Campaigns {

    /** The campaign's status and funnel counts; empty for an unknown campaign or another business's. */
    Optional<Progress> progress(BusinessId business, UUID campaign);

    /** The name of the business's campaign that placed the call with this CallSid; empty for any other call. */
    Optional<String> campaignOfCall(BusinessId business, String callSid);

    /** The business's RUNNING and PAUSED campaigns, newest first, with their counts. */
    java.util.List<Active> active(BusinessId business);

    /** A campaign that is running or paused, by name. */
    record Active(UUID id, String name, String status, Counts counts) {}

    /** A campaign's status ({@code DRAFT}, {@code RUNNING}, {@code PAUSED}, {@code STOPPED}, {@code COMPLETED}) and counts. */
    record Progress(UUID id, String status, Counts counts) {}

    /**
     * How many of the campaign's leads are at each stage; they add up to the campaign's leads. {@code erased}:
     * leads whose customer was erased before their outcome was known.
     */
    record Counts(
            long queued,
            long calling,
            long contacted,
            long meetings,
            long notInterested,
            long noAnswer,
            long failed,
            long doNotCall,
            long erased) {

        public long total() {
            return queued + calling + contacted + meetings + notInterested + noAnswer + failed + doNotCall + erased;
        }
    }
}
