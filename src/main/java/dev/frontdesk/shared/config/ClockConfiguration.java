package dev.frontdesk.shared.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's clock: the system clock, or pinned with {@code FRONTDESK_FIXED_CLOCK} (an ISO instant). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${frontdesk.fixed-clock:}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            Instant instant = Instant.parse(fixed.trim());
            log.warn("The clock is pinned to {} (FRONTDESK_FIXED_CLOCK)", instant);
            return Clock.fixed(instant, ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "FRONTDESK_FIXED_CLOCK must be an ISO-8601 instant such as 2026-03-02T14:00:00Z, got: " + fixed, e);
        }
    }
}
