package dev.frontdesk.scheduling.internal;

import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** First answers to requests carrying an {@code Idempotency-Key}, per business. */
@Repository
class IdempotencyStore {

    /** A stored answer: the HTTP status and JSON body, and the hash of the request that produced it. */
    record StoredResponse(String requestHash, int status, String body) {}

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredResponse> find(BusinessId business, String key) {
        return jdbc.sql("SELECT request_hash, response_status, response_body FROM appointment_idempotency"
                        + " WHERE business_id = :business AND idempotency_key = :key")
                .param("business", business.value())
                .param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    void save(BusinessId business, String key, StoredResponse response, Instant now) {
        jdbc.sql("INSERT INTO appointment_idempotency (business_id, idempotency_key, request_hash, response_status,"
                        + " response_body, created_at) VALUES (:business, :key, :hash, :status, :body, :now)")
                .param("business", business.value())
                .param("key", key)
                .param("hash", response.requestHash())
                .param("status", response.status())
                .param("body", response.body())
                .param("now", Timestamps.utc(now))
                .update();
    }
}
