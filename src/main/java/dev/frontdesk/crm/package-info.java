/**
 * CRM: customers and leads (one per business and phone number) with their timeline, CSV lead imports,
 * privacy export and erasure, and conversations on every channel with their transcripts and outcomes.
 */
@ApplicationModule(
        displayName = "CRM",
        allowedDependencies = {"shared", "tenants", "scheduling", "directory", "messaging"})
package dev.frontdesk.crm;

import org.springframework.modulith.ApplicationModule;
