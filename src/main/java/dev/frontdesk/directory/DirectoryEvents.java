package dev.frontdesk.directory;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/** Events the directory module publishes (through the event publication registry). */
public final class DirectoryEvents {

    private DirectoryEvents() {}

    /**
     * A message for staff was stored (and its SMS and email sent or not).
     *
     * @param recipientKind {@code EMPLOYEE}, {@code DEPARTMENT} or {@code OWNER}
     * @param recipientId the employee's or department's id, null for the owner
     * @param status {@code DELIVERED} (sent by SMS) or {@code FAILED}
     * @param callerPhone the caller's number (E.164) when known; the message's words and the caller's name
     *     are not carried
     */
    public record MessageTaken(
            BusinessId businessId,
            UUID messageId,
            String recipientKind,
            UUID recipientId,
            String status,
            String callerPhone,
            Instant at) {}
}
