package dev.frontdesk.scheduling;

import java.time.Instant;

/**
 * Events of the scheduling module, published through the Spring Modulith event publication registry,
 * so that messaging and calendars react even after a crash.
 */
public final class AppointmentEvents {

    private AppointmentEvents() {}

    /** A new appointment was booked. */
    public record AppointmentBooked(Appointment appointment) {}

    /** An appointment moved from {@code previousStart} to its new time. */
    public record AppointmentRescheduled(Appointment appointment, Instant previousStart) {}

    /** An appointment was cancelled. */
    public record AppointmentCancelled(Appointment appointment) {}
}
