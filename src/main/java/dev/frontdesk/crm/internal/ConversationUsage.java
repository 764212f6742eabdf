package dev.frontdesk.crm.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.crm.Conversations.Usage;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's usage figures: conversations and calls per business, counted by the database in one query. */
@Repository
class ConversationUsage {

    private final JdbcClient jdbc;

    ConversationUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<BusinessId, Usage> byBusiness(Instant from, Instant to) {
        var usage = new HashMap<BusinessId, Usage>();
        jdbc.sql("SELECT business_id, COUNT(*) AS conversations,"
                        + " SUM(CASE WHEN channel = 'VOICE' THEN 1 ELSE 0 END) AS calls"
                        + " FROM conversation WHERE started_at >= :from AND started_at < :to GROUP BY business_id")
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    usage.put(
                            new BusinessId(rs.getObject("business_id", UUID.class)),
                            new Usage(rs.getLong("calls"), rs.getLong("conversations")));
                });
        return usage;
    }
}
