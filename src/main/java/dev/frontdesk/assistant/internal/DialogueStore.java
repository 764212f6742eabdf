package dev.frontdesk.assistant.internal;

import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The dialogue state of each conversation, as JSON, one row per conversation. */
@Repository
class DialogueStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DialogueStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The stored dialogue, with {@link Dialogue#heldUntil} when a held turn of it is still running. */
    Optional<Dialogue> load(UUID conversation) {
        return jdbc.sql("SELECT state, held_until FROM assistant_dialogue WHERE conversation_id = :id")
                .param("id", conversation)
                .query((rs, row) -> {
                    Dialogue d = json.readValue(rs.getString("state"), Dialogue.class);
                    OffsetDateTime held = rs.getObject("held_until", OffsetDateTime.class);
                    d.heldUntil = held == null ? null : held.toInstant();
                    return d;
                })
                .optional();
    }

    /**
     * Stores the dialogue state: one UPDATE when it was stored before ({@code stored}), one INSERT for a new
     * conversation (and the other statement when a racing turn got there first or the row went away).
     */
    void save(BusinessId business, UUID conversation, Dialogue d, boolean stored) {
        String state = json.writeValueAsString(d);
        OffsetDateTime now = Timestamps.utc(clock.instant());
        if (stored && update(conversation, state, now)) {
            return;
        }
        int inserted = jdbc.sql("INSERT INTO assistant_dialogue (conversation_id, business_id, state, updated_at)"
                        + " VALUES (:id, :b, :s, :now) ON CONFLICT DO NOTHING")
                .param("id", conversation)
                .param("b", business.value())
                .param("s", state)
                .param("now", now)
                .update();
        if (inserted == 0) {
            update(conversation, state, now);
        }
    }

    private boolean update(UUID conversation, String state, OffsetDateTime now) {
        return jdbc.sql("UPDATE assistant_dialogue SET state = :s, updated_at = :now WHERE conversation_id = :id")
                        .param("s", state)
                        .param("now", now)
                        .param("id", conversation)
                        .update()
                > 0;
    }
}
