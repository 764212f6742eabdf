package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.NotificationSettings;
import dev.frontdesk.messaging.NotificationSettings.NotifyBy;
import dev.frontdesk.messaging.NotificationSettings.OwnerEvent;
import dev.frontdesk.messaging.OwnerNotifications.SummaryPlan;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The owners' notification choices, one row per business that saved some. */
@Repository
class NotificationSettingsRepository {

    private final JdbcClient jdbc;

    NotificationSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NotificationSettings> find(BusinessId business) {
        return jdbc.sql("SELECT new_booking, cancellation, emergency, message_taken, missed_call, daily_summary,"
                        + " daily_summary_hour FROM notification_settings WHERE business_id = :business")
                .param("business", business.value())
                .query((rs, n) -> {
                    var events = new EnumMap<OwnerEvent, NotifyBy>(OwnerEvent.class);
                    events.put(OwnerEvent.NEW_BOOKING, NotifyBy.valueOf(rs.getString("new_booking")));
                    events.put(OwnerEvent.CANCELLATION, NotifyBy.valueOf(rs.getString("cancellation")));
                    events.put(OwnerEvent.EMERGENCY, NotifyBy.valueOf(rs.getString("emergency")));
                    events.put(OwnerEvent.MESSAGE_TAKEN, NotifyBy.valueOf(rs.getString("message_taken")));
                    events.put(OwnerEvent.MISSED_CALL, NotifyBy.valueOf(rs.getString("missed_call")));
                    return new NotificationSettings(
                            events, rs.getBoolean("daily_summary"), rs.getInt("daily_summary_hour"));
                })
                .optional();
    }

    void save(BusinessId business, NotificationSettings s, Instant now) {
        String set = "new_booking = :newBooking, cancellation = :cancellation, emergency = :emergency,"
                + " message_taken = :messageTaken, missed_call = :missedCall, daily_summary = :summary,"
                + " daily_summary_hour = :hour, updated_at = :now";
        if (bind(
                                jdbc.sql("UPDATE notification_settings SET " + set + " WHERE business_id = :business"),
                                business,
                                s,
                                now)
                        .update()
                > 0) {
            return;
        }
        try {
            bind(
                            jdbc.sql("INSERT INTO notification_settings (business_id, new_booking, cancellation,"
                                    + " emergency, message_taken, missed_call, daily_summary, daily_summary_hour,"
                                    + " updated_at) VALUES (:business, :newBooking, :cancellation, :emergency,"
                                    + " :messageTaken, :missedCall, :summary, :hour, :now)"),
                            business,
                            s,
                            now)
                    .update();
        } catch (DuplicateKeyException e) {
            // another request inserted the row first: ours is the later save
            bind(
                            jdbc.sql("UPDATE notification_settings SET " + set + " WHERE business_id = :business"),
                            business,
                            s,
                            now)
                    .update();
        }
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec sql, BusinessId business, NotificationSettings s, Instant now) {
        return sql.param("business", business.value())
                .param("newBooking", s.of(OwnerEvent.NEW_BOOKING).name())
                .param("cancellation", s.of(OwnerEvent.CANCELLATION).name())
                .param("emergency", s.of(OwnerEvent.EMERGENCY).name())
                .param("messageTaken", s.of(OwnerEvent.MESSAGE_TAKEN).name())
                .param("missedCall", s.of(OwnerEvent.MISSED_CALL).name())
                .param("summary", s.dailySummary())
                .param("hour", s.dailySummaryHour())
                .param("now", Timestamps.utc(now));
    }

    List<SummaryPlan> summaryPlans() {
        return jdbc.sql("SELECT business_id, daily_summary_hour FROM notification_settings WHERE daily_summary = TRUE")
                .query((rs, n) -> new SummaryPlan(new BusinessId(rs.getObject(1, UUID.class)), rs.getInt(2)))
                .list();
    }

    /** Marks the summary of {@code day} sent unless it already was: true for exactly one caller per day. */
    boolean claimSummary(BusinessId business, LocalDate day) {
        return jdbc.sql("UPDATE notification_settings SET daily_summary_sent_on = :day WHERE business_id = :business"
                                + " AND (daily_summary_sent_on IS NULL OR daily_summary_sent_on < :day)")
                        .param("day", day)
                        .param("business", business.value())
                        .update()
                == 1;
    }
}
