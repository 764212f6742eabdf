/**
 * Notifications: the customer's SMS confirmation when an appointment is booked, moved or cancelled
 * (through any channel), the owner's notices of new bookings, cancellations and missed calls (by SMS,
 * email or none, as the owner chose in the messaging module's settings), and the owner's daily summary
 * email. Listens to the scheduling and CRM events after their transactions commit (durable through the
 * event publication registry); the daily summary is a db-scheduler job that one node runs at a time.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"shared", "tenants", "scheduling", "messaging", "crm", "directory"})
package dev.frontdesk.notifications;

import org.springframework.modulith.ApplicationModule;
