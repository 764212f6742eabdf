package dev.frontdesk.tenants;

import dev.frontdesk.shared.FrontdeskException.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A business's profile and settings for the people who run it (the dashboard), changed with the same rules
 * as {@code PATCH /api/settings}, and its keys rotated as the operator's API does. Every change is audited
 * and either saved whole or not at all.
 */
public interface BusinessEditor {

    /**
     * What to change; a null member stays as it is. An empty greeting, prompt or voice goes back to the
     * default. {@code hours} has every day to keep (a day left out or with no ranges is closed), by the
     * API's day names ({@code MONDAY}) and ranges ({@code 08:00-17:00}).
     */
    record Change(
            Map<String, List<String>> hours,
            List<String> closedDates,
            List<Service> services,
            List<String> emergencyKeywords,
            String greeting,
            String prompt,
            String voice,
            Integer reminderHours) {

        public static Change none() {
            return new Change(null, null, null, null, null, null, null, null);
        }

        public Change withHours(Map<String, List<String>> value) {
            return new Change(value, closedDates, services, emergencyKeywords, greeting, prompt, voice, reminderHours);
        }

        public Change withClosedDates(List<String> value) {
            return new Change(hours, value, services, emergencyKeywords, greeting, prompt, voice, reminderHours);
        }

        public Change withServices(List<Service> value) {
            return new Change(hours, closedDates, value, emergencyKeywords, greeting, prompt, voice, reminderHours);
        }

        public Change withEmergencyKeywords(List<String> value) {
            return new Change(hours, closedDates, services, value, greeting, prompt, voice, reminderHours);
        }

        public Change withAssistant(String newGreeting, String newPrompt, String newVoice) {
            return new Change(
                    hours, closedDates, services, emergencyKeywords, newGreeting, newPrompt, newVoice, reminderHours);
        }

        public Change withReminderHours(Integer value) {
            return new Change(hours, closedDates, services, emergencyKeywords, greeting, prompt, voice, value);
        }
    }

    /** A service as typed: the API's {@code services[i]}. */
    record Service(String name, Integer durationMinutes, String priceText, List<String> aliases) {}

    /**
     * What saving gave: the business as saved, or the fields the settings API refused (by the API's field
     * name: {@code hours.MONDAY[0]}, {@code services[1].name}, {@code settings.assistant.voice}) and nothing
     * saved.
     */
    record Saved(Business business, List<FieldError> errors) {

        public boolean saved() {
            return business != null;
        }
    }

    /** A key or token just issued: its full value (show it once) and its public prefix. */
    record Issued(String value, String prefix) {

        @Override
        public String toString() {
            return "Issued[prefix=" + prefix + "]";
        }
    }

    /** The public prefixes of the business's current API key and widget token (the rest is stored hashed). */
    record KeyPrefixes(String apiKey, String widgetToken) {}

    /** Applies the change; {@code by} names who made it in the audit trail (no personal data). */
    Saved change(BusinessId business, Change change, String by);

    KeyPrefixes keyPrefixes(BusinessId business);

    /** A new API key; the old one stops working at once. */
    Issued rotateApiKey(BusinessId business, String by);

    /** A new widget token; the old one stops working at once (websites must be given the new one). */
    Issued rotateWidgetToken(BusinessId business, String by);
}
