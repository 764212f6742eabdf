package dev.frontdesk.sheets.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.campaigns.CampaignEvents.CallUnanswered;
import dev.frontdesk.telephony.TelephonyEvents.CallCompleted;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The finished calls waiting to be appended to a business's spreadsheet, and what became of them. */
@Repository
class CallRows {

    /** Where a row stands. */
    enum Status {
        PENDING,
        APPENDED,
        FAILED,
        DROPPED
    }

    /** A finished call to append. */
    record CallRow(
            UUID id,
            BusinessId business,
            String callSid,
            String direction,
            String phone,
            String callStatus,
            Instant startedAt,
            Instant endedAt,
            Integer durationSeconds,
            Status status,
            int attempts) {}

    private final JdbcClient jdbc;

    CallRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the call to append, once per call; the row's id, or empty when it was recorded before. */
    Optional<UUID> insertIfAbsent(CallCompleted call, Instant now) {
        return insertIfAbsent(
                call.businessId(),
                call.callSid(),
                call.direction(),
                call.customerPhone(),
                call.status(),
                call.startedAt(),
                call.endedAt(),
                call.durationSeconds(),
                now);
    }

    /** A campaign's call nobody answered, recorded like a finished call (outbound, no duration). */
    Optional<UUID> insertIfAbsent(CallUnanswered call, Instant now) {
        return insertIfAbsent(
                call.businessId(),
                call.callSid(),
                "outbound-api",
                call.phone(),
                call.status(),
                call.placedAt(),
                call.endedAt(),
                null,
                now);
    }

    private Optional<UUID> insertIfAbsent(
            BusinessId business,
            String callSid,
            String direction,
            String phone,
            String callStatus,
            Instant startedAt,
            Instant endedAt,
            Integer durationSeconds,
            Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("INSERT INTO sheets_call_row (id, business_id, call_sid, direction, phone, call_status,"
                        + " started_at, ended_at, duration_secs, status, attempts, created_at) VALUES (:id, :b, :sid,"
                        + " :direction, :phone, :callStatus, :started, :ended, :duration, 'PENDING', 0, :now)"
                        + " ON CONFLICT DO NOTHING")
                .param("id", id)
                .param("b", business.value())
                .param("sid", callSid)
                .param("direction", direction)
                .param("phone", phone, Types.VARCHAR)
                .param("callStatus", callStatus, Types.VARCHAR)
                .param("started", utc(startedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("ended", utc(endedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("duration", durationSeconds, Types.INTEGER)
                .param("now", utc(now))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    Optional<CallRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM sheets_call_row WHERE id = :id")
                .param("id", id)
                .query(CallRows::map)
                .optional();
    }

    /** An attempt is about to ask Google: counted first, so a crash during it still counts. */
    void started(UUID id, int attempts) {
        jdbc.sql("UPDATE sheets_call_row SET attempts = :n WHERE id = :id")
                .param("n", attempts)
                .param("id", id)
                .update();
    }

    /** Google took the row: the number is not kept any longer. */
    void appended(UUID id, int attempts, Instant at) {
        jdbc.sql("UPDATE sheets_call_row SET status = 'APPENDED', attempts = :n, phone = NULL, last_error = NULL,"
                        + " appended_at = :at WHERE id = :id")
                .param("n", attempts)
                .param("at", utc(at))
                .param("id", id)
                .update();
    }

    /** An attempt failed: still PENDING (retried), or FAILED or DROPPED for good. */
    void attempted(UUID id, Status status, int attempts, String error) {
        jdbc.sql("UPDATE sheets_call_row SET status = :s, attempts = :n, last_error = :e,"
                        + " phone = CASE WHEN :s = 'PENDING' THEN phone ELSE NULL END WHERE id = :id")
                .param("s", status.name())
                .param("n", attempts)
                .param("e", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("id", id)
                .update();
    }

    /** Rows still PENDING that were recorded before {@code before}, oldest first, at most {@code limit}. */
    java.util.List<UUID> pendingBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM sheets_call_row WHERE status = 'PENDING' AND created_at < :before"
                        + " ORDER BY created_at LIMIT :limit")
                .param("before", utc(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Forgets the number of an erased customer in rows not yet appended. */
    int forget(BusinessId business, String phone) {
        return jdbc.sql("UPDATE sheets_call_row SET phone = NULL WHERE business_id = :b AND phone = :p")
                .param("b", business.value())
                .param("p", phone)
                .update();
    }

    private static CallRow map(ResultSet rs, int n) throws SQLException {
        int seconds = rs.getInt("duration_secs");
        Integer duration = rs.wasNull() ? null : seconds;
        return new CallRow(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("call_sid"),
                rs.getString("direction"),
                rs.getString("phone"),
                rs.getString("call_status"),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("ended_at", OffsetDateTime.class)),
                duration,
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
