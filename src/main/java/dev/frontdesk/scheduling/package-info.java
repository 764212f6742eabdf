/**
 * Scheduling: the availability engine, appointments without double booking, calendars, invites and
 * reminders.
 */
@ApplicationModule(
        displayName = "Scheduling",
        allowedDependencies = {"shared", "tenants", "messaging", "directory"})
package dev.frontdesk.scheduling;

import org.springframework.modulith.ApplicationModule;
