package dev.frontdesk.scheduling.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the scheduling module: where Google and Zoom are (tests point them at a local stub) and
 * how soon a failed calendar sync is retried (then exponentially later).
 */
@ConfigurationProperties("frontdesk.scheduling")
record SchedulingProperties(
        String googleRootUrl,
        String googleTokenServer,
        String zoomOauthUrl,
        String zoomApiUrl,
        Duration syncRetryDelay) {

    SchedulingProperties {
        syncRetryDelay = syncRetryDelay == null ? Duration.ofSeconds(30) : syncRetryDelay;
    }
}
