package dev.frontdesk.campaigns.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.campaigns.CampaignEvents;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dialer's view of a campaign's leads: claiming them for a call (a conditional update from QUEUED, on
 * rows locked with {@code FOR UPDATE SKIP LOCKED}), and recording how each call ended. Every change of a
 * lead's state is conditional on the state (and call) it changes from, so a redelivered callback or a
 * second node changes nothing.
 */
@Repository
class LeadRepository {

    private static final String COLUMNS = "campaign_id, customer_id, business_id, phone, name, language, timezone,"
            + " state, attempts, next_attempt_at, attempt_id, call_sid, claimed_at, answered_by";

    private final JdbcClient jdbc;

    LeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One lead of a campaign. */
    record LeadRow(
            UUID campaignId,
            UUID customerId,
            BusinessId businessId,
            String phone,
            String name,
            String language,
            String timezone,
            Campaign.LeadState state,
            int attempts,
            Instant nextAttemptAt,
            UUID attemptId,
            String callSid,
            Instant claimedAt,
            String answeredBy) {}

    /** Queued leads per time zone, with the earliest time one of them may be called again. */
    record Zone(String timezone, Instant earliest) {}

    List<Zone> queuedZones(UUID campaign) {
        return jdbc.sql("SELECT timezone, MIN(next_attempt_at) AS earliest FROM campaign_lead"
                        + " WHERE campaign_id = :c AND state = 'QUEUED' GROUP BY timezone")
                .param("c", campaign)
                .query((rs, row) -> new Zone(
                        rs.getString("timezone"),
                        rs.getObject("earliest", OffsetDateTime.class).toInstant()))
                .list();
    }

