package dev.frontdesk.campaigns.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.campaigns.Campaigns.Counts;
import dev.frontdesk.crm.Lead;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their leads' counts, always scoped by business. */
@Repository
class CampaignRepository {

    private static final String COLUMNS = "id, business_id, name, purpose, status, window_start, window_end,"
            + " max_concurrent_calls, calls_per_minute, retry_attempts, retry_backoff_minutes, voicemail, opening_script, created_at,"
            + " updated_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CampaignRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    void insert(Campaign c) {
        jdbc.sql("INSERT INTO campaign (" + COLUMNS + ") VALUES (:id, :b, :name, :purpose, :status, :ws, :we, :max,"
                        + " :perMinute, :attempts, :backoff, :voicemail, :script, :created, :updated)")
                .param("id", c.id())
                .param("b", c.businessId().value())
                .param("name", c.name())
                .param("purpose", c.purpose())
                .param("status", c.status().name())
                .param("ws", c.window().start().toString())
                .param("we", c.window().end().toString())
                .param("max", c.maxConcurrentCalls())
                .param("perMinute", c.callsPerMinute(), Types.INTEGER)
                .param("attempts", c.retryAttempts())
                .param("backoff", c.retryBackoffMinutes())
                .param("voicemail", c.voicemail().name())
                .param("script", c.openingScript(), Types.VARCHAR)
                .param("created", utc(c.createdAt()))
                .param("updated", utc(c.updatedAt()))
                .update();
    }

    /** Adds the leads: do-not-call ones as DO_NOT_CALL, the others QUEUED for a first call at once. */
    void insertLeads(Campaign c, List<Lead> leads) {
        var rows = leads.stream()
                .map(l -> new MapSqlParameterSource()
                        .addValue("c", c.id())
                        .addValue("customer", l.id())
                        .addValue("b", c.businessId().value())
                        .addValue("phone", l.phone())
                        .addValue("name", l.name(), Types.VARCHAR)
                        .addValue("language", l.language(), Types.VARCHAR)
                        .addValue("timezone", l.timezone())
                        .addValue(
                                "state",
                                (l.doNotCall() ? Campaign.LeadState.DO_NOT_CALL : Campaign.LeadState.QUEUED).name())
                        .addValue("at", utc(c.createdAt())))
                .toArray(MapSqlParameterSource[]::new);
        named.batchUpdate(
                "INSERT INTO campaign_lead (campaign_id, customer_id, business_id, phone, name, language, timezone,"
                        + " state, attempts, next_attempt_at, updated_at) VALUES (:c, :customer, :b, :phone, :name,"
                        + " :language, :timezone, :state, 0, :at, :at)",
                rows);
    }

    Optional<Campaign> find(BusinessId business, UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE business_id = :b AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .param("b", business.value())
                .param("id", id)
                .query(CampaignRepository::map)
                .optional();
    }

    /** The campaign, whichever business it belongs to (the dialer's jobs know only its id). */
    Optional<Campaign> findAny(UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id)
                .query(CampaignRepository::map)
                .optional();
    }

    List<Campaign> page(BusinessId business, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE business_id = :b"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("b", business.value())
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(CampaignRepository::map)
                .list();
    }

    /** The business's RUNNING and PAUSED campaigns, newest first (at most 100). */
    List<Campaign> active(BusinessId business) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE business_id = :b"
                        + " AND status IN ('RUNNING', 'PAUSED') ORDER BY created_at DESC, id LIMIT 100")
                .param("b", business.value())
                .query(CampaignRepository::map)
                .list();
    }

    /** The name of the business's campaign that placed the call with this CallSid, if a campaign did. */
    Optional<String> nameOfCall(BusinessId business, String callSid) {
        return jdbc.sql("SELECT c.name FROM campaign_call cc JOIN campaign c ON c.id = cc.campaign_id"
                        + " WHERE cc.business_id = :b AND cc.call_sid = :sid")
                .param("b", business.value())
                .param("sid", callSid)
                .query(String.class)
                .optional();
    }

    /** The names of the business's campaigns with these ids; an id of another business's campaign is left out. */
    java.util.Map<UUID, String> names(BusinessId business, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc
                .sql("SELECT id, name FROM campaign WHERE business_id = :b AND id IN (:ids)")
                .param("b", business.value())
                .param("ids", List.copyOf(ids))
                .query((rs, row) -> java.util.Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** Every running campaign, of any business (the dialer's sweep). */
    List<UUID> running() {
        return jdbc.sql("SELECT id FROM campaign WHERE status = 'RUNNING'")
                .query(UUID.class)
                .list();
    }

    long count(BusinessId business) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE business_id = :b")
                .param("b", business.value())
                .query(Long.class)
                .single();
    }

    /** Moves the campaign from {@code from} to {@code to}; false when it was not in {@code from} any more. */
    boolean move(UUID id, Campaign.Status from, Campaign.Status to, Instant at) {
        return jdbc.sql("UPDATE campaign SET status = :to, updated_at = :at WHERE id = :id AND status = :from")
                        .param("to", to.name())
                        .param("at", utc(at))
                        .param("id", id)
                        .param("from", from.name())
                        .update()
                == 1;
    }

    Counts counts(UUID campaign) {
        var byState = new EnumMap<Campaign.LeadState, Long>(Campaign.LeadState.class);
        jdbc.sql("SELECT state, COUNT(*) AS n FROM campaign_lead WHERE campaign_id = :c GROUP BY state")
                .param("c", campaign)
                .query((rs, row) -> byState.put(Campaign.LeadState.valueOf(rs.getString("state")), rs.getLong("n")))
                .list();
        return new Counts(
                byState.getOrDefault(Campaign.LeadState.QUEUED, 0L),
                byState.getOrDefault(Campaign.LeadState.CALLING, 0L),
                byState.getOrDefault(Campaign.LeadState.CONTACTED, 0L),
                byState.getOrDefault(Campaign.LeadState.MEETING_SCHEDULED, 0L),
                byState.getOrDefault(Campaign.LeadState.NOT_INTERESTED, 0L),
                byState.getOrDefault(Campaign.LeadState.NO_ANSWER, 0L),
                byState.getOrDefault(Campaign.LeadState.FAILED, 0L),
                byState.getOrDefault(Campaign.LeadState.DO_NOT_CALL, 0L),
                byState.getOrDefault(Campaign.LeadState.ERASED, 0L));
    }

    /** The customers of the campaign's leads in this state. */
    List<UUID> customers(UUID campaign, Campaign.LeadState state) {
        return jdbc.sql("SELECT customer_id FROM campaign_lead WHERE campaign_id = :c AND state = :s")
                .param("c", campaign)
                .param("s", state.name())
                .query(UUID.class)
                .list();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("name"),
                rs.getString("purpose"),
                Campaign.Status.valueOf(rs.getString("status")),
                new CallingHours(
                        LocalTime.parse(rs.getString("window_start")), LocalTime.parse(rs.getString("window_end"))),
                rs.getInt("max_concurrent_calls"),
                rs.getObject("calls_per_minute", Integer.class),
                rs.getInt("retry_attempts"),
                rs.getInt("retry_backoff_minutes"),
                Campaign.Voicemail.valueOf(rs.getString("voicemail")),
                rs.getString("opening_script"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
