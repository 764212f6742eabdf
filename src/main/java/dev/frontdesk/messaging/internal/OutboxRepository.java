package dev.frontdesk.messaging.internal;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox outbox: every SMS and email the sandbox "sent", per business. */
@Repository
class OutboxRepository {

    /** One stored message; {@code attachments} is JSON ({@code [{"filename", "contentType", "content"}]}) or null. */
    record OutboxEntry(
            UUID id,
            BusinessId businessId,
            String channel,
            String recipient,
            String subject,
            String body,
            String purpose,
            String attachments,
            Instant createdAt) {}

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OutboxEntry entry) {
        jdbc.sql("INSERT INTO outbox_message (id, business_id, channel, recipient, subject, body, purpose, attachments,"
                        + " created_at) VALUES (:id, :business, :channel, :recipient, :subject, :body, :purpose,"
                        + " :attachments, :created)")
                .param("id", entry.id())
                .param("business", entry.businessId().value())
                .param("channel", entry.channel())
                .param("recipient", entry.recipient())
                .param("subject", entry.subject(), Types.VARCHAR)
                .param("body", entry.body())
                .param("purpose", entry.purpose())
                .param("attachments", entry.attachments(), Types.VARCHAR)
                .param("created", dev.frontdesk.shared.Timestamps.utc(entry.createdAt()))
                .update();
    }

    PageResponse<OutboxEntry> page(BusinessId business, String channel, PageQuery query) {
        String where = " WHERE business_id = :business" + (channel == null ? "" : " AND channel = :channel");
        var count = jdbc.sql("SELECT COUNT(*) FROM outbox_message" + where).param("business", business.value());
        var select = jdbc.sql(
                        "SELECT id, business_id, channel, recipient, subject, body, purpose, attachments, created_at"
                                + " FROM outbox_message" + where
                                + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("business", business.value())
                .param("limit", query.pageSize())
                .param("offset", query.offset());
        if (channel != null) {
            count = count.param("channel", channel);
            select = select.param("channel", channel);
        }
        long total = count.query(Long.class).single();
        var items = select.query((rs, n) -> new OutboxEntry(
                        rs.getObject("id", UUID.class),
                        new BusinessId(rs.getObject("business_id", UUID.class)),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("purpose"),
                        rs.getString("attachments"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        return PageResponse.of(items, total, query);
    }

    /**
     * Scrubs the business's sandbox messages to or about the person: the recipient becomes {@code (erased)} when
     * it was them, the subject is redacted, the body (their words, or what was said about them) is {@code
     * (erased)} and the attachments (an invite naming them) go. Returns how many messages were scrubbed.
     */
    int forget(BusinessId business, dev.frontdesk.shared.PersonalTraces person) {
        var ids = new java.util.LinkedHashSet<UUID>();
        for (String pattern : person.likePatterns()) {
            jdbc.sql(
                            "SELECT id, recipient, subject, body, attachments FROM outbox_message WHERE business_id = :business"
                                    + " AND (LOWER(recipient) LIKE :p OR LOWER(subject) LIKE :p OR LOWER(body) LIKE :p"
                                    + " OR LOWER(attachments) LIKE :p)")
                    .param("business", business.value())
                    .param("p", pattern)
                    .query((rs, row) -> {
                        if (person.appearsIn(rs.getString("recipient"))
                                || person.appearsIn(rs.getString("subject"))
                                || person.appearsIn(rs.getString("body"))
                                || person.appearsIn(rs.getString("attachments"))) {
                            ids.add(rs.getObject("id", UUID.class));
                        }
                        return null;
                    })
                    .list();
        }
        int scrubbed = 0;
        for (UUID id : ids) {
            var row = jdbc.sql("SELECT recipient, subject FROM outbox_message WHERE id = :id")
                    .param("id", id)
                    .query((rs, n) -> new String[] {rs.getString("recipient"), rs.getString("subject")})
                    .single();
            scrubbed += jdbc.sql("UPDATE outbox_message SET recipient = :recipient, subject = :subject, body = :erased,"
                            + " attachments = NULL WHERE id = :id")
                    .param("recipient", person.appearsIn(row[0]) ? dev.frontdesk.shared.PersonalTraces.ERASED : row[0])
                    .param("subject", row[1] == null ? null : person.redact(row[1]), Types.VARCHAR)
                    .param("erased", dev.frontdesk.shared.PersonalTraces.ERASED)
                    .param("id", id)
                    .update();
        }
        return scrubbed;
    }
}
