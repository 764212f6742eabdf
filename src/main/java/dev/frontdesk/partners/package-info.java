/**
 * Partners: lead suppliers of a business, each with a key of its own ({@code X-Partner-Key}, stored
 * hashed, shown once, rotatable), an active flag and a per-minute limit on the leads it transfers
 * ({@code POST /api/leads/partner-transfer}), held in Redis when {@code FRONTDESK_REDIS_URL} is set so
 * that the limit holds across nodes. The leads themselves are created by the CRM module.
 */
@ApplicationModule(
        displayName = "Partners",
        allowedDependencies = {"shared", "tenants", "crm"})
package dev.frontdesk.partners;

import org.springframework.modulith.ApplicationModule;
