/**
 * Sheets call log: a business connects a Google spreadsheet and every finished phone call is appended to
 * it as one row (time in the business's time zone, direction, number, customer, duration, outcome, summary,
 * campaign) through Google's Sheets API, by a durable job off the call's path, retried with backoff.
 */
@ApplicationModule(
        displayName = "Sheets call log",
        allowedDependencies = {"shared", "tenants", "crm", "telephony", "campaigns"})
package dev.frontdesk.sheets;

import org.springframework.modulith.ApplicationModule;
