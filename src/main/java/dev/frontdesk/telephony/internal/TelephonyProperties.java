package dev.frontdesk.telephony.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Twilio webhooks.
 *
 * @param authToken the Twilio auth token ({@code TWILIO_AUTH_TOKEN}) that signs every webhook; empty
 *     switches the webhooks off (404)
 * @param publicBaseUrl the URL Twilio calls the service at ({@code FRONTDESK_PUBLIC_BASE_URL}, e.g.
 *     {@code https://frontdesk.example.com}); signatures are computed over it plus the path and query
 */
@ConfigurationProperties("frontdesk.telephony")
record TelephonyProperties(String authToken, String publicBaseUrl) {

    TelephonyProperties {
        authToken = authToken == null || authToken.isBlank() ? null : authToken.trim();
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? null
                : publicBaseUrl.trim().replaceAll("/+$", "");
    }

    boolean signaturesChecked() {
        return authToken != null;
    }
}
