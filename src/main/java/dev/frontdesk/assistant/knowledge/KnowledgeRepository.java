package dev.frontdesk.assistant.knowledge;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Knowledge entries, their passages and vectors, and each business's knowledge revision. Every query is scoped by business. */
@Repository
class KnowledgeRepository {

    private static final String COLUMNS =
            "id, business_id, question, answer, tags, translations, created_at, updated_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> BY_LANGUAGE = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    KnowledgeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The vectors of an entry: its question's and its question-and-answer's (Q&A), or its passages' (free text). */
    record EntryVectors(String question, String content, List<Passage> passages) {}

    record Passage(String content, String embedding) {}

    void insert(KnowledgeEntry e, EntryVectors vectors) {
        jdbc.sql("INSERT INTO knowledge_entry (" + COLUMNS + ", embedding, content_embedding) VALUES (:id, :business,"
                        + " :question, :answer, :tags, :translations, :created, :updated, :embedding, :content)")
                .param("id", e.id())
                .param("business", e.businessId().value())
                .param("question", e.question(), Types.VARCHAR)
                .param("answer", e.answer())
                .param("tags", json.writeValueAsString(e.tags()))
                .param("translations", json.writeValueAsString(e.translations()))
                .param("created", utc(e.createdAt()))
                .param("updated", utc(e.updatedAt()))
                .param("embedding", vectors.question(), Types.VARCHAR)
                .param("content", vectors.content(), Types.VARCHAR)
                .update();
        insertPassages(e, vectors.passages());
    }

    /** Rewrites an entry; its vectors and passages too when {@code vectors} is given (its text changed). */
    void update(KnowledgeEntry e, EntryVectors vectors) {
        if (vectors == null) {
            jdbc.sql("UPDATE knowledge_entry SET tags = :tags, translations = :translations, updated_at = :updated"
                            + " WHERE id = :id AND business_id = :business")
                    .param("id", e.id())
                    .param("business", e.businessId().value())
                    .param("tags", json.writeValueAsString(e.tags()))
                    .param("translations", json.writeValueAsString(e.translations()))
                    .param("updated", utc(e.updatedAt()))
                    .update();
            return;
        }
        jdbc.sql("UPDATE knowledge_entry SET question = :question, answer = :answer, tags = :tags,"
                        + " translations = :translations, embedding = :embedding, content_embedding = :content,"
                        + " updated_at = :updated WHERE id = :id AND business_id = :business")
                .param("id", e.id())
                .param("business", e.businessId().value())
                .param("question", e.question(), Types.VARCHAR)
                .param("answer", e.answer())
                .param("tags", json.writeValueAsString(e.tags()))
                .param("translations", json.writeValueAsString(e.translations()))
                .param("embedding", vectors.question(), Types.VARCHAR)
                .param("content", vectors.content(), Types.VARCHAR)
                .param("updated", utc(e.updatedAt()))
                .update();
        jdbc.sql("DELETE FROM knowledge_passage WHERE entry_id = :id AND business_id = :business")
                .param("id", e.id())
                .param("business", e.businessId().value())
                .update();
        insertPassages(e, vectors.passages());
    }

    private void insertPassages(KnowledgeEntry e, List<Passage> passages) {
        for (int i = 0; i < passages.size(); i++) {
            jdbc.sql("INSERT INTO knowledge_passage (entry_id, ordinal, business_id, content, embedding)"
                            + " VALUES (:entry, :ordinal, :business, :content, :embedding)")
                    .param("entry", e.id())
                    .param("ordinal", i)
                    .param("business", e.businessId().value())
                    .param("content", passages.get(i).content())
                    .param("embedding", passages.get(i).embedding())
                    .update();
        }
    }

    boolean delete(BusinessId business, UUID id) {
        jdbc.sql("DELETE FROM knowledge_passage WHERE entry_id = :id AND business_id = :business")
                .param("id", id)
                .param("business", business.value())
                .update();
        return jdbc.sql("DELETE FROM knowledge_entry WHERE id = :id AND business_id = :business")
                        .param("id", id)
                        .param("business", business.value())
                        .update()
                > 0;
    }

