package dev.frontdesk.scheduling;

/** Where an appointment stands. SCHEDULED and CONFIRMED ones hold their time. */
public enum AppointmentStatus {
    SCHEDULED,
    CONFIRMED,
    CANCELLED,
    COMPLETED,
    NO_SHOW;

    /** Whether the appointment still occupies its time slot. */
    public boolean holdsTime() {
        return this == SCHEDULED || this == CONFIRMED;
    }
}
