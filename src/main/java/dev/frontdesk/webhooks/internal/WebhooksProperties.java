package dev.frontdesk.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of outgoing webhooks.
 *
 * @param allowPrivate {@code FRONTDESK_WEBHOOKS_ALLOW_PRIVATE}: also allow {@code http} and loopback or
 *     private addresses (tests and local development only)
 * @param retryDelay the first retry after a failed delivery; each next one waits twice as long
 * @param maxAttempts attempts in all before a delivery is FAILED
 * @param connectTimeout how long to wait for the endpoint's connection
 * @param timeout how long to wait for the endpoint's answer
 */
@ConfigurationProperties("frontdesk.webhooks")
record WebhooksProperties(
        boolean allowPrivate, Duration retryDelay, Integer maxAttempts, Duration connectTimeout, Duration timeout) {

    WebhooksProperties {
        retryDelay = retryDelay == null || retryDelay.isNegative() || retryDelay.isZero()
                ? Duration.ofSeconds(30)
                : retryDelay;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 10 : maxAttempts;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
