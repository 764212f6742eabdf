package dev.frontdesk.assistant.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answers of web chat and simulator texts, kept in the database ({@code assistant_held_answer}) until a
 * request takes them, so that any node can hand them back: the request that waits for its queued text's
 * answer (wherever the turn answering it ran), or, when nobody waits any more, the conversation's next turn.
 * Taking an answer deletes it, and only the statement that deletes it gets it: each answer is delivered once.
 * Answers nobody took (the conversation ended, the visitor left) are removed after {@link #KEPT}.
 */
@Configuration(proxyBeanMethods = false)
class HeldAnswers {

    /** How long an answer nobody took is kept. */
    static final Duration KEPT = Duration.ofDays(1);

    /** An answer taken: its text (empty when the conversation ended before it) and whether it ends the chat. */
    record Held(String text, boolean hangUp) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    HeldAnswers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> heldAnswerExpiryTask() {
        return Tasks.recurring("assistant-held-answer-expiry", FixedDelay.ofHours(1))
                .execute((instance, context) -> expire());
    }

    /** Keeps an answer: to the text queued as {@code queuedSeq}, or (null) to a turn that ran over its budget. */
    void keep(BusinessId business, UUID conversation, Long queuedSeq, String text, boolean hangUp) {
        jdbc.sql("INSERT INTO assistant_held_answer"
                        + " (business_id, conversation_id, queued_seq, text, hang_up, created_at)"
                        + " VALUES (:b, :c, :seq, :t, :h, :at)")
                .param("b", business.value())
                .param("c", conversation)
                .param("seq", queuedSeq)
                .param("t", text)
                .param("h", hangUp)
                .param("at", Timestamps.utc(clock.instant()))
                .update();
    }

    /** Takes the answer to the text queued as {@code queuedSeq}, if it is there and nobody took it. */
    Optional<Held> take(BusinessId business, UUID conversation, long queuedSeq) {
        return jdbc.sql("SELECT id, text, hang_up FROM assistant_held_answer"
                        + " WHERE business_id = :b AND conversation_id = :c AND queued_seq = :seq")
                .param("b", business.value())
                .param("c", conversation)
                .param("seq", queuedSeq)
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("text"), rs.getBoolean("hang_up")))
                .optional()
                .filter(this::delete)
                .map(row -> new Held(row.text(), row.hangUp()));
    }

    /** Takes every answer kept for the conversation, in the order they were kept, as one text (if any). */
    Optional<String> takeAll(BusinessId business, UUID conversation) {
        List<String> texts = takeEach(business, conversation).stream()
                .map(Held::text)
                .filter(text -> !text.isBlank())
                .toList();
        return texts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", texts));
    }

    /** Takes every answer kept for the conversation (those this call deleted), in the order they were kept. */
    List<Held> takeEach(BusinessId business, UUID conversation) {
        List<Row> rows = jdbc.sql("SELECT id, text, hang_up FROM assistant_held_answer"
                        + " WHERE business_id = :b AND conversation_id = :c ORDER BY id")
                .param("b", business.value())
                .param("c", conversation)
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("text"), rs.getBoolean("hang_up")))
                .list();
        List<Held> taken = new ArrayList<>();
        for (Row row : rows) {
            if (delete(row)) {
                taken.add(new Held(row.text(), row.hangUp()));
            }
        }
        return taken;
    }

    /** Whether answers are kept for the conversation that nobody took yet. */
    boolean kept(BusinessId business, UUID conversation) {
        return jdbc.sql("SELECT COUNT(*) FROM assistant_held_answer WHERE business_id = :b AND conversation_id = :c")
                        .param("b", business.value())
                        .param("c", conversation)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Removes the answers nobody took within {@link #KEPT}; how many. */
    int expire() {
        return jdbc.sql("DELETE FROM assistant_held_answer WHERE created_at < :before")
                .param("before", Timestamps.utc(clock.instant().minus(KEPT)))
                .update();
    }

    /** Whether this statement deleted the row (so its answer is this caller's to deliver). */
    private boolean delete(Row row) {
        return jdbc.sql("DELETE FROM assistant_held_answer WHERE id = :id")
                        .param("id", row.id())
                        .update()
                == 1;
    }

    private record Row(long id, String text, boolean hangUp) {}
}
