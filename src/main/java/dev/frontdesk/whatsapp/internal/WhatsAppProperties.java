package dev.frontdesk.whatsapp.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the WhatsApp Cloud API channel.
 *
 * @param verifyToken answers Meta's verification challenge ({@code FRONTDESK_WHATSAPP_VERIFY_TOKEN}); empty
 *     refuses every challenge
 * @param appSecret the Meta app secret that signs every POST ({@code FRONTDESK_WHATSAPP_APP_SECRET}); empty
 *     switches the channel off (the webhook answers 404), since nothing could then prove a post is Meta's
 * @param accessToken the Graph API token replies are sent with ({@code FRONTDESK_WHATSAPP_ACCESS_TOKEN});
 *     empty means replies are not sent
 * @param graphUrl the Graph API base URL, version included ({@code FRONTDESK_WHATSAPP_GRAPH_URL})
 * @param claimTimeout how long a message may stay unanswered before the recovery job answers it
 *     (default 2 minutes; an answer takes seconds, so an older claim belongs to a process that died)
 * @param recoveryInterval how often the recovery job looks for such messages (default 30 seconds)
 */
@ConfigurationProperties("frontdesk.whatsapp")
record WhatsAppProperties(
        String verifyToken,
        String appSecret,
        String accessToken,
        String graphUrl,
        Duration claimTimeout,
        Duration recoveryInterval) {

    WhatsAppProperties {
        verifyToken = blankToNull(verifyToken);
        appSecret = blankToNull(appSecret);
        accessToken = blankToNull(accessToken);
        graphUrl = graphUrl == null || graphUrl.isBlank()
                ? "https://graph.facebook.com/v21.0"
                : graphUrl.trim().replaceAll("/+$", "");
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(2) : claimTimeout;
        recoveryInterval = recoveryInterval == null ? Duration.ofSeconds(30) : recoveryInterval;
    }

    /** The channel is on only with an app secret to check every post against. */
    boolean enabled() {
        return appSecret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
