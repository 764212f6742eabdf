package dev.frontdesk.directory.internal;

import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member of staff; {@code hours} null means the department's hours (or the business's without a
 * department); {@code departmentName} is read along for display.
 */
record Employee(
        UUID id,
        BusinessId businessId,
        String name,
        String phone,
        String email,
        UUID departmentId,
        String departmentName,
        List<String> roles,
        EmployeeStatus status,
        WeeklyHours hours,
        Instant createdAt,
        Instant updatedAt) {

    Employee {
        roles = List.copyOf(roles);
    }
}
