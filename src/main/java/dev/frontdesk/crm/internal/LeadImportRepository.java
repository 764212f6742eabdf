package dev.frontdesk.crm.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CSV lead imports, their counters and rejected rows; scoped by business. */
@Repository
class LeadImportRepository {

    private static final String COLUMNS =
            "id, business_id, status, rows_read, imported, duplicates, rejected, failure, created_at, finished_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    LeadImportRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** An import: RUNNING while rows are read, then COMPLETED (good rows stored) or FAILED (none stored). */
    record LeadImport(
            UUID id,
            BusinessId businessId,
            String status,
            long rows,
            long imported,
            long duplicates,
            long rejected,
            String failure,
            Instant createdAt,
            Instant finishedAt) {}

    /** A rejected row. */
    record RowError(long line, String reason) {}

    void create(LeadImport i) {
        jdbc.sql("INSERT INTO lead_import (" + COLUMNS + ") VALUES (:id, :b, :status, 0, 0, 0, 0, NULL, :at, NULL)")
                .param("id", i.id())
                .param("b", i.businessId().value())
                .param("status", i.status())
                .param("at", utc(i.createdAt()))
                .update();
    }

    /** Writes the counters (and, when finished, the status and end time). */
    void save(LeadImport i) {
        jdbc.sql("UPDATE lead_import SET status = :status, rows_read = :rows, imported = :imported,"
                        + " duplicates = :duplicates, rejected = :rejected, failure = :failure,"
                        + " finished_at = :finished WHERE business_id = :b AND id = :id")
                .param("status", i.status())
                .param("rows", i.rows())
                .param("imported", i.imported())
                .param("duplicates", i.duplicates())
                .param("rejected", i.rejected())
                .param("failure", i.failure(), Types.VARCHAR)
                .param("finished", i.finishedAt() == null ? null : utc(i.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("b", i.businessId().value())
                .param("id", i.id())
                .update();
    }

    void addErrors(UUID importId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        named.batchUpdate(
                "INSERT INTO lead_import_error (import_id, line, reason) VALUES (:id, :line, :reason)",
                errors.stream()
                        .map(e -> new MapSqlParameterSource()
                                .addValue("id", importId)
                                .addValue("line", e.line())
                                .addValue(
                                        "reason",
                                        e.reason().length() <= 300
                                                ? e.reason()
                                                : e.reason().substring(0, 300)))
                        .toArray(MapSqlParameterSource[]::new));
    }

    Optional<LeadImport> find(BusinessId business, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead_import WHERE business_id = :b AND id = :id")
                .param("b", business.value())
                .param("id", id)
                .query(LeadImportRepository::map)
                .optional();
    }

    /** The first {@code limit} rejected rows, by line. */
    List<RowError> errors(UUID importId, int limit) {
        return jdbc.sql("SELECT line, reason FROM lead_import_error WHERE import_id = :id ORDER BY line LIMIT :limit")
                .param("id", importId)
                .param("limit", limit)
                .query((rs, n) -> new RowError(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Every rejected row, by line, one at a time (for the downloadable report). */
    void eachError(UUID importId, Consumer<RowError> sink) {
        named.query(
                "SELECT line, reason FROM lead_import_error WHERE import_id = :id ORDER BY line",
                new MapSqlParameterSource("id", importId),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    sink.accept(new RowError(rs.getLong(1), rs.getString(2)));
                });
    }

    private static LeadImport map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new LeadImport(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("status"),
                rs.getLong("rows_read"),
                rs.getLong("imported"),
                rs.getLong("duplicates"),
                rs.getLong("rejected"),
                rs.getString("failure"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
