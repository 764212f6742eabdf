package dev.frontdesk.whatsapp.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the WhatsApp Cloud API channel.
 *
 * @param verifyToken answers Meta's verification challenge ({@code FRONTDESK_WHATSAPP_VERIFY_TOKEN}); empty
 *     refuses every challenge
 * @param appSecret the Meta app secret that signs every POST ({@code FRONTDESK_WHATSAPP_APP_SECRET}); empty
 *     (the sandbox) switches the {@code X-Hub-Signature-256} check off
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
