package dev.frontdesk.telephony.internal;

import static dev.frontdesk.shared.Timestamps.utc;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Call records, one per CallSid, always read scoped by business. */
@Repository
class CallRecordRepository {

    private static final String COLUMNS = "id, business_id, call_sid, from_number, to_number, direction, started_at,"
            + " ended_at, duration_seconds, status, recording_url, language, campaign_id";

    /** A call as stored. */
    record CallRecord(
            UUID id,
            BusinessId businessId,
            String callSid,
            String fromNumber,
            String toNumber,
            String direction,
            Instant startedAt,
            Instant endedAt,
            Integer durationSeconds,
            String status,
            String recordingUrl,
            String language,
            UUID campaignId) {}

    private final JdbcClient jdbc;

    CallRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a received call when it is answered; a second answer of the same CallSid changes nothing. */
    void start(
            BusinessId business,
            String callSid,
            String from,
            String to,
            String direction,
            String language,
            Instant at) {
        start(business, null, callSid, from, to, direction, language, at);
    }

    /**
     * Records a call when it is answered, with the campaign that placed it (null for a received call); a second
     * answer of the same CallSid changes nothing.
     */
    void start(
            BusinessId business,
            UUID campaign,
            String callSid,
            String from,
            String to,
            String direction,
            String language,
            Instant at) {
        try {
            jdbc.sql("INSERT INTO call_record (" + COLUMNS + ") VALUES (:id, :b, :sid, :from, :to, :dir, :at, NULL,"
                            + " NULL, 'in-progress', NULL, :lang, :campaign)")
                    .param("id", UUID.randomUUID())
                    .param("b", business.value())
                    .param("sid", callSid)
                    .param("from", cap(from, 32), Types.VARCHAR)
                    .param("to", cap(to, 32))
                    .param("dir", cap(direction, 32), Types.VARCHAR)
                    .param("at", utc(at))
                    .param("lang", language, Types.VARCHAR)
                    .param("campaign", campaign, Types.OTHER)
                    .update();
        } catch (DuplicateKeyException e) {
            // the call was already recorded (a redelivered webhook)
        }
    }

    /** The language the call is in now; a call still in the same language is not written again. */
    void language(String callSid, String language) {
        if (language == null) {
            return;
        }
        jdbc.sql("UPDATE call_record SET language = :lang WHERE call_sid = :sid"
                        + " AND (language IS NULL OR language <> :lang)")
                .param("lang", cap(language, 8))
                .param("sid", callSid)
                .update();
    }

    /** Ends the call; a call already ended keeps its first ending. */
    boolean end(String callSid, String status, Integer durationSeconds, String recordingUrl, Instant at) {
        return jdbc.sql("UPDATE call_record SET status = :s, duration_seconds = COALESCE(:d, duration_seconds),"
                                + " recording_url = COALESCE(:r, recording_url), ended_at = :at"
                                + " WHERE call_sid = :sid AND ended_at IS NULL")
                        .param("s", cap(status, 20))
                        .param("d", durationSeconds, Types.INTEGER)
                        .param("r", cap(recordingUrl, 1000), Types.VARCHAR)
                        .param("at", utc(at))
                        .param("sid", callSid)
                        .update()
                > 0;
    }

    Optional<CallRecord> bySid(String callSid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE call_sid = :sid")
                .param("sid", callSid)
                .query(CallRecordRepository::map)
                .optional();
    }

    Optional<CallRecord> find(BusinessId business, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE business_id = :b AND id = :id")
                .param("b", business.value())
                .param("id", id)
                .query(CallRecordRepository::map)
                .optional();
    }

    /**
     * Calls not ended, started since {@code since}, newest first: a range of the (business, started_at) index,
     * however many calls the business has had.
     */
    List<CallRecord> inProgress(BusinessId business, Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE business_id = :b AND started_at >= :since"
                        + " AND ended_at IS NULL ORDER BY started_at DESC, id LIMIT :limit")
                .param("b", business.value())
                .param("since", utc(since))
                .param("limit", limit)
                .query(CallRecordRepository::map)
                .list();
    }

    /** A page of the business's calls, newest first: every call, or those of one campaign (not null). */
    List<CallRecord> page(BusinessId business, UUID campaign, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM call_record WHERE business_id = :b" + ofCampaign(campaign)
                        + " ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset")
                .params(filters(business, campaign))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(CallRecordRepository::map)
                .list();
    }

    /** Every call of the business (or of one of its campaigns), newest first, to stream (a CSV export). */
    CsvExports.Query<CallRecord> export(BusinessId business, UUID campaign) {
        return new CsvExports.Query<>(
                "SELECT " + COLUMNS + " FROM call_record WHERE business_id = :b" + ofCampaign(campaign)
                        + " ORDER BY started_at DESC, id",
                filters(business, campaign),
                CallRecordRepository::map);
    }

    long count(BusinessId business, UUID campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM call_record WHERE business_id = :b" + ofCampaign(campaign))
                .params(filters(business, campaign))
                .query(Long.class)
                .single();
    }

    /** The campaigns the business's calls were placed by (each once), for an export to name them all. */
    List<UUID> campaigns(BusinessId business) {
        return jdbc.sql("SELECT DISTINCT campaign_id FROM call_record WHERE business_id = :b"
                        + " AND campaign_id IS NOT NULL")
                .param("b", business.value())
                .query(UUID.class)
                .list();
    }

    /** The campaign of each of the business's calls with these CallSids that a campaign placed. */
    java.util.Map<String, UUID> campaignsBySid(BusinessId business, java.util.Collection<String> callSids) {
        if (callSids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc
                .sql("SELECT call_sid, campaign_id FROM call_record WHERE business_id = :b"
                        + " AND call_sid IN (:sids) AND campaign_id IS NOT NULL")
                .param("b", business.value())
                .param("sids", List.copyOf(callSids))
                .query((rs, row) -> java.util.Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey, java.util.Map.Entry::getValue, (a, b) -> a));
    }

    private static String ofCampaign(UUID campaign) {
        return campaign == null ? "" : " AND campaign_id = :campaign";
    }

    private static java.util.Map<String, Object> filters(BusinessId business, UUID campaign) {
        var params = new java.util.HashMap<String, Object>();
        params.put("b", business.value());
        if (campaign != null) {
            params.put("campaign", campaign);
        }
        return params;
    }

    private static CallRecord map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
        int duration = rs.getInt("duration_seconds");
        Integer durationSeconds = rs.wasNull() ? null : duration;
        return new CallRecord(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("call_sid"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getString("direction"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                ended == null ? null : ended.toInstant(),
                durationSeconds,
                rs.getString("status"),
                rs.getString("recording_url"),
                rs.getString("language"),
                rs.getObject("campaign_id", UUID.class));
    }

    private static String cap(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
