/**
 * The assistant: the conversation engine, the offline and LLM brains, their tools, the knowledge base,
 * emergency detection and conversation outcomes.
 */
@ApplicationModule(
        displayName = "Assistant",
        allowedDependencies = {"shared", "tenants", "scheduling", "messaging", "crm", "directory"})
package dev.frontdesk.assistant;

import org.springframework.modulith.ApplicationModule;
