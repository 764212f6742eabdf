/**
 * WhatsApp: the WhatsApp Cloud API webhook (Meta's verification challenge, {@code X-Hub-Signature-256},
 * idempotent by message id) that puts the assistant on WhatsApp, and its replies through the Graph API.
 */
@ApplicationModule(
        displayName = "WhatsApp",
        allowedDependencies = {"shared", "tenants", "assistant", "crm"})
package dev.frontdesk.whatsapp;

import org.springframework.modulith.ApplicationModule;
