package dev.frontdesk.dashboard.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dashboard users. Every query but the sign-in look-up by email is scoped by business. */
@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, business_id, email, name, role, password_hash, failed_attempts, locked_until, created_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the email is taken */
    void insert(UserAccount u) {
        jdbc.sql("INSERT INTO dashboard_user (" + COLUMNS + ") VALUES (:id, :business, :email, :name, :role,"
                        + " :hash, 0, NULL, :created)")
                .param("id", u.id())
                .param("business", u.businessId().value())
                .param("email", u.email())
                .param("name", u.name())
                .param("role", u.role().name())
                .param("hash", u.passwordHash())
                .param("created", utc(u.createdAt()))
                .update();
    }

    /** The sign-in look-up: emails are unique across the service. */
    Optional<UserAccount> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dashboard_user WHERE email = :email")
                .param("email", email)
                .query(UserRepository::map)
                .optional();
    }

    Optional<UserAccount> byId(BusinessId business, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dashboard_user WHERE business_id = :business AND id = :id")
                .param("business", business.value())
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    /** Sets a new password and opens a locked login. */
    void setPassword(BusinessId business, UUID id, String passwordHash) {
        jdbc.sql("UPDATE dashboard_user SET password_hash = :hash, failed_attempts = 0, locked_until = NULL"
                        + " WHERE business_id = :business AND id = :id")
                .param("hash", passwordHash)
                .param("business", business.value())
                .param("id", id)
                .update();
    }

    List<UserAccount> page(BusinessId business, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dashboard_user WHERE business_id = :business"
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("business", business.value())
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(UserRepository::map)
                .list();
    }

    /** Every user of the business, oldest first (a team is small). */
    List<UserAccount> all(BusinessId business) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dashboard_user WHERE business_id = :business"
                        + " ORDER BY created_at, id")
                .param("business", business.value())
                .query(UserRepository::map)
                .list();
    }

    /**
     * The ids of the business's owners, their rows locked until the transaction ends: two owners changing each
     * other at once cannot both see the other as the remaining owner.
     */
    List<UUID> lockOwners(BusinessId business) {
        return jdbc.sql("SELECT id FROM dashboard_user WHERE business_id = :business AND role = 'OWNER' FOR UPDATE")
                .param("business", business.value())
                .query(UUID.class)
                .list();
    }

    void updateRole(BusinessId business, UUID id, Role role) {
        jdbc.sql("UPDATE dashboard_user SET role = :role WHERE business_id = :business AND id = :id")
                .param("role", role.name())
                .param("business", business.value())
                .param("id", id)
                .update();
    }

    void delete(BusinessId business, UUID id) {
        jdbc.sql("DELETE FROM dashboard_user WHERE business_id = :business AND id = :id")
                .param("business", business.value())
                .param("id", id)
                .update();
    }

    long count(BusinessId business) {
        return jdbc.sql("SELECT COUNT(*) FROM dashboard_user WHERE business_id = :business")
                .param("business", business.value())
                .query(Long.class)
                .single();
    }

    /**
     * Counts a failed sign-in; the failure that reaches {@code maxAttempts} locks the login until
     * {@code lockUntil} and starts the count again. A login already locked is left as it is.
     */
    void recordFailure(String email, int maxAttempts, Instant now, Instant lockUntil) {
        jdbc.sql("UPDATE dashboard_user SET"
                        + " locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END,"
                        + " failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0 ELSE failed_attempts + 1 END"
                        + " WHERE email = :email AND (locked_until IS NULL OR locked_until <= :now)")
                .param("email", email)
                .param("max", maxAttempts)
                .param("until", utc(lockUntil))
                .param("now", utc(now))
                .update();
    }

    void resetFailures(String email) {
        jdbc.sql("UPDATE dashboard_user SET failed_attempts = 0, locked_until = NULL WHERE email = :email"
                        + " AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param("email", email)
                .update();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new UserAccount(
                rs.getObject("id", UUID.class),
                new BusinessId(rs.getObject("business_id", UUID.class)),
                rs.getString("email"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("password_hash"),
                rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
