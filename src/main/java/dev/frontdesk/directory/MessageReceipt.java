package dev.frontdesk.directory;

import java.util.UUID;

/**
 * What became of a message left for staff.
 *
 * @param messageId the stored message ({@code /api/messages/{id}})
 * @param recipientName the employee's or department's name, or the business's name for the owner
 * @param recipientKind {@code EMPLOYEE}, {@code DEPARTMENT} or {@code OWNER}
 * @param status {@code DELIVERED} (sent by SMS) or {@code FAILED}
 */
public record MessageReceipt(UUID messageId, String recipientName, String recipientKind, String status) {

    public boolean delivered() {
        return "DELIVERED".equals(status);
    }
}
