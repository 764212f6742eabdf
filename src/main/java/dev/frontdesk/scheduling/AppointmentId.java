package dev.frontdesk.scheduling;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies an appointment. */
public record AppointmentId(UUID value) {

    public AppointmentId {
        Objects.requireNonNull(value, "appointment id");
    }

    public static AppointmentId random() {
        return new AppointmentId(UUID.randomUUID());
    }

    /** Parses a textual id; empty when the text is not a UUID. */
    public static Optional<AppointmentId> parse(String text) {
        try {
            return Optional.of(new AppointmentId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
