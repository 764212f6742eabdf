package dev.frontdesk.scheduling.availability;

import dev.frontdesk.tenants.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time helpers. The engine works in epoch milliseconds; wherever an instant is not a whole millisecond it
 * is rounded in the direction that can only make the engine stricter, never more permissive.
 */
final class Times {

    private Times() {}

    static long floorMillis(Instant instant) {
        return instant.toEpochMilli();
    }

    static long ceilMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    static long millis(Duration duration, String name) {
        if (duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds");
        }
        return duration.toMillis();
    }

    /** The instant of a local time on a date; {@link LocalTime#MAX} is 24:00, the next day's start. */
    static Instant instantOf(LocalDate date, LocalTime time, ZoneId zone) {
        if (LocalTime.MAX.equals(time)) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** Sorted, with overlapping or touching ranges merged: the set of open times. */
    static List<TimeRange> normalize(List<TimeRange> ranges) {
        if (ranges.size() <= 1) {
            return ranges;
        }
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> merged = new ArrayList<>(sorted.size());
        TimeRange current = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            TimeRange next = sorted.get(i);
            if (next.start().isAfter(current.end())) {
                merged.add(current);
                current = next;
            } else if (next.end().isAfter(current.end())) {
                current = new TimeRange(current.start(), next.end());
            }
        }
        merged.add(current);
        return List.copyOf(merged);
    }

    /**
     * The intersection of two flattened lists of instant ranges ({@code [start0, end0, start1, ...]}, each
     * ascending and non-overlapping). Intersecting instants rather than local times keeps the result inside
     * both even when a DST change moves one end of a range.
     */
    static long[] intersect(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long start = Math.max(a[i], b[j]);
            long end = Math.min(a[i + 1], b[j + 1]);
            if (start < end) {
                out[n++] = start;
                out[n++] = end;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Ranges of a date as instants, flattened to {@code [start0, end0, start1, end1, ...]}: starts rounded
     * up and ends rounded down to whole milliseconds; ranges that DST leaves empty are dropped.
     */
    static long[] toInstants(List<TimeRange> ranges, LocalDate date, ZoneId zone) {
        long[] out = new long[ranges.size() * 2];
        int n = 0;
        for (TimeRange range : ranges) {
            long start = ceilMillis(instantOf(date, range.start(), zone));
            long end = floorMillis(instantOf(date, range.end(), zone));
            if (start < end) {
                out[n++] = start;
                out[n++] = end;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
