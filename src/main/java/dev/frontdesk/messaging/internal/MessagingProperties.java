package dev.frontdesk.messaging.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the messaging module.
 *
 * @param email {@code sandbox} (default: emails go to the outbox) or {@code smtp} (Spring Mail, set
 *     {@code SPRING_MAIL_HOST} and friends)
 * @param emailFrom the sender address of outgoing email
 */
@ConfigurationProperties("frontdesk.messaging")
record MessagingProperties(String email, String emailFrom) {

    MessagingProperties {
        email = email == null || email.isBlank() ? "sandbox" : email.trim().toLowerCase(java.util.Locale.ROOT);
        emailFrom = emailFrom == null || emailFrom.isBlank() ? "frontdesk@localhost" : emailFrom.trim();
        if (!email.equals("sandbox") && !email.equals("smtp")) {
            throw new IllegalStateException("FRONTDESK_EMAIL must be 'sandbox' or 'smtp', got: " + email);
        }
    }
}
