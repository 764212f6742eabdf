/**
 * Telephony: Twilio voice and SMS webhooks that put the assistant on the phone, their signature check
 * and idempotency, call records and the calls API.
 */
@ApplicationModule(
        displayName = "Telephony",
        allowedDependencies = {"shared", "tenants", "assistant", "messaging", "crm"})
package dev.frontdesk.telephony;

import org.springframework.modulith.ApplicationModule;
