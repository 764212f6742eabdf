/**
 * Messaging: sending SMS and email (real providers or the sandbox outbox), the opt-out registry and
 * the outbox API.
 */
@ApplicationModule(
        displayName = "Messaging",
        allowedDependencies = {"shared", "tenants"})
package dev.frontdesk.messaging;

import org.springframework.modulith.ApplicationModule;