    Optional<KnowledgeEntry> find(BusinessId business, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_entry WHERE business_id = :business AND id = :id")
                .param("business", business.value())
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The entry, locked until the end of the transaction (changes to one entry never interleave). */
    Optional<KnowledgeEntry> lock(BusinessId business, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM knowledge_entry WHERE business_id = :business AND id = :id FOR UPDATE")
                .param("business", business.value())
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /**
     * @param tagPattern a LIKE pattern matching the tag's JSON form in the tags column, or null
     * @param textPattern a LIKE pattern for the lower-cased question or answer, or null
     */
    List<KnowledgeEntry> page(BusinessId business, String tagPattern, String textPattern, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_entry WHERE business_id = :business"
                        + filters(tagPattern, textPattern) + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .params(filterParams(business, tagPattern, textPattern))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(this::map)
                .list();
    }

    long count(BusinessId business, String tagPattern, String textPattern) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_entry WHERE business_id = :business"
                        + filters(tagPattern, textPattern))
                .params(filterParams(business, tagPattern, textPattern))
                .query(Long.class)
                .single();
    }

    private static String filters(String tagPattern, String textPattern) {
        return (tagPattern == null ? "" : " AND LOWER(tags) LIKE :tag ESCAPE '\\'")
                + (textPattern == null
                        ? ""
                        : " AND (LOWER(question) LIKE :text ESCAPE '\\' OR LOWER(answer) LIKE :text ESCAPE '\\')");
    }

    private static Map<String, Object> filterParams(BusinessId business, String tagPattern, String textPattern) {
        var params = new HashMap<String, Object>();
        params.put("business", business.value());
        if (tagPattern != null) {
            params.put("tag", tagPattern);
        }
        if (textPattern != null) {
            params.put("text", textPattern);
        }
        return params;
    }

    /** A stored Q&A entry's question and answer with their vectors. */
    record StoredQuestion(
            UUID id,
            String question,
            String answer,
            String embedding,
            String contentEmbedding,
            Map<String, String> translations) {}

    /** A stored passage of free text with its vector. */
    record StoredPassage(UUID entryId, String content, String embedding) {}

    List<StoredQuestion> questions(BusinessId business) {
        return jdbc.sql("SELECT id, question, answer, embedding, content_embedding, translations FROM knowledge_entry"
                        + " WHERE business_id = :business AND question IS NOT NULL ORDER BY created_at, id")
                .param("business", business.value())
                .query((rs, row) -> new StoredQuestion(
                        rs.getObject("id", UUID.class),
                        rs.getString("question"),
                        rs.getString("answer"),
                        rs.getString("embedding"),
                        rs.getString("content_embedding"),
                        json.readValue(rs.getString("translations"), BY_LANGUAGE)))
                .list();
    }

    List<StoredPassage> passages(BusinessId business) {
        return jdbc.sql("SELECT p.entry_id, p.content, p.embedding FROM knowledge_passage p"
                        + " JOIN knowledge_entry e ON e.id = p.entry_id AND e.business_id = p.business_id"
                        + " WHERE p.business_id = :business ORDER BY e.created_at, p.entry_id, p.ordinal")
                .param("business", business.value())
                .query((rs, row) -> new StoredPassage(
                        rs.getObject("entry_id", UUID.class), rs.getString("content"), rs.getString("embedding")))
                .list();
    }

    /** The business's knowledge revision: 0 until its knowledge first changes. */
    long revision(BusinessId business) {
        return jdbc.sql("SELECT revision FROM knowledge_revision WHERE business_id = :business")
                .param("business", business.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Counts a change to the business's knowledge; call in the transaction that makes it. */
    void bumpRevision(BusinessId business) {
        // ON CONFLICT DO NOTHING: a racing first change must not abort this transaction (PostgreSQL aborts a
        // transaction on a failed insert); H2 understands it in PostgreSQL mode.
        jdbc.sql("INSERT INTO knowledge_revision (business_id, revision) VALUES (:business, 0) ON CONFLICT DO NOTHING")
                .param("business", business.value())
                .update();
        jdbc.sql("UPDATE knowledge_revision SET revision = revision + 1 WHERE business_id = :business")
                .param("business", business.value())
                .update();
    }

    private KnowledgeEntry map(ResultSet rs, int row) throws SQLException {
        return new KnowledgeEntry(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("question"),
                rs.getString("answer"),
                json.readValue(rs.getString("tags"), STRINGS),
                json.readValue(rs.getString("translations"), BY_LANGUAGE),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
