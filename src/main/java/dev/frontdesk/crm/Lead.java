package dev.frontdesk.crm;

import java.util.UUID;

/**
 * A lead as an outbound campaign sees it: who to call, in which language, and where (the IANA time zone
 * of the lead's local time; the business's when the customer has none).
 */
public record Lead(UUID id, String phone, String name, String language, String timezone, boolean doNotCall) {

    /** Which leads a campaign takes, like the leads list's filters; null members do not filter. */
    public record Filter(String status, String language, String tag) {}

    /** The outbound funnel stages a campaign moves a lead through. */
    public enum Stage {
        QUEUED,
        CALLING,
        CONTACTED,
        MEETING_SCHEDULED,
        NOT_INTERESTED,
        NO_ANSWER,
        FAILED,
        DO_NOT_CALL
    }
}
