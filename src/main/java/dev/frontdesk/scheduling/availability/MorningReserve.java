package dev.frontdesk.scheduling.availability;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Slots starting before {@code cutoff} (local time; precisely, before that local time's instant on the
 * slot's date) are kept free for emergencies: only an emergency query can book them.
 */
public record MorningReserve(LocalTime cutoff) {

    public MorningReserve {
        Objects.requireNonNull(cutoff, "cutoff");
    }
}
