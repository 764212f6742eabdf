package dev.frontdesk.campaigns.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.campaigns.CampaignDesk.LeadProgress;
import dev.frontdesk.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reading a campaign's leads with their last call, and its call log, for the API and the dashboard. The
 * campaign's business is checked by the caller before these run; every query is by campaign.
 */
@Repository
class CampaignLogRepository {

    /** The lead's latest call that was placed (a claim never placed is not a call). */
    private static final String LAST_CALL = "c.attempt_id = (SELECT c2.attempt_id FROM campaign_call c2"
            + " WHERE c2.campaign_id = l.campaign_id AND c2.customer_id = l.customer_id"
            + " AND (c2.status IS NULL OR c2.status <> 'not-placed') ORDER BY c2.placed_at DESC, c2.attempt DESC"
            + " LIMIT 1)";

    private final JdbcClient jdbc;

    CampaignLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One call of the campaign's call log. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CampaignCall")
    record CallRow(
            UUID attemptId,
            UUID customerId,
            String name,
            String phone,
            int attempt,
            String callSid,
            Instant placedAt,
            String answeredBy,
            String status,
            Instant endedAt) {}

    /** The campaign's leads in this stage (null: all), by name. */
    List<LeadProgress> leads(UUID campaign, String stage, PageQuery page) {
        return jdbc.sql("SELECT l.customer_id, l.name, l.phone, l.timezone, l.state, l.attempts, l.next_attempt_at,"
                        + " c.placed_at, c.answered_by, c.status, c.ended_at FROM campaign_lead l"
                        + " LEFT JOIN campaign_call c ON " + LAST_CALL
                        + " WHERE l.campaign_id = :c AND (CAST(:stage AS VARCHAR(24)) IS NULL OR l.state = :stage)"
                        + " ORDER BY COALESCE(l.name, ''), l.phone, l.customer_id LIMIT :limit OFFSET :offset")
                .param("c", campaign)
                .param("stage", stage, Types.VARCHAR)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(CampaignLogRepository::lead)
                .list();
    }

    long countLeads(UUID campaign, String stage) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_lead WHERE campaign_id = :c"
                        + " AND (CAST(:stage AS VARCHAR(24)) IS NULL OR state = :stage)")
                .param("c", campaign)
                .param("stage", stage, Types.VARCHAR)
                .query(Long.class)
                .single();
    }

    /** The campaign's calls placed, newest first (claims that were never placed left out). */
    List<CallRow> calls(UUID campaign, PageQuery page) {
        return jdbc.sql("SELECT c.attempt_id, c.customer_id, l.name, c.phone, c.attempt, c.call_sid, c.placed_at,"
                        + " c.answered_by, c.status, c.ended_at FROM campaign_call c JOIN campaign_lead l"
                        + " ON l.campaign_id = c.campaign_id AND l.customer_id = c.customer_id"
                        + " WHERE c.campaign_id = :c AND (c.status IS NULL OR c.status <> 'not-placed')"
                        + " ORDER BY c.placed_at DESC, c.attempt_id LIMIT :limit OFFSET :offset")
                .param("c", campaign)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, row) -> new CallRow(
                        rs.getObject("attempt_id", UUID.class),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getInt("attempt"),
                        rs.getString("call_sid"),
                        instant(rs, "placed_at"),
                        rs.getString("answered_by"),
                        rs.getString("status"),
                        instant(rs, "ended_at")))
                .list();
    }

    long countCalls(UUID campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_call WHERE campaign_id = :c"
                        + " AND (status IS NULL OR status <> 'not-placed')")
                .param("c", campaign)
                .query(Long.class)
                .single();
    }

    /** Changes a campaign's settings (not its leads or status). */
    void change(Campaign c) {
        jdbc.sql("UPDATE campaign SET name = :name, purpose = :purpose, window_start = :ws, window_end = :we,"
                        + " max_concurrent_calls = :max, calls_per_minute = :perMinute, retry_attempts = :attempts, retry_backoff_minutes = :backoff,"
                        + " voicemail = :voicemail, opening_script = :script, updated_at = :updated"
                        + " WHERE id = :id AND business_id = :b")
                .param("name", c.name())
                .param("purpose", c.purpose())
                .param("ws", c.window().start().toString())
                .param("we", c.window().end().toString())
                .param("max", c.maxConcurrentCalls())
                .param("perMinute", c.callsPerMinute(), Types.INTEGER)
                .param("attempts", c.retryAttempts())
                .param("backoff", c.retryBackoffMinutes())
                .param("voicemail", c.voicemail().name())
                .param("script", c.openingScript(), Types.VARCHAR)
                .param("updated", utc(c.updatedAt()))
                .param("id", c.id())
                .param("b", c.businessId().value())
                .update();
    }

    private static LeadProgress lead(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString("state");
        return new LeadProgress(
                rs.getObject("customer_id", UUID.class),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("timezone"),
                stage,
                rs.getInt("attempts"),
                instant(rs, "placed_at"),
                rs.getString("answered_by"),
                rs.getString("status"),
                instant(rs, "ended_at"),
                "QUEUED".equals(stage) ? instant(rs, "next_attempt_at") : null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
