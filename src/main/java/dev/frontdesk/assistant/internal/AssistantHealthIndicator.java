package dev.frontdesk.assistant.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code assistant} health component, part of the readiness group: out of service while the
 * assistant's model is still loading at start-up, so that no call reaches a node that cannot answer it
 * yet.
 */
@Component
class AssistantHealthIndicator implements HealthIndicator {

    private final OfflineBrains brains;

    AssistantHealthIndicator(OfflineBrains brains) {
        this.brains = brains;
    }

    @Override
    public Health health() {
        if (brains.loaded()) {
            return Health.up().build();
        }
        if (brains.warmsUp()) {
            return Health.outOfService()
                    .withDetail("model", "loading at start-up")
                    .build();
        }
        return Health.up().withDetail("model", "loads on first use").build();
    }
}
