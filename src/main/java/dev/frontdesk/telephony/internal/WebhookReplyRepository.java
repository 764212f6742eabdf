package dev.frontdesk.telephony.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Answers each Twilio webhook once. The first delivery claims its key, does the work and stores the
 * TwiML; a redelivery (same key, or same {@code I-Twilio-Idempotency-Token}) gets the stored TwiML
 * without doing the work again. A delivery that fails releases its claim, so Twilio's retry may succeed.
 * A claim still empty after {@link #CLAIM_TIMEOUT} belongs to a delivery that died with its process
 * (Twilio itself gives up after 15 s): a retry releases it and does the work.
 */
@Repository
class WebhookReplyRepository {

    private static final Logger log = LoggerFactory.getLogger(WebhookReplyRepository.class);
    private static final Duration WAIT_FOR_FIRST_DELIVERY = Duration.ofSeconds(10);
    /** Longer than Twilio waits for an answer: an empty claim this old has nobody working on it. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookReplyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The stored answer to this request, or {@code work}'s answer, stored for redeliveries.
     *
     * @param key identifies the request (e.g. {@code voice:CA...:2}); null when the request carries none
     * @param token Twilio's {@code I-Twilio-Idempotency-Token}, or null
     */
    String once(String key, String token, Supplier<String> work) {
        String token1 = token == null || token.isBlank() ? null : truncate(token.strip());
        if (key == null && token1 == null) {
            return work.get();
        }
        String claimed = key != null ? truncate(key) : "token:" + token1;
        Seen seen = seen(claimed, token1);
        if (seen.answer().isPresent()) {
            return seen.answer().get();
        }
        if (seen.claimed() || !claim(claimed, token1)) {
            Optional<String> answered = awaitFirstDelivery(claimed, token1);
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        String twiml;
        try {
            twiml = work.get();
        } catch (RuntimeException e) {
            release(claimed);
            throw e;
        }
        try {
            jdbc.sql("UPDATE twilio_webhook_reply SET twiml = :t WHERE request_key = :k")
                    .param("t", twiml)
                    .param("k", claimed)
                    .update();
        } catch (DataAccessException e) {
            log.warn(
                    "Could not store the answer to Twilio request {}; a redelivery would be answered anew",
                    LogSafe.of(claimed),
                    e);
            release(claimed);
        }
        return twiml;
    }

    /**
     * What is stored for this request, by its key or its token, in one statement.
     *
     * @param answer the stored answer: the key's, else the first one stored for the token
     * @param claimed whether a delivery (answered or not) already claimed the key or carried the token
     */
    private record Seen(Optional<String> answer, boolean claimed) {}

    private Seen seen(String key, String token) {
        var statement = jdbc.sql(
                        "SELECT 0 AS by_token, twiml, created_at FROM twilio_webhook_reply WHERE request_key = :k"
                                + (token == null
                                        ? ""
                                        : " UNION ALL SELECT 1 AS by_token, twiml, created_at"
                                                + " FROM twilio_webhook_reply WHERE idempotency_token = :t"))
                .param("k", key);
        if (token != null) {
            statement = statement.param("t", token);
        }
        var rows = statement
                .query((rs, n) -> new StoredRow(
                        rs.getInt("by_token") == 1,
                        rs.getString("twiml"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)))
                .list();
        Optional<String> answer = rows.stream()
                .filter(r -> r.twiml() != null)
                .min(java.util.Comparator.comparing(StoredRow::byToken).thenComparing(StoredRow::createdAt))
                .map(StoredRow::twiml);
        return new Seen(answer, !rows.isEmpty());
    }

    private record StoredRow(boolean byToken, String twiml, java.time.OffsetDateTime createdAt) {}

    private Optional<String> stored(String key, String token) {
        return seen(key, token).answer();
    }

    /**
     * Claims the request for this delivery; false when another delivery claimed it first. When the caller
     * holds a transaction around the whole webhook, the claim is not visible until it commits: a second
     * delivery's insert then waits for the first's transaction, and finds the key taken (or free again if
     * the first rolled back). {@code ON CONFLICT DO NOTHING} rather than a caught duplicate-key error,
     * which would abort the surrounding transaction on PostgreSQL.
     */
    private boolean claim(String key, String token) {
        return jdbc.sql("INSERT INTO twilio_webhook_reply (request_key, idempotency_token, twiml, created_at)"
                                + " VALUES (:k, :t, NULL, :at) ON CONFLICT DO NOTHING")
                        .param("k", key)
                        .param("t", token, java.sql.Types.VARCHAR)
                        .param("at", utc(clock.instant()))
                        .update()
                == 1;
    }

    private void release(String key) {
        try {
            jdbc.sql("DELETE FROM twilio_webhook_reply WHERE request_key = :k AND twiml IS NULL")
                    .param("k", key)
                    .update();
        } catch (DataAccessException e) {
            log.warn("Could not release the claim on Twilio request {}", LogSafe.of(key), e);
        }
    }

    /**
     * A redelivery that overtook the first delivery: waits for its answer rather than acting twice. Empty
     * means the first delivery's claim had expired and this request now holds the claim and does the work.
     */
    private Optional<String> awaitFirstDelivery(String key, String token) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST_DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> stored = stored(key, token);
            if (stored.isPresent()) {
                return stored;
            }
            if (releaseExpired(key, token) && !seen(key, token).claimed() && claim(key, token)) {
                log.warn("Took over the expired claim on Twilio request {}", LogSafe.of(key));
                return Optional.empty();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Twilio request " + key + " is still being answered");
    }

    /** Releases the empty claims on this request older than {@link #CLAIM_TIMEOUT}; true if there were any. */
    private boolean releaseExpired(String key, String token) {
        return jdbc.sql("DELETE FROM twilio_webhook_reply WHERE twiml IS NULL AND created_at < :expired"
                                + " AND (request_key = :k OR idempotency_token = :t)")
                        .param("expired", utc(clock.instant().minus(CLAIM_TIMEOUT)))
                        .param("k", key)
                        .param("t", token, java.sql.Types.VARCHAR)
                        .update()
                > 0;
    }

    /**
     * Deletes the answers (and claims) stored before {@code cutoff}, {@code batch} rows per statement so no
     * statement holds many row locks for long; the number deleted.
     */
    int deleteOlderThan(java.time.Instant cutoff, int batch) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM twilio_webhook_reply WHERE request_key IN (SELECT request_key"
                            + " FROM twilio_webhook_reply WHERE created_at < :cutoff FETCH FIRST :batch ROWS ONLY)")
                    .param("cutoff", utc(cutoff))
                    .param("batch", batch)
                    .update();
            total += deleted;
        } while (deleted == batch);
        return total;
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
