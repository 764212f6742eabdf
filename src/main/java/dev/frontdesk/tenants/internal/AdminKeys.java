package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.Secrets;
import dev.frontdesk.shared.Timestamps;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator key. From {@code FRONTDESK_ADMIN_KEY} when set (only its hash is kept in memory);
 * otherwise generated on first start, shown once and stored hashed in {@code admin_key}.
 */
@Component
class AdminKeys {

    static final String KIND = "fda";

    private final String configuredHash;
    private final JdbcClient jdbc;
    private final Clock clock;

    AdminKeys(TenantsProperties properties, JdbcClient jdbc, Clock clock) {
        this.configuredHash = properties.adminKey() == null ? null : Secrets.sha256(properties.adminKey());
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean configured() {
        return configuredHash != null;
    }

    /** Generates and stores the operator key if there is none; returns it in clear text only then. */
    @Transactional
    Optional<String> generateIfMissing() {
        if (configured() || storedHash().isPresent()) {
            return Optional.empty();
        }
        var key = Secrets.issue(KIND);
        try {
            jdbc.sql("INSERT INTO admin_key (id, key_prefix, key_hash, created_at) VALUES (1, :prefix, :hash, :at)")
                    .param("prefix", key.prefix())
                    .param("hash", key.hash())
                    .param("at", Timestamps.utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another node generated it first
        }
        return Optional.of(key.plain());
    }

    /** Whether the presented key is the operator key; compared in constant time. */
    boolean matches(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return false;
        }
        String expected = configuredHash != null ? configuredHash : storedHash().orElse(null);
        return Secrets.matches(presented, expected);
    }

    private Optional<String> storedHash() {
        return jdbc.sql("SELECT key_hash FROM admin_key WHERE id = 1")
                .query(String.class)
                .optional();
    }
}
