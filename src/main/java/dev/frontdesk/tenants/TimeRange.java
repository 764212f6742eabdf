package dev.frontdesk.tenants;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Opening hours within one day, written {@code 08:00-17:00}; the start is before the end. */
public record TimeRange(LocalTime start, LocalTime end) {

    public TimeRange {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end");
        }
    }

    /** Parses {@code HH:mm-HH:mm}; {@code 24:00} is accepted as the end of the day. */
    public static Optional<TimeRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            LocalTime start = LocalTime.parse(parts[0]);
            LocalTime end = "24:00".equals(parts[1]) ? LocalTime.MAX : LocalTime.parse(parts[1]);
            return start.isBefore(end) ? Optional.of(new TimeRange(start, end)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MAX) ? "24:00" : end.toString());
    }
}
