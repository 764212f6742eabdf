package dev.frontdesk.scheduling.availability;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Busy items sorted by start, as epoch-millisecond arrays, with the running maximum of the ends so that
 * "does anything overlap this window" is one binary search.
 */
final class Intervals {

    static final Intervals EMPTY = new Intervals(new Busy[0]);

    private final Busy[] items;
    private final long[] starts;
    private final long[] ends;
    /** {@code maxEnds[i]} is the largest end among items {@code 0..i}; non-decreasing. */
    private final long[] maxEnds;

    private Intervals(Busy[] items) {
        this.items = items;
        int n = items.length;
        starts = new long[n];
        ends = new long[n];
        maxEnds = new long[n];
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            starts[i] = Times.floorMillis(items[i].start());
            ends[i] = Times.ceilMillis(items[i].end());
            max = Math.max(max, ends[i]);
            maxEnds[i] = max;
        }
    }

    static Intervals of(List<Busy> busy) {
        if (busy.isEmpty()) {
            return EMPTY;
        }
        Busy[] sorted = busy.toArray(Busy[]::new);
        Arrays.sort(sorted, Comparator.comparing(Busy::start).thenComparing(Busy::end));
        return new Intervals(sorted);
    }

    int size() {
        return items.length;
    }

    /** Whether any item overlaps the half-open window {@code [from, to)}. */
    boolean overlaps(long from, long to) {
        if (from >= to) {
            return false;
        }
        int candidates = lowerBound(starts, to); // items 0..candidates-1 start before the window ends
        return candidates > 0 && maxEnds[candidates - 1] > from;
    }

    /** Adds the items overlapping {@code [from, to)} to {@code out}, in start order. */
    void collect(long from, long to, List<Busy> out) {
        if (from >= to) {
            return;
        }
        int last = lowerBound(starts, to);
        int first = upperBound(maxEnds, from, last); // before it, every item ends at or before from
        for (int i = first; i < last; i++) {
            if (ends[i] > from) {
                out.add(items[i]);
            }
        }
    }

    /** How many items start in {@code [from, to)}. */
    int countStartingIn(long from, long to) {
        return from >= to ? 0 : lowerBound(starts, to) - lowerBound(starts, from);
    }

    /** The first index whose value is {@code >= key}. */
    private static int lowerBound(long[] values, long key) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first index below {@code limit} whose value is {@code > key}. */
    private static int upperBound(long[] values, long key, int limit) {
        int low = 0;
        int high = limit;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
