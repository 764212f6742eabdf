package dev.frontdesk.whatsapp.internal;

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
 */
@ConfigurationProperties("frontdesk.whatsapp")
record WhatsAppProperties(String verifyToken, String appSecret, String accessToken, String graphUrl) {

    WhatsAppProperties {
        verifyToken = blankToNull(verifyToken);
        appSecret = blankToNull(appSecret);
        accessToken = blankToNull(accessToken);
        graphUrl = graphUrl == null || graphUrl.isBlank()
                ? "https://graph.facebook.com/v21.0"
                : graphUrl.trim().replaceAll("/+$", "");
    }

    /** The channel is on only with an app secret to check every post against. */
    boolean enabled() {
        return appSecret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
