package dev.frontdesk.messaging;

import java.util.Map;

/**
 * How the owner of a business wants to hear about each event, and whether (and at which hour of the
 * business's timezone) a daily summary email goes out.
 */
public record NotificationSettings(Map<OwnerEvent, NotifyBy> events, boolean dailySummary, int dailySummaryHour) {

    /** The defaults: what Frontdesk did before owners could choose, and no daily summary. */
    public static final NotificationSettings DEFAULTS = new NotificationSettings(
            Map.of(
                    OwnerEvent.NEW_BOOKING, NotifyBy.NONE,
                    OwnerEvent.CANCELLATION, NotifyBy.NONE,
                    OwnerEvent.EMERGENCY, NotifyBy.SMS,
                    OwnerEvent.MESSAGE_TAKEN, NotifyBy.SMS_AND_EMAIL,
                    OwnerEvent.MISSED_CALL, NotifyBy.NONE),
            false,
            7);

    public NotificationSettings {
        var all = new java.util.EnumMap<OwnerEvent, NotifyBy>(OwnerEvent.class);
        for (OwnerEvent event : OwnerEvent.values()) {
            NotifyBy chosen = events == null ? null : events.get(event);
            all.put(event, chosen != null ? chosen : DEFAULTS == null ? NotifyBy.NONE : DEFAULTS.of(event));
        }
        events = java.util.Collections.unmodifiableMap(all);
        if (dailySummaryHour < 0 || dailySummaryHour > 23) {
            throw new IllegalArgumentException("dailySummaryHour must be 0-23");
        }
    }

    /** How the owner hears about this event. */
    public NotifyBy of(OwnerEvent event) {
        return events.get(event);
    }

    /** Something the owner may want to hear about at once. */
    public enum OwnerEvent {
        NEW_BOOKING,
        CANCELLATION,
        EMERGENCY,
        MESSAGE_TAKEN,
        MISSED_CALL
    }

    /** Where the owner hears about an event. */
    public enum NotifyBy {
        NONE,
        SMS,
        EMAIL,
        SMS_AND_EMAIL;

        public boolean sms() {
            return this == SMS || this == SMS_AND_EMAIL;
        }

        public boolean email() {
            return this == EMAIL || this == SMS_AND_EMAIL;
        }
    }
}
