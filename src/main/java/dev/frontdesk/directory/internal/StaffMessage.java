package dev.frontdesk.directory.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/**
 * A message a caller left for an employee, a department or (both null) the owner; names are read
 * along for display (null when the recipient was deleted since).
 */
record StaffMessage(
        UUID id,
        BusinessId businessId,
        UUID employeeId,
        String employeeName,
        UUID departmentId,
        String departmentName,
        String callerName,
        String callerPhone,
        String text,
        String status,
        Instant createdAt) {

    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String READ = "READ";
    static final String DONE = "DONE";
}
