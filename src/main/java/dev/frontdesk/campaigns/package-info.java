/**
 * Campaigns: outbound calls to leads to book meetings. A campaign calls its leads through the dialer
 * (db-scheduler jobs on the database, any node), only inside the calling hours of each lead's local time,
 * never a do-not-call number, a few at a time, with retries; answered calls open with who is calling, for
 * which business and why, and go on with the assistant.
 */
@ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {"shared", "tenants", "crm", "scheduling", "assistant", "telephony"})
package dev.frontdesk.campaigns;

import org.springframework.modulith.ApplicationModule;