    long inState(UUID campaign, Campaign.LeadState state) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_lead WHERE campaign_id = :c AND state = :s")
                .param("c", campaign)
                .param("s", state.name())
                .query(Long.class)
                .single();
    }

    /**
     * The campaign's calls going on: claimed and not ended (a lead whose call booked a meeting is still on
     * the phone until the call ends).
     */
    long inFlight(UUID campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_call WHERE campaign_id = :c AND ended_at IS NULL")
                .param("c", campaign)
                .query(Long.class)
                .single();
    }

    /** Calls of the campaign started since {@code since} (claims that were never placed do not count). */
    long startedSince(UUID campaign, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_call WHERE campaign_id = :c AND placed_at > :since"
                        + " AND (status IS NULL OR status <> 'not-placed')")
                .param("c", campaign)
                .param("since", utc(since))
                .query(Long.class)
                .single();
    }

    /** Calls of the campaign placed before {@code before} that never reported their end are over. */
    void endLost(UUID campaign, Instant before, Instant now) {
        jdbc.sql("UPDATE campaign_call SET status = 'lost', ended_at = :now"
                        + " WHERE campaign_id = :c AND ended_at IS NULL AND placed_at < :before")
                .param("now", utc(now))
                .param("c", campaign)
                .param("before", utc(before))
                .update();
    }

    /** Queued leads in these zones whose next call is due, locked; rows another node holds are skipped. */
    List<LeadRow> due(UUID campaign, Collection<String> zones, Instant now, int limit) {
        if (zones.isEmpty() || limit <= 0) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_lead WHERE campaign_id = :c AND state = 'QUEUED'"
                        + " AND next_attempt_at <= :now AND timezone IN (:zones)"
                        + " ORDER BY next_attempt_at, customer_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("c", campaign)
                .param("now", utc(now))
                .param("zones", zones)
                .param("limit", limit)
                .query(LeadRepository::map)
                .list();
    }

    /** QUEUED → CALLING for this attempt; false when the lead was not queued any more. */
    boolean claim(UUID campaign, UUID customer, UUID attempt, Instant now) {
        return jdbc.sql("UPDATE campaign_lead SET state = 'CALLING', attempts = attempts + 1, attempt_id = :a,"
                                + " call_sid = NULL, answered_by = NULL, claimed_at = :now, updated_at = :now"
                                + " WHERE campaign_id = :c AND customer_id = :customer AND state = 'QUEUED'")
                        .param("a", attempt)
                        .param("now", utc(now))
                        .param("c", campaign)
                        .param("customer", customer)
                        .update()
                == 1;
    }

    void insertCall(LeadRow lead, UUID attempt, int number, Instant at) {
        jdbc.sql("INSERT INTO campaign_call (attempt_id, campaign_id, business_id, customer_id, phone, attempt,"
                        + " placed_at) VALUES (:a, :c, :b, :customer, :phone, :n, :at)")
                .param("a", attempt)
                .param("c", lead.campaignId())
                .param("b", lead.businessId().value())
                .param("customer", lead.customerId())
                .param("phone", lead.phone())
                .param("n", number)
                .param("at", utc(at))
                .update();
    }

    /** QUEUED → DO_NOT_CALL (the number asked not to be called). */
    void doNotCall(UUID campaign, UUID customer, Instant now) {
        jdbc.sql("UPDATE campaign_lead SET state = 'DO_NOT_CALL', updated_at = :now"
                        + " WHERE campaign_id = :c AND customer_id = :customer AND state IN ('QUEUED', 'CALLING')")
                .param("now", utc(now))
                .param("c", campaign)
                .param("customer", customer)
                .update();
    }

    /**
     * Whether the lead of this attempt is still in its claimed call; when not (its customer was erased since
     * the claim), the call is left out of the call log as never placed and frees its slot.
     */
    boolean stillClaimed(UUID attempt, Instant now) {
        boolean claimed = jdbc.sql("SELECT COUNT(*) FROM campaign_lead WHERE attempt_id = :a AND state = 'CALLING'")
                        .param("a", attempt)
                        .query(Long.class)
                        .single()
                > 0;
        if (!claimed) {
            jdbc.sql("UPDATE campaign_call SET status = 'not-placed', ended_at = :now"
                            + " WHERE attempt_id = :a AND call_sid IS NULL AND ended_at IS NULL")
                    .param("now", utc(now))
                    .param("a", attempt)
                    .update();
        }
        return claimed;
    }

    /** The provider took the call: its sid, on the lead and in the call log (the first one recorded wins). */
    void placed(UUID attempt, String callSid) {
        jdbc.sql("UPDATE campaign_lead SET call_sid = :sid WHERE attempt_id = :a AND call_sid IS NULL")
                .param("sid", callSid)
                .param("a", attempt)
                .update();
        jdbc.sql("UPDATE campaign_call SET call_sid = :sid WHERE attempt_id = :a AND call_sid IS NULL")
                .param("sid", callSid)
                .param("a", attempt)
                .update();
    }

    /**
     * The call of this attempt was never placed: the lead is queued again for {@code next}, and the attempt
     * does not count.
     */
    void notPlaced(UUID attempt, Instant next, Instant now) {
        int changed = jdbc.sql("UPDATE campaign_lead SET state = 'QUEUED', attempts = attempts - 1, attempt_id = NULL,"
                        + " claimed_at = NULL, next_attempt_at = :next, updated_at = :now"
                        + " WHERE attempt_id = :a AND state = 'CALLING' AND call_sid IS NULL")
                .param("next", utc(next))
                .param("now", utc(now))
                .param("a", attempt)
                .update();
        if (changed == 1) {
            jdbc.sql("UPDATE campaign_call SET status = 'not-placed', ended_at = :now WHERE attempt_id = :a")
                    .param("now", utc(now))
                    .param("a", attempt)
                    .update();
        }
    }

    /** Who answered the call of this attempt; false when it was recorded before (a redelivered webhook). */
    boolean answered(UUID attempt, String callSid, String answeredBy) {
        placed(attempt, callSid);
        jdbc.sql("UPDATE campaign_call SET answered_by = :by WHERE attempt_id = :a AND answered_by IS NULL")
                .param("by", answeredBy)
                .param("a", attempt)
                .update();
        return jdbc.sql("UPDATE campaign_lead SET answered_by = :by"
                                + " WHERE attempt_id = :a AND state IN ('CALLING', 'MEETING_SCHEDULED')"
                                + " AND answered_by IS NULL")
                        .param("by", answeredBy)
                        .param("a", attempt)
                        .update()
                == 1;
    }

    Optional<LeadRow> byAttempt(UUID attempt, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_lead WHERE attempt_id = :a" + (lock ? " FOR UPDATE" : ""))
                .param("a", attempt)
                .query(LeadRepository::map)
                .optional();
    }

    /**
     * CALLING → {@code state} for the call of this attempt, with the next call's time when it is QUEUED
     * again; false when the lead had left CALLING already (a redelivered status callback).
     */
    boolean finish(UUID attempt, Campaign.LeadState state, Instant next, Instant now) {
        return jdbc.sql("UPDATE campaign_lead SET state = :s, next_attempt_at = COALESCE(:next, next_attempt_at),"
                                + " updated_at = :now WHERE attempt_id = :a AND state = 'CALLING'")
                        .param("s", state.name())
                        .param("next", utc(next), Types.TIMESTAMP_WITH_TIMEZONE)
                        .param("now", utc(now))
                        .param("a", attempt)
                        .update()
                == 1;
    }

    /** The call log's ending of this attempt; false when it had ended before (a redelivered callback). */
    boolean ended(UUID attempt, String status, Instant at) {
        return jdbc.sql("UPDATE campaign_call SET status = :s, ended_at = :at"
                                + " WHERE attempt_id = :a AND ended_at IS NULL")
                        .param("s", status)
                        .param("at", utc(at))
                        .param("a", attempt)
                        .update()
                == 1;
    }

    /** The call of this attempt when it was placed (it has a sid) and nobody answered it. */
    Optional<CampaignEvents.CallUnanswered> unanswered(UUID attempt) {
        return jdbc.sql(
                        "SELECT business_id, campaign_id, call_sid, phone, status, placed_at, ended_at FROM campaign_call"
                                + " WHERE attempt_id = :a AND call_sid IS NOT NULL AND answered_by IS NULL")
                .param("a", attempt)
                .query((rs, row) -> new CampaignEvents.CallUnanswered(
                        new BusinessId(rs.getObject("business_id", UUID.class)),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getString("call_sid"),
                        CampaignErasure.ERASED.equals(rs.getString("phone")) ? null : rs.getString("phone"),
                        rs.getString("status"),
                        rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ended_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The campaign's calls in CALLING claimed before {@code before}: placed by a node that died, or lost. */
    List<LeadRow> callingSince(UUID campaign, Instant before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_lead WHERE campaign_id = :c AND state = 'CALLING'"
                        + " AND claimed_at < :before")
                .param("c", campaign)
                .param("before", utc(before))
                .query(LeadRepository::map)
                .list();
    }

    /**
     * A booking by this number during (or just after) a campaign's call to it: the lead's call booked a
     * meeting. The leads moved, by campaign.
     */
    List<LeadRow> meeting(BusinessId business, String phone, Instant contactedSince, Instant now) {
        var leads = jdbc.sql("SELECT " + COLUMNS + " FROM campaign_lead WHERE business_id = :b AND phone = :phone"
                        + " AND (state = 'CALLING' OR (state = 'CONTACTED' AND updated_at >= :since))")
                .param("b", business.value())
                .param("phone", phone)
                .param("since", utc(contactedSince))
                .query(LeadRepository::map)
                .list();
        return leads.stream()
                .filter(l -> jdbc.sql("UPDATE campaign_lead SET state = 'MEETING_SCHEDULED', updated_at = :now"
                                        + " WHERE campaign_id = :c AND customer_id = :customer AND state = :s")
                                .param("now", utc(now))
                                .param("c", l.campaignId())
                                .param("customer", l.customerId())
                                .param("s", l.state().name())
                                .update()
                        == 1)
                .toList();
    }

    private static LeadRow map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime claimed = rs.getObject("claimed_at", OffsetDateTime.class);
        return new LeadRow(
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("phone"),
                rs.getString("name"),
                rs.getString("language"),
                rs.getString("timezone"),
                Campaign.LeadState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                rs.getObject("attempt_id", UUID.class),
                rs.getString("call_sid"),
                claimed == null ? null : claimed.toInstant(),
                rs.getString("answered_by"));
    }
}
