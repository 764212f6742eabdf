package dev.frontdesk.campaigns.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.crm.Customers;
import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer leaves the campaigns it was a lead of, in the erasure's transaction: its name, number and
 * language leave the campaign's leads, its call log and the sandbox's calls (the number becomes
 * {@code (erased)}); a lead that was waiting for a call (its first or a retry) or in a call is ERASED (or
 * DO_NOT_CALL when the person had asked not to be called), so the dialer never claims it again and a status
 * callback of its call going on moves nothing; a lead with an outcome keeps it, and every call stays in the log,
 * so the campaign's counts stay right. The customer's export shows its campaigns and calls.
 */
@Component
class CampaignErasure implements PersonalData {

    static final String ERASED = "(erased)";

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Clock clock;

    CampaignErasure(JdbcClient jdbc, Customers customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    /** A campaign the customer was a lead of, its stage there and the calls placed to it. */
    record CampaignPart(UUID campaignId, String name, String stage, int attempts, List<Call> calls) {}

    /** One call of a campaign to the customer. */
    record Call(
            int attempt,
            String callSid,
            String phone,
            Instant placedAt,
            String answeredBy,
            String status,
            Instant endedAt) {}

    @Override
    public Map<String, Object> export(BusinessId business, UUID customerId, PhoneNumber phone) {
        Map<UUID, CampaignPart> parts = new LinkedHashMap<>();
        jdbc.sql("SELECT l.campaign_id, c.name, l.state, l.attempts FROM campaign_lead l JOIN campaign c"
                        + " ON c.id = l.campaign_id WHERE l.business_id = :b AND l.customer_id = :customer"
                        + " ORDER BY c.created_at, c.id")
                .param("b", business.value())
                .param("customer", customerId)
                .query((rs, row) -> parts.put(
                        rs.getObject("campaign_id", UUID.class),
                        new CampaignPart(
                                rs.getObject("campaign_id", UUID.class),
                                rs.getString("name"),
                                rs.getString("state"),
                                rs.getInt("attempts"),
                                new ArrayList<>())))
                .list();
        jdbc.sql("SELECT campaign_id, attempt, call_sid, phone, placed_at, answered_by, status, ended_at"
                        + " FROM campaign_call WHERE business_id = :b AND customer_id = :customer"
                        + " AND (status IS NULL OR status <> 'not-placed') ORDER BY placed_at, attempt")
                .param("b", business.value())
                .param("customer", customerId)
                .query((rs, row) -> {
                    CampaignPart part = parts.get(rs.getObject("campaign_id", UUID.class));
                    if (part != null) {
                        part.calls().add(call(rs));
                    }
                    return part;
                })
                .list();
        return Map.of("campaigns", List.copyOf(parts.values()));
    }

    @Override
    public void erase(BusinessId business, UUID customerId, PersonalTraces person, List<UUID> conversationIds) {
        PhoneNumber phone = person.phone();
        Instant now = clock.instant();
        boolean asked = !customers.doNotCall(business, List.of(phone.e164())).isEmpty();
        String lead = " WHERE business_id = :b AND (customer_id = :customer OR phone = :phone)";
        // never called again: waiting or in a call, the lead has no outcome yet
        jdbc.sql("UPDATE campaign_lead SET state = :state, updated_at = :now" + lead
                        + " AND state IN ('QUEUED', 'CALLING')")
                .param("state", (asked ? Campaign.LeadState.DO_NOT_CALL : Campaign.LeadState.ERASED).name())
                .param("now", utc(now))
                .param("b", business.value())
                .param("customer", customerId)
                .param("phone", phone.e164())
                .update();
        jdbc.sql("UPDATE campaign_sandbox_call SET to_number = :erased WHERE business_id = :b AND (to_number = :phone"
                        + " OR attempt_id IN (SELECT attempt_id FROM campaign_call" + lead + "))")
                .param("erased", ERASED)
                .param("b", business.value())
                .param("customer", customerId)
                .param("phone", phone.e164())
                .update();
        jdbc.sql("UPDATE campaign_call SET phone = :erased" + lead)
                .param("erased", ERASED)
                .param("b", business.value())
                .param("customer", customerId)
                .param("phone", phone.e164())
                .update();
        jdbc.sql("UPDATE campaign_lead SET phone = :erased, name = NULL, language = NULL" + lead)
                .param("erased", ERASED)
                .param("b", business.value())
                .param("customer", customerId)
                .param("phone", phone.e164())
                .update();
    }

    private static Call call(ResultSet rs) throws SQLException {
        return new Call(
                rs.getInt("attempt"),
                rs.getString("call_sid"),
                rs.getString("phone"),
                instant(rs, "placed_at"),
                rs.getString("answered_by"),
                rs.getString("status"),
                instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
