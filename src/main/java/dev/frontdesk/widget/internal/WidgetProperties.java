package dev.frontdesk.widget.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the web chat widget.
 *
 * @param messagesPerMinutePerToken messages one widget token (one business's widget) may send a minute
 * @param messagesPerMinutePerIp messages one client address may send a minute, across all businesses
 * @param publicBaseUrl the URL browsers reach the service at ({@code FRONTDESK_PUBLIC_BASE_URL}); its origin
 *     counts as same-origin besides the request's own {@code Host}
 */
@ConfigurationProperties("frontdesk.widget")
record WidgetProperties(Integer messagesPerMinutePerToken, Integer messagesPerMinutePerIp, String publicBaseUrl) {

    WidgetProperties {
        messagesPerMinutePerToken =
                messagesPerMinutePerToken == null || messagesPerMinutePerToken < 1 ? 20 : messagesPerMinutePerToken;
        messagesPerMinutePerIp =
                messagesPerMinutePerIp == null || messagesPerMinutePerIp < 1 ? 30 : messagesPerMinutePerIp;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? null
                : publicBaseUrl.trim().replaceAll("/+$", "");
    }
}
