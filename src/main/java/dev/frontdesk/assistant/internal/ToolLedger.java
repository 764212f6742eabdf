package dev.frontdesk.assistant.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LLM brain's tool calls that changed something, per conversation turn ({@code assistant_tool_call}):
 * a call made again in the same turn — the model repeating itself, or the turn run again after a crash —
 * gets the stored answer instead of acting twice, and the turn's effects survive a failure of the model.
 * Only a hash of each call's arguments is kept, never the caller's name or number.
 */
@Repository
class ToolLedger {

    /** One call that acted: its tool, the hash of its arguments, the answer the model got, what it did. */
    record Entry(String tool, String callKey, String result, ToolEffect effect) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ToolLedger(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The calls that acted in this turn of the conversation, oldest first. */
    List<Entry> turn(UUID conversation, int turn) {
        return jdbc.sql("SELECT tool, call_key, result, effect FROM assistant_tool_call"
                        + " WHERE conversation_id = :c AND turn = :t ORDER BY created_at, call_key")
                .param("c", conversation)
                .param("t", turn)
                .query((rs, n) -> new Entry(
                        rs.getString("tool"),
                        rs.getString("call_key"),
                        rs.getString("result"),
                        rs.getString("effect") == null
                                ? null
                                : json.readValue(rs.getString("effect"), ToolEffect.class)))
                .list();
    }

    /** Keeps a call that acted; a call already kept (the same turn run twice at once) is left as it was. */
    void record(UUID conversation, int turn, Entry entry) {
        try {
            jdbc.sql("INSERT INTO assistant_tool_call (conversation_id, turn, call_key, tool, result, effect,"
                            + " created_at) VALUES (:c, :t, :k, :tool, :r, :e, :now)")
                    .param("c", conversation)
                    .param("t", turn)
                    .param("k", entry.callKey())
                    .param("tool", entry.tool())
                    .param("r", entry.result())
                    .param("e", entry.effect() == null ? null : json.writeValueAsString(entry.effect()))
                    .param("now", utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            // the first one stands
        }
    }

    /** Forgets a finished conversation's calls. */
    void forget(UUID conversation) {
        jdbc.sql("DELETE FROM assistant_tool_call WHERE conversation_id = :c")
                .param("c", conversation)
                .update();
    }

    /** The key of a call: a SHA-256 of the tool's name and its arguments as the tool read them. */
    static String key(String tool, Object... arguments) {
        StringBuilder text = new StringBuilder(tool);
        for (Object argument : arguments) {
            text.append('\u0000')
                    .append(argument == null ? "" : argument.toString().strip());
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
