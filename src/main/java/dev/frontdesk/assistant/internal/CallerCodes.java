package dev.frontdesk.assistant.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.Business;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time codes that prove a caller holds a phone number: texted to the number on file, kept only as a
 * hash, valid for {@link #LIFETIME}, dead after {@link #ATTEMPTS} wrong guesses, at most
 * {@link #PER_CONVERSATION} per conversation and {@link #PER_NUMBER_PER_HOUR} per number an hour (so the
 * service cannot be used to text someone over and over). Every code sent, guessed wrong or used is logged
 * without the number.
 */
@Component
class CallerCodes {

    static final int LENGTH = 6;
    static final int ATTEMPTS = 3;
    static final int PER_CONVERSATION = 3;
    static final int PER_NUMBER_PER_HOUR = 5;
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(CallerCodes.class);

    /** What became of a request for a code. */
    enum Sent {
        /** Texted, or (when the number has nothing booked) recorded as if it were: the caller hears the same. */
        SENT,
        /** Too many codes for this conversation or this number lately. */
        TOO_MANY,
        /** The text could not go out (the business's daily cap, the provider). */
        NOT_DELIVERED
    }

    /** What a guess proved. */
    enum Check {
        PROVEN,
        WRONG,
        /** Too many wrong guesses: the code is dead. */
        LOCKED,
        /** No live code for this conversation and number (expired, or none asked for). */
        NONE
    }

    private final JdbcClient jdbc;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CallerCodes(JdbcClient jdbc, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Texts a new code to {@code phone} when it has appointments here ({@code onFile}); when it has none the
     * code is recorded but not sent, so a stranger learns nothing about whose number it is.
     */
    Sent send(Business business, UUID conversation, String phone, boolean onFile, Function<String, String> text) {
        Instant now = clock.instant();
        int inConversation = jdbc.sql("SELECT COUNT(*) FROM assistant_caller_code WHERE conversation_id = :c")
                .param("c", conversation)
                .query(Integer.class)
                .single();
        int forNumber = jdbc.sql("SELECT COUNT(*) FROM assistant_caller_code"
                        + " WHERE business_id = :b AND phone = :p AND sent AND created_at > :since")
                .param("b", business.id().value())
                .param("p", phone)
                .param("since", Timestamps.utc(now.minus(Duration.ofHours(1))))
                .query(Integer.class)
                .single();
        if (inConversation >= PER_CONVERSATION || forNumber >= PER_NUMBER_PER_HOUR) {
            log.warn("Caller verification: no more codes for conversation {} (limit reached)", conversation);
            return Sent.TOO_MANY;
        }
        String code = String.format("%0" + LENGTH + "d", random.nextInt((int) Math.pow(10, LENGTH)));
        boolean sent = false;
        if (onFile) {
            var delivery =
                    messages.sendSms(business.id(), new PhoneNumber(phone), text.apply(code), Messages.Purpose.REPLY);
            if (delivery != Messages.Delivery.SENT) {
                log.warn(
                        "Caller verification: the code for conversation {} was not delivered ({})",
                        conversation,
                        delivery);
                return Sent.NOT_DELIVERED;
            }
            sent = true;
        }
        jdbc.sql("INSERT INTO assistant_caller_code"
                        + " (id, business_id, conversation_id, phone, code_hash, sent, attempts, created_at, expires_at)"
                        + " VALUES (:id, :b, :c, :p, :h, :sent, 0, :now, :expires)")
                .param("id", UUID.randomUUID())
                .param("b", business.id().value())
                .param("c", conversation)
                .param("p", phone)
                .param("h", hash(conversation, code))
                .param("sent", sent)
                .param("now", Timestamps.utc(now))
                .param("expires", Timestamps.utc(now.plus(LIFETIME)))
                .update();
        log.info(
                "Caller verification: a code for conversation {} ({})",
                conversation,
                sent ? "texted" : "not texted: nothing booked on that number");
        return Sent.SENT;
    }

    /** Checks a guess against the conversation's live code for {@code phone}. */
    Check check(UUID conversation, String phone, String guess) {
        Instant now = clock.instant();
        var live = jdbc.sql("SELECT id, code_hash, attempts FROM assistant_caller_code"
                        + " WHERE conversation_id = :c AND phone = :p AND verified_at IS NULL AND expires_at > :now"
                        + " ORDER BY created_at DESC LIMIT 1")
                .param("c", conversation)
                .param("p", phone)
                .param("now", Timestamps.utc(now))
                .query((rs, n) ->
                        new Live(rs.getObject("id", UUID.class), rs.getString("code_hash"), rs.getInt("attempts")))
                .optional();
        if (live.isEmpty()) {
            log.info("Caller verification: a guess for conversation {} with no live code", conversation);
            return Check.NONE;
        }
        Live code = live.get();
        if (code.attempts() >= ATTEMPTS) {
            log.warn("Caller verification: a guess for conversation {} on a locked code", conversation);
            return Check.LOCKED;
        }
        boolean right = MessageDigest.isEqual(
                hash(conversation, guess).getBytes(StandardCharsets.US_ASCII),
                code.hash().getBytes(StandardCharsets.US_ASCII));
        if (right) {
            int used = jdbc.sql("UPDATE assistant_caller_code SET verified_at = :now"
                            + " WHERE id = :id AND verified_at IS NULL AND attempts < :max")
                    .param("now", Timestamps.utc(now))
                    .param("id", code.id())
                    .param("max", ATTEMPTS)
                    .update();
            log.info("Caller verification: conversation {} proved its number", conversation);
            return used == 1 ? Check.PROVEN : Check.LOCKED;
        }
        jdbc.sql("UPDATE assistant_caller_code SET attempts = attempts + 1 WHERE id = :id")
                .param("id", code.id())
                .update();
        int attempts = code.attempts() + 1;
        log.warn(
                "Caller verification: wrong code for conversation {} (attempt {} of {})",
                conversation,
                attempts,
                ATTEMPTS);
        return attempts >= ATTEMPTS ? Check.LOCKED : Check.WRONG;
    }

    private record Live(UUID id, String hash, int attempts) {}

    private static String hash(UUID conversation, String code) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest((conversation + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
