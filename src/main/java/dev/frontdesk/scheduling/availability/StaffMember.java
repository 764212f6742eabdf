package dev.frontdesk.scheduling.availability;

import dev.frontdesk.tenants.WeeklyHours;
import java.util.Objects;

/**
 * A staff member who can take bookings.
 *
 * @param hours their working hours, or {@code null} for the business hours; either way they only work
 *     while the business is open
 */
public record StaffMember(String id, WeeklyHours hours) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
    }

    public static StaffMember withBusinessHours(String id) {
        return new StaffMember(id, null);
    }
}
