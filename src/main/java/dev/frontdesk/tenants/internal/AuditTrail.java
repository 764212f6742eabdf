package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail of admin and settings changes: who (admin or an API key prefix), what (an action and
 * the changed field names, never their values), when.
 */
@Repository
class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Schema(name = "AuditEvent")
    record AuditEvent(
            UUID id,

            @Schema(example = "0b6a4f8e-3c1d-4a57-9a0e-1d2f3c4b5a69")
            UUID businessId,

            @Schema(example = "api-key:Xk3mP9qa") String actor,
            @Schema(example = "settings.changed") String action,
            @Schema(example = "hours, settings.scheduling") String details,
            Instant createdAt) {}

    void record(BusinessId business, Actor actor, String action, String details) {
        jdbc.sql("INSERT INTO audit_event (id, business_id, actor, action, details, created_at)"
                        + " VALUES (:id, :business, :actor, :action, :details, :at)")
                .param("id", UUID.randomUUID())
                .param("business", business == null ? null : business.value())
                .param("actor", actor.name())
                .param("action", action)
                .param("details", details == null || details.length() <= 2000 ? details : details.substring(0, 2000))
                .param("at", Timestamps.utc(clock.instant()))
                .update();
    }

    PageResponse<AuditEvent> page(BusinessId business, PageQuery query) {
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE business_id = :business")
                .param("business", business.value())
                .query(Long.class)
                .single();
        var items = jdbc.sql("SELECT id, business_id, actor, action, details, created_at FROM audit_event"
                        + " WHERE business_id = :business ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("business", business.value())
                .param("limit", query.pageSize())
                .param("offset", query.offset())
                .query(AuditTrail::map)
                .list();
        return PageResponse.of(items, total, query);
    }

    Optional<AuditEvent> find(BusinessId business, UUID id) {
        return jdbc.sql("SELECT id, business_id, actor, action, details, created_at FROM audit_event"
                        + " WHERE business_id = :business AND id = :id")
                .param("business", business.value())
                .param("id", id)
                .query(AuditTrail::map)
                .optional();
    }

    private static AuditEvent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getObject("business_id", UUID.class),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("details"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
