package dev.frontdesk.crm.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conversations' list search (channel, outcome, days, campaign, words), always scoped by business. */
@Repository
class ConversationSearches {

    private final JdbcClient jdbc;

    ConversationSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of what {@code search} finds, newest first, and how many: one query (the count is a window over the
     * same rows, as a words search costs as much again to count apart); a page past the last counts separately.
     */
    PageResponse<Conversation> search(BusinessId business, Conversations.Search search, PageQuery page) {
        var params = new java.util.HashMap<String, Object>();
        long[] total = {-1};
        List<Conversation> items = jdbc.sql("SELECT " + ConversationRepository.COLUMNS + ", COUNT(*) OVER () AS found"
                        + from(business, search, params) + " ORDER BY started_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, row) -> {
                    total[0] = rs.getLong("found");
                    return ConversationRepository.map(rs, row);
                })
                .list();
        if (total[0] < 0) {
            total[0] = page.offset() == 0 ? 0 : count(business, search);
        }
        return PageResponse.of(items, total[0], page);
    }

    long count(BusinessId business, Conversations.Search search) {
        var params = new java.util.HashMap<String, Object>();
        return jdbc.sql("SELECT COUNT(*)" + from(business, search, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** A search's FROM and WHERE with its parameters; words: one set of summary or transcript matches (LIKE, '!'). */
    private static String from(BusinessId business, Conversations.Search s, java.util.Map<String, Object> params) {
        var where = new StringBuilder(" WHERE business_id = :b");
        params.put("b", business.value());
        if (s.channel() != null) {
            where.append(" AND channel = :c");
            params.put("c", s.channel());
        }
        if (s.outcome() != null) {
            where.append(" AND outcome = :o");
            params.put("o", s.outcome().name());
        }
        if (s.from() != null) {
            where.append(" AND started_at >= :from");
            params.put("from", utc(s.from()));
        }
        if (s.to() != null) {
            where.append(" AND started_at < :to");
            params.put("to", utc(s.to()));
        }
        if (s.campaign() != null) {
            where.append(" AND campaign_id = :campaign");
            params.put("campaign", s.campaign());
        }
        if (s.text() == null || s.text().isBlank()) {
            return " FROM conversation" + where;
        }
        String text = s.text().strip().toLowerCase(java.util.Locale.ROOT);
        params.put("q", "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        return " FROM conversation JOIN (SELECT s.id AS found_id FROM conversation s WHERE s.business_id = :b"
                + " AND LOWER(s.summary) LIKE :q ESCAPE '!' UNION SELECT t.conversation_id FROM conversation_turn t"
                + " WHERE t.business_id = :b AND LOWER(t.text) LIKE :q ESCAPE '!') m ON m.found_id = conversation.id"
                + where;
    }
}
