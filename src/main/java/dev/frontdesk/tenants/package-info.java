/**
 * Businesses (tenants): profile, services, hours, settings, phone numbers, keys, status, the admin API,
 * tenant resolution from API keys, and the audit trail of their changes.
 */
@ApplicationModule(displayName = "Tenants", allowedDependencies = "shared")
package dev.frontdesk.tenants;

import org.springframework.modulith.ApplicationModule;
