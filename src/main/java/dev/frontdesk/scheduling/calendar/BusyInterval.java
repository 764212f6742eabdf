package dev.frontdesk.scheduling.calendar;

import java.time.Instant;

/** A stretch of time in which an external calendar is busy. */
public record BusyInterval(Instant start, Instant end) {}
