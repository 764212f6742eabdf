package dev.frontdesk.dashboard.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address emailed links point at: {@code FRONTDESK_PUBLIC_BASE_URL}, else this node on localhost.
 * Never the request's Host header, which a stranger could set to send a victim's reset link elsewhere.
 */
@Component
class PublicUrl {

    private final String configured;
    private final Environment environment;

    PublicUrl(@Value("${frontdesk.tenants.public-base-url:}") String configured, Environment environment) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    String base() {
        return configured.isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                : configured;
    }
}
