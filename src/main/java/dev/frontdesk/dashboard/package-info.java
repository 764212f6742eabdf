/**
 * The owner's dashboard: dashboard users and their roles, the sign-in (Spring Security form login,
 * scoped to the dashboard's own paths), and the server-rendered pages (Thymeleaf + htmx) built on the
 * other modules' public APIs.
 */
@ApplicationModule(
        displayName = "Dashboard",
        allowedDependencies = {
            "shared",
            "tenants",
            "scheduling",
            "crm",
            "directory",
            "messaging",
            "telephony",
            "home",
            "assistant",
            "analytics",
            "campaigns"
        })
package dev.frontdesk.dashboard;

import org.springframework.modulith.ApplicationModule;
