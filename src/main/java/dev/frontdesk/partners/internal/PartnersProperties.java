package dev.frontdesk.partners.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of partners and their lead transfers.
 *
 * @param redisUrl Redis for the rate-limit buckets ({@code FRONTDESK_REDIS_URL}, e.g.
 *     {@code redis://localhost:6379}); unset keeps them in memory
 * @param maxBatch the most leads one transfer may carry (larger: 413)
 */
@ConfigurationProperties("frontdesk.partners")
record PartnersProperties(String redisUrl, Integer maxBatch) {

    PartnersProperties {
        redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl.strip();
        maxBatch = maxBatch == null || maxBatch < 1 ? 100 : maxBatch;
    }
}
