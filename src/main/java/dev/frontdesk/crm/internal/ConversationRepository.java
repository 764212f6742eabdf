package dev.frontdesk.crm.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.CsvExports;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations and transcripts, always scoped by business. */
@Repository
class ConversationRepository {

    static final String COLUMNS = "id, business_id, channel, conversation_key, customer_phone, language,"
            + " started_at, last_activity_at, ended_at, outcome, emergency, summary";

    /** What an erased customer's transcript lines and summaries say instead. */
    static final String ERASED = "(erased)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ConversationRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Locks a conversation thread for the rest of the transaction (its row is created on first use;
     * ON CONFLICT DO NOTHING so a racing first message does not abort this transaction on PostgreSQL).
     */
    void lockThread(BusinessId business, String channel, String key) {
        // the thread row exists after a sender's first message: lock it; insert only when it is missing (one
        // statement per turn instead of two, and no duplicate-key error inside H2 on every turn)
        if (lockExisting(business, channel, key)) {
            return;
        }
        jdbc.sql("INSERT INTO conversation_thread (business_id, channel, conversation_key) VALUES (:b, :c, :k)"
                        + " ON CONFLICT DO NOTHING")
                .param("b", business.value())
                .param("c", channel)
                .param("k", key)
                .update();
        if (!lockExisting(business, channel, key)) {
            throw new IllegalStateException("conversation thread row missing after insert");
        }
    }

    private boolean lockExisting(BusinessId business, String channel, String key) {
        return jdbc.sql("SELECT business_id FROM conversation_thread WHERE business_id = :b AND channel = :c"
                        + " AND conversation_key = :k FOR UPDATE")
                .param("b", business.value())
                .param("c", channel)
                .param("k", key)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    Optional<Conversation> latestOpen(BusinessId business, String channel, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE business_id = :b AND channel = :c"
                        + " AND conversation_key = :k AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1")
                .param("b", business.value())
                .param("c", channel)
                .param("k", key)
                .query(ConversationRepository::map)
                .optional();
    }

    /** The open conversation on the key if there is one, else the one started last. */
    Optional<Conversation> latest(BusinessId business, String channel, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE business_id = :b AND channel = :c"
                        + " AND conversation_key = :k"
                        + " ORDER BY CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END, started_at DESC LIMIT 1")
                .param("b", business.value())
                .param("c", channel)
                .param("k", key)
                .query(ConversationRepository::map)
                .optional();
    }

    Optional<Conversation> find(BusinessId business, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE business_id = :b AND id = :id")
                .param("b", business.value())
                .param("id", id)
                .query(ConversationRepository::map)
                .optional();
    }

    void insert(Conversation c) {
        jdbc.sql("INSERT INTO conversation (" + COLUMNS + ") VALUES (:id, :b, :c, :k, :phone, :lang, :started,"
                        + " :last, NULL, NULL, false, NULL)")
                .param("id", c.id())
                .param("b", c.businessId().value())
                .param("c", c.channel())
                .param("k", c.key())
                .param("phone", c.customerPhone(), Types.VARCHAR)
                .param("lang", c.language(), Types.VARCHAR)
                .param("started", utc(c.startedAt()))
                .param("last", utc(c.lastActivityAt()))
                .update();
    }

    void touch(BusinessId business, UUID id, Instant at) {
        jdbc.sql("UPDATE conversation SET last_activity_at = :at WHERE business_id = :b AND id = :id")
                .param("at", utc(at))
                .param("b", business.value())
                .param("id", id)
                .update();
    }

    void update(BusinessId business, UUID id, String language, boolean emergency) {
        jdbc.sql("UPDATE conversation SET language = COALESCE(:lang, language), emergency = (emergency OR :e)"
                        + " WHERE business_id = :b AND id = :id")
                .param("lang", language, Types.VARCHAR)
                .param("e", emergency)
                .param("b", business.value())
                .param("id", id)
                .update();
    }

    /** Ends an open conversation; false when it had already ended (the first ending is kept). */
    boolean end(
            BusinessId business, UUID id, Conversation.Outcome outcome, String summary, boolean emergency, Instant at) {
        return jdbc.sql(
                                "UPDATE conversation SET ended_at = :at, outcome = :o, summary = :s, emergency = (emergency OR :e)"
                                        + " WHERE business_id = :b AND id = :id AND ended_at IS NULL")
                        .param("at", utc(at))
                        .param("o", outcome.name())
                        .param(
                                "s",
                                summary == null || summary.length() <= 2000 ? summary : summary.substring(0, 2000),
                                Types.VARCHAR)
                        .param("e", emergency)
                        .param("b", business.value())
                        .param("id", id)
                        .update()
                > 0;
    }

    void resummarize(BusinessId business, UUID id, String summary) {
        jdbc.sql("UPDATE conversation SET summary = :s WHERE business_id = :b AND id = :id")
                .param("s", summary.length() <= 2000 ? summary : summary.substring(0, 2000))
                .param("b", business.value())
                .param("id", id)
                .update();
    }

    void fromCampaign(BusinessId business, UUID id, UUID campaign) {
        jdbc.sql("UPDATE conversation SET campaign_id = :c WHERE business_id = :b AND id = :id")
                .param("c", campaign)
                .param("b", business.value())
                .param("id", id)
                .update();
    }

    /**
     * Appends lines to the transcript; the conversation's row is locked first, so concurrent appends get
     * distinct numbers. Three statements however many lines: lock, last number, one batch of inserts.
     */
    void addTurns(BusinessId business, UUID conversation, List<Conversations.Line> lines, Instant at) {
        jdbc.sql("SELECT id FROM conversation WHERE id = :c AND business_id = :b FOR UPDATE")
                .param("c", conversation)
                .param("b", business.value())
                .query(UUID.class)
                .optional();
        int last = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM conversation_turn WHERE conversation_id = :c")
                .param("c", conversation)
                .query(Integer.class)
                .single();
        var created = utc(at);
        List<Object[]> rows = new java.util.ArrayList<>(lines.size());
        for (Conversations.Line line : lines) {
            String text = line.text();
            rows.add(new Object[] {
                UUID.randomUUID(),
                conversation,
                business.value(),
                ++last,
                line.speaker(),
                text.length() <= 4000 ? text : text.substring(0, 4000),
                created
            });
        }
        batch.batchUpdate(
                "INSERT INTO conversation_turn (id, conversation_id, business_id, seq, speaker, text, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    List<Conversations.Turn> turns(BusinessId business, UUID conversation) {
        return jdbc.sql("SELECT seq, speaker, text, created_at FROM conversation_turn"
                        + " WHERE business_id = :b AND conversation_id = :c ORDER BY seq")
                .param("b", business.value())
                .param("c", conversation)
                .query((rs, n) -> new Conversations.Turn(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    List<Conversation> page(BusinessId business, String channel, String outcome, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE business_id = :b"
                        + (channel == null ? "" : " AND channel = :c") + (outcome == null ? "" : " AND outcome = :o")
                        + " ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset")
                .params(filters(business, channel, outcome))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(ConversationRepository::map)
                .list();
    }

    /** Every conversation matching the list's filters, newest first, to stream (a CSV export). */
    CsvExports.Query<Conversation> export(BusinessId business, String channel, String outcome) {
        return new CsvExports.Query<>(
                "SELECT " + COLUMNS + " FROM conversation WHERE business_id = :b"
                        + (channel == null ? "" : " AND channel = :c") + (outcome == null ? "" : " AND outcome = :o")
                        + " ORDER BY started_at DESC, id",
                filters(business, channel, outcome),
                ConversationRepository::map);
    }

    long count(BusinessId business, String channel, String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE business_id = :b"
                        + (channel == null ? "" : " AND channel = :c") + (outcome == null ? "" : " AND outcome = :o"))
                .params(filters(business, channel, outcome))
                .query(Long.class)
                .single();
    }

    /** The conversations with this phone number, newest first, at most {@code limit}. */
    List<Conversation> withPhone(BusinessId business, String phone, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE business_id = :b AND customer_phone = :phone"
                        + " ORDER BY started_at DESC, id LIMIT :limit")
                .param("b", business.value())
                .param("phone", phone)
                .param("limit", limit)
                .query(ConversationRepository::map)
                .list();
    }

    /**
     * Anonymises every conversation with this phone number: the number and summary go, every line of the
     * transcript is blanked, threads keyed by the number are forgotten. Returns the conversations' ids.
     */
    List<UUID> anonymise(BusinessId business, String phone) {
        List<UUID> ids = jdbc.sql("SELECT id FROM conversation WHERE business_id = :b"
                        + " AND (customer_phone = :phone OR conversation_key IN (:phone, :digits)) FOR UPDATE")
                .param("b", business.value())
                .param("phone", phone)
                .param("digits", phone.replace("+", ""))
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            jdbc.sql("UPDATE conversation_turn SET text = :erased WHERE business_id = :b AND conversation_id = :id")
                    .param("erased", ERASED)
                    .param("b", business.value())
                    .param("id", id)
                    .update();
            jdbc.sql("UPDATE conversation SET customer_phone = NULL, conversation_key = :key,"
                            + " summary = CASE WHEN summary IS NULL THEN NULL ELSE :erased END"
                            + " WHERE business_id = :b AND id = :id")
                    .param("key", "erased:" + id)
                    .param("erased", ERASED)
                    .param("b", business.value())
                    .param("id", id)
                    .update();
        }
        // SMS threads are keyed by the E.164 number, WhatsApp threads by its digits
        jdbc.sql("DELETE FROM conversation_thread WHERE business_id = :b AND conversation_key IN (:phone, :digits)")
                .param("b", business.value())
                .param("phone", phone)
                .param("digits", phone.replace("+", ""))
                .update();
        return ids;
    }

    /** Channel, outcome, emergency flag and length in seconds (-1 while open) of conversations started in [from, to). */
    List<Started> startedBetween(BusinessId business, Instant from, Instant to) {
        return jdbc.sql("SELECT channel, outcome, emergency, language, started_at, ended_at FROM conversation"
                        + " WHERE business_id = :b AND started_at >= :from AND started_at < :to")
                .param("b", business.value())
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> {
                    OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
                    Instant started =
                            rs.getObject("started_at", OffsetDateTime.class).toInstant();
                    return new Started(
                            rs.getString("channel"),
                            rs.getString("outcome"),
                            rs.getBoolean("emergency"),
                            ended == null
                                    ? -1
                                    : java.time.Duration.between(started, ended.toInstant())
                                            .toSeconds(),
                            rs.getString("language"),
                            started);
                })
                .list();
    }

    record Started(
            String channel, String outcome, boolean emergency, long seconds, String language, Instant startedAt) {}

    private static java.util.Map<String, Object> filters(BusinessId business, String channel, String outcome) {
        var params = new java.util.HashMap<String, Object>();
        params.put("b", business.value());
        if (channel != null) {
            params.put("c", channel);
        }
        if (outcome != null) {
            params.put("o", outcome);
        }
        return params;
    }

    static Conversation map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
        return new Conversation(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("channel"),
                rs.getString("conversation_key"),
                rs.getString("customer_phone"),
                rs.getString("language"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_activity_at", OffsetDateTime.class).toInstant(),
                ended == null ? null : ended.toInstant(),
                outcome == null ? null : Conversation.Outcome.valueOf(outcome),
                rs.getBoolean("emergency"),
                rs.getString("summary"));
    }
}
