package dev.frontdesk.shared;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Rows read at most once per turn. One webhook turn looks up its business, the caller's appointments
 * or the staff roster from several places (the webhook, the assistant, its tools, the scheduling and
 * directory modules); inside {@link #during} the first read is kept and every later read of the same
 * key in the same turn gets it, on the turn's own thread and on the threads it hands work to with
 * {@link #carried}. Outside a turn every read goes to the database.
 *
 * <p>Nothing outlives the turn, so nothing here can be stale beyond the turn's own start: a change made
 * by another request is seen by the next turn. A turn that changes what it read forgets it
 * ({@link #forget}) so that it reads its own write.
 */
public final class TurnReads {

    private static final ThreadLocal<TurnReads> CURRENT = new ThreadLocal<>();

    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    private TurnReads() {}

    /** Runs one turn's work with its reads shared (joining the turn already open on this thread, if any). */
    public static <T> T during(Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        CURRENT.set(new TurnReads());
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** The task, to run on another thread as part of the turn open on this thread (if any). */
    public static <T> Callable<T> carried(Callable<T> task) {
        TurnReads turn = CURRENT.get();
        if (turn == null) {
            return task;
        }
        return () -> {
            TurnReads previous = CURRENT.get();
            CURRENT.set(turn);
            try {
                return task.call();
            } finally {
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        };
    }

    /**
     * What {@code read} returns, read once per turn for {@code key} (a record naming the rows, e.g. the
     * business id). Outside a turn, {@code read} every time.
     */
    @SuppressWarnings("unchecked")
    public static <V> V get(Object key, Supplier<V> read) {
        TurnReads turn = CURRENT.get();
        if (turn == null) {
            return read.get();
        }
        Object known = turn.values.get(key);
        if (known != null) {
            return (V) known;
        }
        V value = read.get(); // not inside computeIfAbsent: a read may itself read other keys
        if (value != null) {
            turn.values.putIfAbsent(key, value);
        }
        return value;
    }

    /** Keeps a value read another way (e.g. a business found by its phone number, kept under its id). */
    public static void remember(Object key, Object value) {
        TurnReads turn = CURRENT.get();
        if (turn != null && value != null) {
            turn.values.put(key, value);
        }
    }

    /** Forgets the keys this turn changed, so that its next read sees its own write. */
    public static void forget(Predicate<Object> keys) {
        TurnReads turn = CURRENT.get();
        if (turn != null) {
            turn.values.keySet().removeIf(keys);
        }
    }
}
