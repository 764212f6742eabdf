package dev.frontdesk.campaigns.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dialer's settings ({@code frontdesk.campaigns.*}).
 *
 * @param dialer {@code sandbox} (calls recorded, driven through /api/sandbox/outbound-calls) or
 *     {@code twilio} (Twilio's Calls API)
 * @param twilioAccountSid the Twilio account, for {@code twilio}
 * @param twilioAuthToken its auth token
 * @param twilioApiBaseUrl another base URL for Twilio's REST API (tests point it at WireMock)
 * @param publicBaseUrl the public URL Twilio calls back (FRONTDESK_PUBLIC_BASE_URL)
 * @param tick how often a running campaign's dialer looks for leads to call
 * @param unplacedAfter how long a claimed call may stay without a sid before the dialer asks the provider
 *     whether it was placed
 * @param lostAfter how long a call may go without a status callback before it counts as failed
 */
@ConfigurationProperties("frontdesk.campaigns")
record CampaignsProperties(
        String dialer,
        String twilioAccountSid,
        String twilioAuthToken,
        String twilioApiBaseUrl,
        String publicBaseUrl,
        Duration tick,
        Duration unplacedAfter,
        Duration lostAfter) {

    CampaignsProperties {
        dialer = dialer == null || dialer.isBlank() ? "sandbox" : dialer.strip();
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://localhost:8080"
                : publicBaseUrl.strip().replaceAll("/+$", "");
        tick = tick == null ? Duration.ofSeconds(10) : tick;
        unplacedAfter = unplacedAfter == null ? Duration.ofMinutes(2) : unplacedAfter;
        lostAfter = lostAfter == null ? Duration.ofHours(2) : lostAfter;
    }
}
