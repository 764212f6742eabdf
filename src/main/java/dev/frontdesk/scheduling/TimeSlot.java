package dev.frontdesk.scheduling;

import java.time.Instant;

/** A bookable stretch of time. */
public record TimeSlot(Instant start, Instant end) {}
