package dev.frontdesk.partners.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners, scoped by business (the key look-up by prefix is the one exception: it finds the business). */
@Repository
class PartnerRepository {

    private static final String COLUMNS =
            "id, business_id, name, key_prefix, key_hash, rate_per_minute, active, created_at, updated_at";

    private final JdbcClient jdbc;

    PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Partner p) {
        jdbc.sql("INSERT INTO partner (" + COLUMNS
                        + ") VALUES (:id, :b, :name, :prefix, :hash, :rate, :active, :c, :u)")
                .param("id", p.id())
                .param("b", p.businessId().value())
                .param("name", p.name())
                .param("prefix", p.keyPrefix())
                .param("hash", p.keyHash())
                .param("rate", p.ratePerMinute())
                .param("active", p.active())
                .param("c", utc(p.createdAt()))
                .param("u", utc(p.updatedAt()))
                .update();
    }

    /** Writes the key, rate and active flag of a partner of this business. */
    void update(Partner p) {
        jdbc.sql("UPDATE partner SET key_prefix = :prefix, key_hash = :hash, rate_per_minute = :rate,"
                        + " active = :active, updated_at = :u WHERE business_id = :b AND id = :id")
                .param("prefix", p.keyPrefix())
                .param("hash", p.keyHash())
                .param("rate", p.ratePerMinute())
                .param("active", p.active())
                .param("u", utc(p.updatedAt()))
                .param("b", p.businessId().value())
                .param("id", p.id())
                .update();
    }

    Optional<Partner> find(BusinessId business, UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE business_id = :b AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .param("b", business.value())
                .param("id", id)
                .query(PartnerRepository::map)
                .optional();
    }

    boolean nameTaken(BusinessId business, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM partner WHERE business_id = :b AND name = :name")
                        .param("b", business.value())
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Partner> list(BusinessId business, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE business_id = :b ORDER BY created_at, id"
                        + " LIMIT :limit OFFSET :offset")
                .param("b", business.value())
                .param("limit", limit)
                .param("offset", offset)
                .query(PartnerRepository::map)
                .list();
    }

    long count(BusinessId business) {
        return jdbc.sql("SELECT COUNT(*) FROM partner WHERE business_id = :b")
                .param("b", business.value())
                .query(Long.class)
                .single();
    }

    Optional<Partner> findByKeyPrefix(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE key_prefix = :prefix")
                .param("prefix", prefix)
                .query(PartnerRepository::map)
                .optional();
    }

    private static Partner map(ResultSet rs, int row) throws SQLException {
        return new Partner(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getString("key_hash"),
                rs.getInt("rate_per_minute"),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
