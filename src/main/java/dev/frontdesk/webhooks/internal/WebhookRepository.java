package dev.frontdesk.webhooks.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhooks and their deliveries, scoped by business. */
@Repository
class WebhookRepository {

    private static final String WEBHOOK = "id, business_id, url, events, secret_sealed, created_at";
    private static final String DELIVERY = "id, webhook_id, business_id, event, event_id, payload, status, attempts,"
            + " response_status, error, replay_of, created_at, last_attempt_at, delivered_at";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Webhook w) {
        jdbc.sql("INSERT INTO webhook (" + WEBHOOK + ") VALUES (:id, :b, :url, :events, :secret, :at)")
                .param("id", w.id())
                .param("b", w.businessId().value())
                .param("url", w.url())
                .param("events", "," + String.join(",", w.events()) + ",")
                .param("secret", w.secretSealed())
                .param("at", utc(w.createdAt()))
                .update();
    }

    Optional<Webhook> find(BusinessId business, UUID id) {
        return jdbc.sql("SELECT " + WEBHOOK + " FROM webhook WHERE business_id = :b AND id = :id")
                .param("b", business.value())
                .param("id", id)
                .query(WebhookRepository::webhook)
                .optional();
    }

    List<Webhook> list(BusinessId business, int limit, long offset) {
        return jdbc.sql("SELECT " + WEBHOOK + " FROM webhook WHERE business_id = :b ORDER BY created_at, id"
                        + " LIMIT :limit OFFSET :offset")
                .param("b", business.value())
                .param("limit", limit)
                .param("offset", offset)
                .query(WebhookRepository::webhook)
                .list();
    }

    long count(BusinessId business) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook WHERE business_id = :b")
                .param("b", business.value())
                .query(Long.class)
                .single();
    }

    /** The business's webhooks that subscribed to this event. */
    List<Webhook> subscribedTo(BusinessId business, String event) {
        return jdbc.sql("SELECT " + WEBHOOK + " FROM webhook WHERE business_id = :b AND events LIKE :event")
                .param("b", business.value())
                .param("event", "%," + event + ",%")
                .query(WebhookRepository::webhook)
                .list();
    }

    boolean delete(BusinessId business, UUID id) {
        return jdbc.sql("DELETE FROM webhook WHERE business_id = :b AND id = :id")
                        .param("b", business.value())
                        .param("id", id)
                        .update()
                > 0;
    }

    void insert(Delivery d) {
        jdbc.sql("INSERT INTO webhook_delivery (" + DELIVERY + ") VALUES (:id, :w, :b, :event, :eventId, :payload,"
                        + " :status, :attempts, NULL, NULL, :replayOf, :at, NULL, NULL)")
                .param("id", d.id())
                .param("w", d.webhookId())
                .param("b", d.businessId().value())
                .param("event", d.event())
                .param("eventId", d.eventId())
                .param("payload", d.payload())
                .param("status", d.status().name())
                .param("attempts", d.attempts())
                .param("replayOf", d.replayOf())
                .param("at", utc(d.createdAt()))
                .update();
    }

    /** A delivery by id alone: for the delivery job, which knows no business. */
    Optional<Delivery> findDelivery(UUID id) {
        return jdbc.sql("SELECT " + DELIVERY + " FROM webhook_delivery WHERE id = :id")
                .param("id", id)
                .query(WebhookRepository::delivery)
                .optional();
    }

    Optional<Delivery> findDelivery(BusinessId business, UUID webhookId, UUID id) {
        return jdbc.sql("SELECT " + DELIVERY + " FROM webhook_delivery"
                        + " WHERE business_id = :b AND webhook_id = :w AND id = :id")
                .param("b", business.value())
                .param("w", webhookId)
                .param("id", id)
                .query(WebhookRepository::delivery)
                .optional();
    }

    List<Delivery> deliveries(BusinessId business, UUID webhookId, int limit, long offset) {
        return jdbc.sql("SELECT " + DELIVERY + " FROM webhook_delivery WHERE business_id = :b AND webhook_id = :w"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("b", business.value())
                .param("w", webhookId)
                .param("limit", limit)
                .param("offset", offset)
                .query(WebhookRepository::delivery)
                .list();
    }

    long countDeliveries(BusinessId business, UUID webhookId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE business_id = :b AND webhook_id = :w")
                .param("b", business.value())
                .param("w", webhookId)
                .query(Long.class)
                .single();
    }

    /** Deliveries of every business still PENDING that were made before {@code before}, oldest first. */
    List<UUID> pendingBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND created_at < :before"
                        + " ORDER BY created_at LIMIT :limit")
                .param("before", utc(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Records an attempt: its answer (or error) and the delivery's status after it. */
    void attempted(UUID id, Delivery.Status status, int attempts, Integer responseStatus, String error, Instant at) {
        jdbc.sql("UPDATE webhook_delivery SET status = :status, attempts = :attempts, response_status = :code,"
                        + " error = :error, last_attempt_at = :at, delivered_at = COALESCE(:delivered, delivered_at)"
                        + " WHERE id = :id")
                .param("status", status.name())
                .param("attempts", attempts)
                .param("code", responseStatus, Types.INTEGER)
                .param("error", error, Types.VARCHAR)
                .param("at", utc(at))
                .param("delivered", status == Delivery.Status.DELIVERED ? utc(at) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id)
                .update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        String events = rs.getString("events");
        return new Webhook(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("url"),
                Arrays.stream(events.split(",")).filter(e -> !e.isEmpty()).toList(),
                rs.getString("secret_sealed"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("response_status");
        Integer responseStatus = rs.wasNull() ? null : code;
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("webhook_id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("event"),
                rs.getObject("event_id", UUID.class),
                rs.getString("payload"),
                Delivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                responseStatus,
                rs.getString("error"),
                rs.getObject("replay_of", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs, "last_attempt_at"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
