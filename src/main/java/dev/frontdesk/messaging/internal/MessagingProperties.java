package dev.frontdesk.messaging.internal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the messaging module.
 *
 * @param email {@code sandbox} (default: emails go to the outbox) or {@code smtp} (Spring Mail, set
 *     {@code SPRING_MAIL_HOST} and friends)
 * @param emailFrom the sender address of outgoing email
 * @param sms {@code sandbox} (default: texts go to the outbox) or {@code twilio} ({@code FRONTDESK_SMS})
 * @param twilioAccountSid the Twilio account texts are sent from ({@code TWILIO_ACCOUNT_SID})
 * @param twilioAuthToken its auth token ({@code TWILIO_AUTH_TOKEN})
 * @param twilioApiBaseUrl another base URL for Twilio's REST API ({@code TWILIO_API_BASE_URL}; tests)
 * @param smsAttempts how many times a text is tried when Twilio fails transiently (5xx, 429, I/O)
 * @param smsRetryBackoff the wait before the second attempt, doubled before each further one
 */
@ConfigurationProperties("frontdesk.messaging")
record MessagingProperties(
        String email,
        String emailFrom,
        String sms,
        String twilioAccountSid,
        String twilioAuthToken,
        String twilioApiBaseUrl,
        Integer smsAttempts,
        Duration smsRetryBackoff) {

    MessagingProperties {
        email = email == null || email.isBlank() ? "sandbox" : email.trim().toLowerCase(Locale.ROOT);
        emailFrom = emailFrom == null || emailFrom.isBlank() ? "frontdesk@localhost" : emailFrom.trim();
        if (!email.equals("sandbox") && !email.equals("smtp")) {
            throw new IllegalStateException("FRONTDESK_EMAIL must be 'sandbox' or 'smtp', got: " + email);
        }
        sms = sms == null || sms.isBlank() ? "sandbox" : sms.trim().toLowerCase(Locale.ROOT);
        if (!sms.equals("sandbox") && !sms.equals("twilio")) {
            throw new IllegalStateException("FRONTDESK_SMS must be 'sandbox' or 'twilio', got: " + sms);
        }
        twilioAccountSid = blankToNull(twilioAccountSid);
        twilioAuthToken = blankToNull(twilioAuthToken);
        twilioApiBaseUrl = blankToNull(twilioApiBaseUrl);
        smsAttempts = smsAttempts == null ? 3 : Math.max(1, Math.min(smsAttempts, 10));
        smsRetryBackoff = smsRetryBackoff == null ? Duration.ofMillis(250) : smsRetryBackoff;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
