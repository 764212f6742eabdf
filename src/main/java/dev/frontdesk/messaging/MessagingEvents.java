package dev.frontdesk.messaging;

import dev.frontdesk.tenants.BusinessId;

/** Events the messaging module publishes (through the event publication registry). */
public final class MessagingEvents {

    private MessagingEvents() {}

    /** A customer opted out of a business's texts (STOP) or back in (START); {@code phone} is E.164. */
    public record SmsOptOutChanged(BusinessId businessId, String phone, boolean optedOut) {}
}
