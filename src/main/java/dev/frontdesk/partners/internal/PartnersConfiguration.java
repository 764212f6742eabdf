package dev.frontdesk.partners.internal;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the partners' rate-limit buckets live: in Redis when {@code FRONTDESK_REDIS_URL} is set (one
 * limit across all nodes), else in this node's memory.
 */
@Configuration(proxyBeanMethods = false)
class PartnersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PartnersConfiguration.class);

    @Bean
    BucketStore partnerBuckets(PartnersProperties properties) {
        if (properties.redisUrl() == null) {
            log.info("Partner rate limits are kept in memory (set FRONTDESK_REDIS_URL to share them across nodes)");
            return new BucketStore(null, PartnerBuckets.inMemory());
        }
        RedisURI uri = RedisURI.create(properties.redisUrl());
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        log.info("Partner rate limits are kept in Redis");
        return new BucketStore(client, PartnerBuckets.shared(proxyManager(client)));
    }

    /** Bucket4j's Lettuce proxy manager on this client, keys as UTF-8 strings; idle buckets expire. */
    static ProxyManager<String> proxyManager(RedisClient client) {
        return Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .requestTimeout(Duration.ofSeconds(2))
                .build()
                .withMapper((String key) -> key.getBytes(StandardCharsets.UTF_8));
    }

    /** The buckets in use, and the Redis client behind them if any (shut down with the application). */
    static final class BucketStore implements PartnerBuckets, DisposableBean {
        private final RedisClient client;
        private final PartnerBuckets buckets;

        BucketStore(RedisClient client, PartnerBuckets buckets) {
            this.client = client;
            this.buckets = buckets;
        }

        @Override
        public Taken take(String partnerKey, int ratePerMinute, int tokens) {
            return buckets.take(partnerKey, ratePerMinute, tokens);
        }

        @Override
        public void destroy() {
            if (client != null) {
                client.shutdown();
            }
        }
    }
}
