package dev.frontdesk.tenants.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the tenants module.
 *
 * @param adminKey the operator key ({@code FRONTDESK_ADMIN_KEY}); when empty one is generated on first
 *     start, printed once and stored hashed
 * @param demo whether to create the demo business on first start ({@code FRONTDESK_DEMO})
 * @param publicBaseUrl the URL the service is reachable at, shown in the first-run banner
 */
@ConfigurationProperties("frontdesk.tenants")
record TenantsProperties(String adminKey, Boolean demo, String publicBaseUrl) {

    static final int MIN_ADMIN_KEY_LENGTH = 16;

    TenantsProperties {
        demo = demo == null || demo;
        if (adminKey != null && adminKey.isBlank()) {
            adminKey = null;
        }
        if (adminKey != null && adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalStateException("FRONTDESK_ADMIN_KEY must be at least " + MIN_ADMIN_KEY_LENGTH
                    + " characters long; generate one with: openssl rand -hex 32");
        }
    }

    @Override
    public String toString() {
        return "TenantsProperties[adminKey=" + (adminKey == null ? "<generated>" : "<set>") + ", demo=" + demo + "]";
    }
}
