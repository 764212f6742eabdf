package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends texts and emails. SMS goes to the sandbox outbox (Twilio arrives with the channels); email goes
 * to the outbox or, with {@code FRONTDESK_EMAIL=smtp}, through Spring Mail.
 */
@Service
class MessagesService implements Messages {

    private static final Logger log = LoggerFactory.getLogger(MessagesService.class);

    private final OutboxRepository outbox;
    private final OptOutRepository optOuts;
    private final MessagingProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final JsonMapper json;
    private final Clock clock;

    MessagesService(
            OutboxRepository outbox,
            OptOutRepository optOuts,
            MessagingProperties properties,
            ObjectProvider<JavaMailSender> mail,
            JsonMapper json,
            Clock clock) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.properties = properties;
        this.mail = mail;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Delivery sendSms(BusinessId business, PhoneNumber to, String body, Purpose purpose) {
        if (purpose.respectsOptOut() && optOuts.optedOut(business, to)) {
            log.info("SMS ({}) not sent: the recipient opted out", purpose);
            return Delivery.SKIPPED_OPTED_OUT;
        }
        outbox.insert(new OutboxRepository.OutboxEntry(
                UUID.randomUUID(), business, "SMS", to.e164(), null, body, purpose.name(), null, clock.instant()));
        log.info("SMS ({}) placed in the sandbox outbox", purpose);
        return Delivery.SENT;
    }

    @Override
    public Delivery sendEmail(BusinessId business, Email email) {
        if ("smtp".equals(properties.email())) {
            sendSmtp(email);
            log.info("Email sent over SMTP");
            return Delivery.SENT;
        }
        outbox.insert(new OutboxRepository.OutboxEntry(
                UUID.randomUUID(),
                business,
                "EMAIL",
                email.to(),
                email.subject(),
                email.text(),
                Purpose.CONFIRMATION.name(),
                email.attachments().isEmpty() ? null : json.writeValueAsString(email.attachments()),
                clock.instant()));
        log.info("Email placed in the sandbox outbox");
        return Delivery.SENT;
    }

    @Override
    public boolean smsOptedOut(BusinessId business, PhoneNumber phone) {
        return optOuts.optedOut(business, phone);
    }

    @Override
    public void optOut(BusinessId business, PhoneNumber phone) {
        optOuts.optOut(business, phone, clock.instant());
        log.info("A customer opted out of SMS");
    }

    @Override
    public void optIn(BusinessId business, PhoneNumber phone) {
        optOuts.optIn(business, phone);
        log.info("A customer opted back in to SMS");
    }

    private void sendSmtp(Email email) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("FRONTDESK_EMAIL=smtp needs SPRING_MAIL_HOST (and credentials) to be set");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, !email.attachments().isEmpty(), StandardCharsets.UTF_8.name());
            helper.setFrom(properties.emailFrom());
            if (email.toName() == null) {
                helper.setTo(email.to());
            } else {
                helper.setTo(new jakarta.mail.internet.InternetAddress(email.to(), email.toName(), "UTF-8"));
            }
            helper.setSubject(email.subject());
            helper.setText(email.text());
            for (Attachment attachment : email.attachments()) {
                helper.addAttachment(
                        attachment.filename(),
                        new jakarta.mail.util.ByteArrayDataSource(
                                attachment.content().getBytes(StandardCharsets.UTF_8), attachment.contentType()));
            }
            sender.send(message);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("Could not build the email: " + e.getMessage(), e);
        }
    }
}
