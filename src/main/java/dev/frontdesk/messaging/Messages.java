package dev.frontdesk.messaging;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;

/** The messaging module's API: send a text or an email for a business, and ask about opt-outs. */
public interface Messages {

    /**
     * Sends an SMS for a business. Confirmations, reminders and marketing are not sent to customers who
     * opted out (the answer says so); owner alerts and direct replies always go. A suspended business
     * sends nothing.
     */
    Delivery sendSms(BusinessId business, PhoneNumber to, String body, Purpose purpose);

    /** Sends an email for a business, with optional attachments (e.g. a calendar invite); none while it is suspended. */
    Delivery sendEmail(BusinessId business, Email email);

    /** Whether a customer opted out of SMS from this business. */
    boolean smsOptedOut(BusinessId business, PhoneNumber phone);

    /** Records that a customer opted out of this business's texts (STOP and friends). */
    void optOut(BusinessId business, PhoneNumber phone);

    /** Records that a customer opted back in (START, UNSTOP, YES). */
    void optIn(BusinessId business, PhoneNumber phone);

    /**
     * What the sandbox "sent" for the business (texts, WhatsApp messages, emails), newest first, as
     * {@code GET /api/outbox} lists them.
     *
     * @param channel SMS, WHATSAPP or EMAIL; null for every channel
     */
    dev.frontdesk.shared.PageResponse<OutboxItem> outbox(
            BusinessId business, String channel, dev.frontdesk.shared.PageQuery page);

    /**
     * Forgets an erased customer. Their SMS opt-out stays, as a keyed hash of the number (texts to the number are
     * still refused, the number is no longer stored). In the sandbox outbox, messages to or about them keep their
     * channel, purpose and time, and lose the recipient (when it was them), their name and number in the subject,
     * the body and the attachments. Returns how many outbox messages were scrubbed.
     */
    int forget(BusinessId business, dev.frontdesk.shared.PersonalTraces person);

    /** A message in the sandbox outbox; {@code attachments} are the attached files' names. */
    record OutboxItem(
            String channel,
            String to,
            String subject,
            String body,
            String purpose,
            List<String> attachments,
            java.time.Instant createdAt) {}

    /** Why a message is sent; it decides whether an opt-out applies. */
    enum Purpose {
        REPLY,
        CONFIRMATION,
        REMINDER,
        MARKETING,
        OWNER_ALERT;

        public boolean respectsOptOut() {
            return this == CONFIRMATION || this == REMINDER || this == MARKETING;
        }
    }

    /** An email to send. */
    record Email(String to, String toName, String subject, String text, List<Attachment> attachments) {
        public Email {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** A file attached to an email; {@code contentType} may carry parameters (text/calendar; method=REQUEST). */
    record Attachment(String filename, String contentType, String content) {}

    /** What happened to a message. */
    enum Delivery {
        SENT,
        SKIPPED_OPTED_OUT,
        /** The business already sent its daily number of texts ({@code settings.messaging.smsDailyCap}). */
        SKIPPED_DAILY_CAP,
        /** The provider refused the text or could not be reached, even after retries. */
        FAILED,
        /** The business is suspended: it sends nothing at all. */
        SKIPPED_SUSPENDED
    }
}
