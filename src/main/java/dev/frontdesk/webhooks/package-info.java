/**
 * Outgoing webhooks: a business registers HTTPS endpoints for events (appointments booked, moved and
 * cancelled, lead status changes, calls completed, conversations ended, messages taken); each delivery is signed with the endpoint's secret
 * ({@code X-Frontdesk-Signature}), retried with exponential backoff by a durable job, logged, and can be
 * replayed from the log.
 */
@ApplicationModule(
        displayName = "Webhooks",
        allowedDependencies = {"shared", "tenants", "scheduling", "crm", "telephony", "directory"})
package dev.frontdesk.webhooks;

import org.springframework.modulith.ApplicationModule;
