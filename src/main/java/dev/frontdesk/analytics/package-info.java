/** Analytics: KPI queries over the other modules' public APIs ({@code /api/analytics/*}). */
@ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"shared", "tenants", "scheduling", "crm", "campaigns"})
package dev.frontdesk.analytics;

import org.springframework.modulith.ApplicationModule;
