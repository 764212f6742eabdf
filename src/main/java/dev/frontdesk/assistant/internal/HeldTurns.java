package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply.Action;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One held turn at a time per conversation, and nothing the caller says meanwhile is lost. A voice turn
 * over its budget marks its conversation held ({@code assistant_dialogue.held_until}) before the caller
 * hears "Just a moment"; while it is held, each thing the caller says is queued in order
 * ({@code assistant_held_utterance}) instead of running beside it on a stale dialogue. When the held turn
 * is done, the queued utterances are answered one after the other on its dialogue, and the conversation is
 * released with the last answer to be said ({@link Dialogue#deferred}) in the same transaction.
 *
 * <p>Both the queueing and the release lock the conversation's dialogue row, so an utterance is either
 * queued before the release (and answered) or arrives after it (and is a turn of its own): never both,
 * never neither. The mark and the queue are in the database, so a call whose webhooks reach another node is
 * held there too; a hold whose node stopped lapses at {@code held_until} and the next turn runs as usual.
 */
@Component
class HeldTurns {

    /** How long a held turn (or each queued utterance after it) may keep its conversation held. */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(45);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HeldTurns.class);

    /**
     * The answer of a turn that ran past its budget, waited for up to {@link #HOLD_LIMIT}; if it fails or takes
     * longer, it is cancelled and the caller hears that they were not understood. Null when the waiting thread is
     * interrupted (the node is stopping).
     */
    static OfflineBrain.Output awaitSlowTurn(
            java.util.concurrent.Future<OfflineBrain.Output> work, String language, String what) {
        try {
            return work.get(HOLD_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log.warn("A {} did not finish ({})", what, e.getClass().getSimpleName());
            work.cancel(true);
            return OfflineBrain.Output.say(Phrases.say(language, "notUnderstood"));
        }
    }

    private final JdbcClient jdbc;
    private final DialogueStore dialogues;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HeldTurns(JdbcClient jdbc, DialogueStore dialogues, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.dialogues = dialogues;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** An utterance said while a turn was held ({@code seq} is its place in the queue). */
    record Queued(long seq, String text, Double confidence) {}

    /** Whether {@code d} (as loaded) belongs to a conversation whose held turn is still running. */
    boolean held(Dialogue d) {
        return d.heldUntil != null && d.heldUntil.isAfter(clock.instant());
    }

    /** Marks the conversation held, before the caller is told to wait (the row exists after a greeting). */
    void hold(BusinessId business, UUID conversation) {
        OffsetDateTime until = Timestamps.utc(clock.instant().plus(HOLD_LIMIT));
        int marked = jdbc.sql("UPDATE assistant_dialogue SET held_until = :until WHERE conversation_id = :id")
                .param("until", until)
                .param("id", conversation)
                .update();
        if (marked == 0) {
            jdbc.sql("INSERT INTO assistant_dialogue (conversation_id, business_id, state, updated_at, held_until)"
                            + " VALUES (:id, :b, '{}', :now, :until) ON CONFLICT DO NOTHING")
                    .param("id", conversation)
                    .param("b", business.value())
                    .param("now", Timestamps.utc(clock.instant()))
                    .param("until", until)
                    .update();
        }
    }

    /** How a text turn began: it holds the conversation (whose row it created, or not), or another turn does. */
    enum Taken {
        NEW,
        EXISTING,
        BUSY
    }

    /**
     * Holds the conversation for a text turn unless another turn holds it: one conditional statement, so of
     * two texts arriving together exactly one holds it. Call inside a transaction.
     */
    Taken take(BusinessId business, UUID conversation) {
        OffsetDateTime now = Timestamps.utc(clock.instant());
        OffsetDateTime until = Timestamps.utc(clock.instant().plus(HOLD_LIMIT));
        for (int attempt = 0; attempt < 3; attempt++) {
            int marked = jdbc.sql("UPDATE assistant_dialogue SET held_until = :until WHERE conversation_id = :id"
                            + " AND (held_until IS NULL OR held_until <= :now)")
                    .param("until", until)
                    .param("id", conversation)
                    .param("now", now)
                    .update();
            if (marked == 1) {
                return Taken.EXISTING;
            }
            if (lockHeld(conversation)) {
                return Taken.BUSY;
            }
            int inserted = jdbc.sql(
                            "INSERT INTO assistant_dialogue (conversation_id, business_id, state, updated_at, held_until)"
                                    + " VALUES (:id, :b, '{}', :now, :until) ON CONFLICT DO NOTHING")
                    .param("id", conversation)
                    .param("b", business.value())
                    .param("now", now)
                    .param("until", until)
                    .update();
            if (inserted == 1) {
                return Taken.NEW;
            }
        }
        return Taken.BUSY;
    }

    /**
     * Queues what the caller said while the conversation is held, and returns its place in the queue; empty
     * when the held turn was released in the meantime (then the words are a turn of their own). Call inside
     * a transaction.
     */
    Optional<Long> enqueue(BusinessId business, UUID conversation, String text, Double confidence) {
        if (!lockHeld(conversation)) {
            return Optional.empty();
        }
        jdbc.sql("INSERT INTO assistant_held_utterance (conversation_id, business_id, text, confidence, received_at)"
                        + " VALUES (:c, :b, :t, :conf, :at)")
                .param("c", conversation)
                .param("b", business.value())
                .param("t", text)
                .param("conf", confidence)
                .param("at", Timestamps.utc(clock.instant()))
                .update();
        // the row lock is held: the conversation's last utterance is this one
        return jdbc.sql("SELECT MAX(seq) FROM assistant_held_utterance WHERE conversation_id = :c")
                .param("c", conversation)
                .query(Long.class)
                .optional();
    }

    /**
     * The next utterance queued while the turn was held (the hold is extended for it), or, when there is
     * none, empty: then the conversation is released with {@code d} (its {@link Dialogue#deferred} answer
     * to be said) stored, and {@code released} run, in the same transaction.
     */
    Optional<Queued> nextOrRelease(BusinessId business, UUID conversation, Dialogue d, Runnable released) {
        return transactions.execute(status -> {
            lockHeld(conversation);
            var next = jdbc.sql("SELECT seq, text, confidence FROM assistant_held_utterance"
                            + " WHERE conversation_id = :c ORDER BY seq FETCH FIRST 1 ROWS ONLY")
                    .param("c", conversation)
                    .query((rs, row) -> new Object[] {
                        rs.getLong("seq"), rs.getString("text"), rs.getObject("confidence", Double.class)
                    })
                    .optional();
            if (next.isPresent()) {
                jdbc.sql("DELETE FROM assistant_held_utterance WHERE seq = :seq")
                        .param("seq", next.get()[0])
                        .update();
                jdbc.sql("UPDATE assistant_dialogue SET held_until = :until WHERE conversation_id = :id")
                        .param("until", Timestamps.utc(clock.instant().plus(HOLD_LIMIT)))
                        .param("id", conversation)
                        .update();
                return Optional.of(new Queued((Long) next.get()[0], (String) next.get()[1], (Double) next.get()[2]));
            }
            dialogues.save(business, conversation, d, true);
            jdbc.sql("UPDATE assistant_dialogue SET held_until = NULL WHERE conversation_id = :id")
                    .param("id", conversation)
                    .update();
            released.run();
            return Optional.empty();
        });
    }

    /** Takes the conversation's row lock; whether its held turn is still running. */
    private boolean lockHeld(UUID conversation) {
        return jdbc.sql("SELECT held_until FROM assistant_dialogue WHERE conversation_id = :id FOR UPDATE")
                .param("id", conversation)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("held_until", OffsetDateTime.class)))
                .optional()
                .flatMap(held -> held)
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(clock.instant()))
                .isPresent();
    }

    /** Keeps what a held turn's answer does (a hang-up follows from the dialogue's end, a transfer is kept). */
    static void defer(Dialogue d, OfflineBrain.Output out) {
        d.deferred = out.text();
        d.deferredTransfer = null;
        d.deferredWhisper = null;
        for (Action action : out.actions()) {
            if (action instanceof Action.Transfer transfer) {
                d.deferredTransfer = transfer.number();
                d.deferredWhisper = transfer.whisper();
            }
        }
    }

    /** The actions of a deferred answer being said now. */
    static List<Action> deferredActions(Dialogue d) {
        if (d.deferredTransfer != null) {
            var transfer = new Action.Transfer(d.deferredTransfer, d.deferredWhisper);
            d.deferredTransfer = null;
            d.deferredWhisper = null;
            return List.of(transfer);
        }
        return d.ended ? List.of(new Action.Hangup()) : List.of();
    }
}
