package dev.frontdesk.messaging.internal;

import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-business daily SMS counter and the delivery log (no recipient, no text). */
@Repository
class SmsDeliveryRepository {

    /** One SMS handed to a provider. */
    record DeliveryRecord(
            BusinessId business,
            String provider,
            String purpose,
            String status,
            String providerId,
            int attempts,
            String error,
            Instant at) {}

    private final JdbcClient jdbc;

    SmsDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one of the day's {@code cap} slots; false when the business already sent {@code cap} texts today. */
    boolean reserve(BusinessId business, Instant now, int cap) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql(
                        "INSERT INTO sms_daily_count (business_id, sent_on, sent) VALUES (:business, :day, 0) ON CONFLICT DO NOTHING")
                .param("business", business.value())
                .param("day", day)
                .update();
        return jdbc.sql("UPDATE sms_daily_count SET sent = sent + 1"
                                + " WHERE business_id = :business AND sent_on = :day AND sent < :cap")
                        .param("business", business.value())
                        .param("day", day)
                        .param("cap", cap)
                        .update()
                == 1;
    }

    /** Counts a text that bypasses the cap (owner alerts) without checking it. */
    void count(BusinessId business, Instant now) {
        reserve(business, now, Integer.MAX_VALUE);
    }

    /** Gives back a slot taken for a text that was not sent after all. */
    void release(BusinessId business, Instant now) {
        jdbc.sql(
                        "UPDATE sms_daily_count SET sent = sent - 1 WHERE business_id = :business AND sent_on = :day AND sent > 0")
                .param("business", business.value())
                .param("day", LocalDate.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /** Texts counted for the business on the UTC day of {@code now}. */
    int sentOn(BusinessId business, Instant now) {
        return jdbc.sql("SELECT sent FROM sms_daily_count WHERE business_id = :business AND sent_on = :day")
                .param("business", business.value())
                .param("day", LocalDate.ofInstant(now, ZoneOffset.UTC))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void record(DeliveryRecord record) {
        jdbc.sql("INSERT INTO sms_delivery (id, business_id, provider, purpose, status, provider_id, attempts, error,"
                        + " created_at) VALUES (:id, :business, :provider, :purpose, :status, :providerId, :attempts,"
                        + " :error, :at)")
                .param("id", UUID.randomUUID())
                .param("business", record.business().value())
                .param("provider", record.provider())
                .param("purpose", record.purpose())
                .param("status", record.status())
                .param("providerId", record.providerId(), Types.VARCHAR)
                .param("attempts", record.attempts())
                .param("error", truncate(record.error()), Types.VARCHAR)
                .param("at", Timestamps.utc(record.at()))
                .update();
    }

    /** The status of the business's deliveries, oldest first (tests and diagnostics). */
    java.util.List<String> statuses(BusinessId business) {
        return jdbc.sql("SELECT status FROM sms_delivery WHERE business_id = :business ORDER BY created_at, id")
                .param("business", business.value())
                .query(String.class)
                .list();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
