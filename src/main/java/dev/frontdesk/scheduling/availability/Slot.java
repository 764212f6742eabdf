package dev.frontdesk.scheduling.availability;

import java.time.Instant;

/**
 * A free slot {@code [start, end)}.
 *
 * @param staffId who would take it, or {@code null} when the business has no staff
 */
public record Slot(Instant start, Instant end, String staffId) {}
