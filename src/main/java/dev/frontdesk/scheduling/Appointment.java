package dev.frontdesk.scheduling;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;

/**
 * An appointment as the other modules see it. {@code sequence} starts at 0 and grows with every
 * reschedule or cancellation (the ICS SEQUENCE of its invite).
 */
public record Appointment(
        AppointmentId id,
        BusinessId businessId,
        Customer customer,
        String service,
        String staffId,
        Instant start,
        Instant end,
        AppointmentStatus status,
        boolean emergency,
        String notes,
        String sourceChannel,
        String meetingLink,
        String externalEventId,
        int sequence,
        Instant createdAt,
        Instant updatedAt) {}
