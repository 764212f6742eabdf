/**
 * Directory: employees and departments, who can take a transferred call right now, and messages left
 * for staff (stored, then delivered by SMS and email).
 */
@ApplicationModule(
        displayName = "Directory",
        allowedDependencies = {"shared", "tenants", "messaging"})
package dev.frontdesk.directory;

import org.springframework.modulith.ApplicationModule;
