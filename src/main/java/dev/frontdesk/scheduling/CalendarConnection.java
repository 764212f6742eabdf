package dev.frontdesk.scheduling;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;

/**
 * Whether a business's own calendar and meeting links are connected (through {@code PUT
 * /api/integrations/calendar} and {@code .../meetings}), for the owner's dashboard. Never the credentials.
 */
public interface CalendarConnection {

    Status status(BusinessId business);

    /**
     * @param calendarProvider {@code google}, or {@code internal} when only Frontdesk's own calendar is used
     * @param calendarId the connected calendar ({@code primary}); null without one
     * @param meetingsProvider {@code zoom}, {@code google_meet} (Meet links on the Google calendar's events),
     *     or {@code none}
     * @param lastError the provider's last refusal or failure, null when there was none since connecting
     */
    record Status(
            String calendarProvider,
            String calendarId,
            String meetingsProvider,
            String lastError,
            Instant lastErrorAt) {

        public boolean calendarConnected() {
            return "google".equals(calendarProvider);
        }

        /** What the owner reads about video links: Zoom, Google Meet (through the calendar), or none. */
        public String meetingsLabel() {
            return switch (meetingsProvider == null ? "none" : meetingsProvider) {
                case "zoom" -> "Zoom connected: remote appointments get a Zoom link";
                case "google_meet" -> "Google Meet: each booking's Google Calendar event carries a Meet link";
                default -> "Not connected";
            };
        }
    }
}
