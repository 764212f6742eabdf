/**
 * Scheduling: the availability engine, appointments without double booking, calendars, invites and
 * reminders.
 */
@ApplicationModule(
        displayName = "Scheduling",
        allowedDependencies = {"shared", "tenants"})
package dev.frontdesk.scheduling;

import org.springframework.modulith.ApplicationModule;
