package dev.frontdesk.whatsapp.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.whatsapp.internal.WhatsAppWebhookController.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * WhatsApp messages received: the first delivery claims its id (a redelivery finds it taken) and keeps
 * the message until it is answered, so a message whose process died is answered later by the recovery
 * job instead of being lost.
 */
@Repository
class SeenMessageRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    SeenMessageRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time an id is seen (the message is then kept until answered), false for every redelivery. */
    boolean claim(TextMessage message) {
        return jdbc.sql("INSERT INTO whatsapp_seen_message (message_id, received_at, display_number, phone_number_id,"
                                + " sender, body, claimed_at) VALUES (:id, :at, :display, :numberId, :sender, :body, :at)"
                                + " ON CONFLICT DO NOTHING")
                        .param("id", cut(message.id(), 200))
                        .param("at", utc(clock.instant()))
                        .param("display", cut(message.displayNumber(), 40))
                        .param("numberId", cut(message.phoneNumberId(), 64))
                        .param("sender", cut(message.from(), 40))
                        .param("body", cut(message.body(), 4096))
                        .update()
                == 1;
    }

    /** The message was answered (or could not be, for good): it is done and its text is forgotten. */
    void answered(String messageId) {
        jdbc.sql("UPDATE whatsapp_seen_message SET answered_at = :now, body = NULL WHERE message_id = :id")
                .param("now", utc(clock.instant()))
                .param("id", cut(messageId, 200))
                .update();
    }

    /** The business number (its Graph API id) the sender last wrote to. */
    java.util.Optional<String> lastNumberId(String sender) {
        return jdbc.sql("SELECT phone_number_id FROM whatsapp_seen_message WHERE sender = :sender"
                        + " AND phone_number_id <> '' ORDER BY received_at DESC LIMIT 1")
                .param("sender", cut(sender, 40))
                .query(String.class)
                .optional();
    }

    /** Unanswered messages whose claim is older than {@code timeout}: nobody is answering them any more. */
    List<TextMessage> expired(Duration timeout, int limit) {
        return jdbc.sql("SELECT message_id, display_number, phone_number_id, sender, body FROM whatsapp_seen_message"
                        + " WHERE answered_at IS NULL AND body IS NOT NULL AND claimed_at < :expired"
                        + " ORDER BY claimed_at LIMIT :limit")
                .param("expired", utc(clock.instant().minus(timeout)))
                .param("limit", limit)
                .query((rs, n) -> new TextMessage(
                        rs.getString("display_number"),
                        rs.getString("phone_number_id"),
                        rs.getString("sender"),
                        rs.getString("message_id"),
                        rs.getString("body")))
                .list();
    }

    /** Takes over an expired claim; false when another node took it first or the message was answered. */
    boolean reclaim(String messageId, Duration timeout) {
        return jdbc.sql("UPDATE whatsapp_seen_message SET claimed_at = :now WHERE message_id = :id"
                                + " AND answered_at IS NULL AND claimed_at < :expired")
                        .param("now", utc(clock.instant()))
                        .param("id", messageId)
                        .param("expired", utc(clock.instant().minus(timeout)))
                        .update()
                == 1;
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
