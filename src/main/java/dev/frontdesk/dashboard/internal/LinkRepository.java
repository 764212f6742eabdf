package dev.frontdesk.dashboard.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links to choose a password, stored by the hash of their secret. */
@Repository
class LinkRepository {

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, UserAccount user, String purpose, Instant expires, Instant now) {
        jdbc.sql("INSERT INTO dashboard_user_link (token_hash, user_id, business_id, purpose, expires_at, used_at,"
                        + " created_at) VALUES (:hash, :user, :business, :purpose, :expires, NULL, :now)")
                .param("hash", tokenHash)
                .param("user", user.id())
                .param("business", user.businessId().value())
                .param("purpose", purpose)
                .param("expires", utc(expires))
                .param("now", utc(now))
                .update();
    }

    /** A link that can still be used: not used yet, not expired. */
    record Usable(UUID userId, BusinessId businessId, String purpose) {}

    Optional<Usable> usable(String tokenHash, Instant now) {
        return jdbc.sql("SELECT user_id, business_id, purpose FROM dashboard_user_link WHERE token_hash = :hash"
                        + " AND used_at IS NULL AND expires_at > :now")
                .param("hash", tokenHash)
                .param("now", utc(now))
                .query((rs, row) -> new Usable(
                        rs.getObject("user_id", UUID.class),
                        new BusinessId(rs.getObject("business_id", UUID.class)),
                        rs.getString("purpose")))
                .optional();
    }

    /** Marks the link used; false when it was used (or had expired) in the meantime. */
    boolean use(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE dashboard_user_link SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL"
                                + " AND expires_at > :now")
                        .param("hash", tokenHash)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** Uses up every link of the user not used yet (an invitation sent again: only the newest link works). */
    void retire(BusinessId business, UUID user, Instant now) {
        jdbc.sql("UPDATE dashboard_user_link SET used_at = :now WHERE business_id = :business AND user_id = :user"
                        + " AND used_at IS NULL")
                .param("now", utc(now))
                .param("business", business.value())
                .param("user", user)
                .update();
    }

    /** Deletes every link of the user (before the user is removed). */
    void deleteAll(BusinessId business, UUID user) {
        jdbc.sql("DELETE FROM dashboard_user_link WHERE business_id = :business AND user_id = :user")
                .param("business", business.value())
                .param("user", user)
                .update();
    }
}
