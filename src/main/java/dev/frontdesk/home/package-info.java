/**
 * The home page at {@code /}: what this service is and where to go next (the API reference, health, the
 * web chat, and in the sandbox how to place a call without Twilio). The dashboard serves it at {@code /} to
 * visitors who are not signed in.
 */
@ApplicationModule(
        displayName = "Home page",
        allowedDependencies = {})
package dev.frontdesk.home;

import org.springframework.modulith.ApplicationModule;
