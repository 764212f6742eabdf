/** CRM: conversations on every channel with their transcripts and outcomes. */
@ApplicationModule(
        displayName = "CRM",
        allowedDependencies = {"shared", "tenants"})
package dev.frontdesk.crm;

import org.springframework.modulith.ApplicationModule;
