package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.messaging.MessagingEvents;
import dev.frontdesk.shared.LogSafe;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends texts and emails. SMS goes through the configured {@link SmsSender} (Twilio or the sandbox
 * outbox) after the opt-out check and the business's daily cap (owner alerts are never capped), with
 * retries on transient failures; email goes to the outbox or, with {@code FRONTDESK_EMAIL=smtp}, through
 * Spring Mail.
 */
@Service
class MessagesService implements Messages {

    private static final Logger log = LoggerFactory.getLogger(MessagesService.class);
    private static final int DEFAULT_DAILY_CAP = 500;

    private final OutboxRepository outbox;
    private final OptOutRepository optOuts;
    private final MessagingProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final JsonMapper json;
    private final Clock clock;
    private final SmsSender sender;
    private final SmsDeliveryRepository deliveries;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;

    MessagesService(
            OutboxRepository outbox,
            OptOutRepository optOuts,
            MessagingProperties properties,
            ObjectProvider<JavaMailSender> mail,
            JsonMapper json,
            Clock clock,
            SmsSender sender,
            SmsDeliveryRepository deliveries,
            Tenants tenants,
            ApplicationEventPublisher events) {
        this.events = events;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.properties = properties;
        this.mail = mail;
        this.json = json;
        this.clock = clock;
        this.sender = sender;
        this.deliveries = deliveries;
        this.tenants = tenants;
    }

    @Override
    public Delivery sendSms(BusinessId business, PhoneNumber to, String body, Purpose purpose) {
        if (purpose.respectsOptOut() && optOuts.optedOut(business, to)) {
            log.info("SMS ({}) not sent: the recipient opted out", purpose);
            return Delivery.SKIPPED_OPTED_OUT;
        }
        Optional<Business> found = tenants.find(business);
        if (suspended(found)) {
            log.info("SMS ({}) not sent: business {} is suspended", purpose, business);
            return Delivery.SKIPPED_SUSPENDED;
        }
        Instant now = clock.instant();
        if (purpose == Purpose.OWNER_ALERT) {
            deliveries.count(business, now);
        } else {
            int cap = found.map(b -> b.settings().messaging().smsDailyCap()).orElse(DEFAULT_DAILY_CAP);
            if (!deliveries.reserve(business, now, cap)) {
                log.warn("SMS ({}) not sent: business {} reached its daily cap of {} texts", purpose, business, cap);
                return Delivery.SKIPPED_DAILY_CAP;
            }
        }
        PhoneNumber from =
                found.flatMap(b -> b.phoneNumbers().stream().findFirst()).orElse(null);
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                String id = sender.send(business, from, to, body, purpose);
                deliveries.record(new SmsDeliveryRepository.DeliveryRecord(
                        business, sender.name(), purpose.name(), "SENT", id, attempt, null, clock.instant()));
                log.info("SMS ({}) sent through {} (attempt {})", purpose, sender.name(), attempt);
                return Delivery.SENT;
            } catch (SmsSender.SmsFailure e) {
                if (e.transientFailure() && attempt < properties.smsAttempts()) {
                    log.info("SMS ({}) attempt {} failed ({}); retrying", purpose, attempt, LogSafe.of(e.getMessage()));
                    pause(properties.smsRetryBackoff().multipliedBy(1L << (attempt - 1)));
                    continue;
                }
                log.error(
                        "SMS ({}) for business {} failed after {} attempt(s): {}",
                        purpose,
                        business,
                        attempt,
                        LogSafe.of(e.getMessage()));
                deliveries.record(new SmsDeliveryRepository.DeliveryRecord(
                        business,
                        sender.name(),
                        purpose.name(),
                        "FAILED",
                        null,
                        attempt,
                        e.getMessage(),
                        clock.instant()));
                if (purpose != Purpose.OWNER_ALERT) {
                    deliveries.release(business, now);
                }
                return Delivery.FAILED;
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean suspended(Optional<Business> business) {
        return business.isPresent() && !business.get().isActive();
    }

    @Override
    public Delivery sendEmail(BusinessId business, Email email) {
        if (suspended(tenants.find(business))) {
            log.info("Email not sent: business {} is suspended", business);
            return Delivery.SKIPPED_SUSPENDED;
        }
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
    @Transactional
    public void optOut(BusinessId business, PhoneNumber phone) {
        optOuts.optOut(business, phone, clock.instant());
        events.publishEvent(new MessagingEvents.SmsOptOutChanged(business, phone.e164(), true));
        log.info("A customer opted out of SMS");
    }

    @Override
    @Transactional
    public void optIn(BusinessId business, PhoneNumber phone) {
        optOuts.optIn(business, phone);
        events.publishEvent(new MessagingEvents.SmsOptOutChanged(business, phone.e164(), false));
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

    @Override
    public dev.frontdesk.shared.PageResponse<OutboxItem> outbox(
            BusinessId business, String channel, dev.frontdesk.shared.PageQuery page) {
        return outbox.page(business, channel, page)
                .map(e -> new OutboxItem(
                        e.channel(),
                        e.recipient(),
                        e.subject(),
                        e.body(),
                        e.purpose(),
                        e.attachments() == null
                                ? java.util.List.of()
                                : json.readTree(e.attachments())
                                        .valueStream()
                                        .map(a -> a.path("filename").asString(""))
                                        .toList(),
                        e.createdAt()));
    }

    @Override
    public int forget(BusinessId business, dev.frontdesk.shared.PersonalTraces person) {
        optOuts.forget(business, person.phone());
        return outbox.forget(business, person);
    }
}
