package dev.frontdesk.messaging;

import dev.frontdesk.messaging.NotificationSettings.OwnerEvent;
import dev.frontdesk.tenants.BusinessId;
import java.time.LocalDate;
import java.util.List;

/**
 * The owner's notification choices ({@code /api/notification-settings}, the dashboard's notifications
 * page) and telling the owner about an event the way they chose: by SMS to the owner's phone, by email
 * to the owner's address, both, or not at all.
 */
public interface OwnerNotifications {

    /** The business's choices (the defaults until the owner saves some). */
    NotificationSettings settings(BusinessId business);

    /** Saves the business's choices and answers them. */
    NotificationSettings update(BusinessId business, NotificationSettings settings);

    /**
     * Tells the owner about an event as they chose; the email's subject comes from the event (in the
     * business's language). Owner texts are never held back by a customer opt-out or the daily cap.
     *
     * @return whether the owner was told on at least one channel (the owner has the phone or address the
     *     choice needs and the business is active); false when the owner chose none
     */
    boolean notifyOwner(BusinessId business, OwnerEvent event, String text);

    /** The businesses that want a daily summary, with the hour each wants it at. */
    List<SummaryPlan> dailySummaryPlans();

    /**
     * Claims the daily summary of a business's local day, once: true for the first claim of that day
     * across every node, false after.
     */
    boolean claimDailySummary(BusinessId business, LocalDate day);

    /** A business that wants a daily summary at {@code hour} (0-23) of its own timezone. */
    record SummaryPlan(BusinessId business, int hour) {}
}
