package dev.frontdesk.messaging.internal;

import dev.frontdesk.shared.Breakers;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the SMS provider: {@code FRONTDESK_SMS=twilio} or the sandbox outbox. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    SmsSender smsSender(MessagingProperties properties, OutboxRepository outbox, Breakers breakers, Clock clock) {
        if ("twilio".equals(properties.sms())) {
            log.info(
                    "SMS are sent through Twilio{}",
                    properties.twilioApiBaseUrl() == null ? "" : " at " + properties.twilioApiBaseUrl());
            return new TwilioSmsSender(
                    properties.twilioAccountSid(),
                    properties.twilioAuthToken(),
                    properties.twilioApiBaseUrl(),
                    breakers);
        }
        return new SandboxSmsSender(outbox, clock);
    }
}
