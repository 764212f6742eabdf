/**
 * The web chat widget: a script tag any site can embed, the chat page it opens, and the token-authenticated,
 * rate-limited, CORS-aware JSON endpoint that runs the assistant's web conversations.
 */
@ApplicationModule(
        displayName = "Web chat widget",
        allowedDependencies = {"shared", "tenants", "assistant"})
package dev.frontdesk.widget;

import org.springframework.modulith.ApplicationModule;
