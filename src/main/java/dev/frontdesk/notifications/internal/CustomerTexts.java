package dev.frontdesk.notifications.internal;

import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.Wording;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Texts the customer when an appointment is booked, moved or cancelled ({@link NotificationListeners}), whoever did it (the assistant on
 * any channel, the API, the dashboard): in the customer's language, with the weekday, date and time in the
 * business's timezone; never to a customer who opted out of texts (the messaging module checks).
 *
 * <p>No double texts: when the customer is in a text conversation with the assistant (SMS or WhatsApp,
 * active in the last {@link #THREAD_ACTIVE} minutes), the assistant's own reply in that thread already
 * says what was booked, moved or cancelled, so no separate confirmation goes. A change to an appointment
 * that has already ended sends nothing either.
 */
@Component
class CustomerTexts {

    private static final Logger log = LoggerFactory.getLogger(CustomerTexts.class);
    static final Duration THREAD_ACTIVE = Duration.ofMinutes(10);
    /** The wording files: {@code notifications/words_<language>.properties}. */
    static final String WORDS = "notifications/words";

    private final Tenants tenants;
    private final Messages messages;
    private final Conversations conversations;
    private final CustomerBook customers;
    private final Clock clock;

    CustomerTexts(
            Tenants tenants, Messages messages, Conversations conversations, CustomerBook customers, Clock clock) {
        this.tenants = tenants;
        this.messages = messages;
        this.conversations = conversations;
        this.customers = customers;
        this.clock = clock;
    }

    /** Texts the customer that the appointment was {@code booked}, {@code moved} or {@code cancelled}. */
    void text(Appointment appointment, String what) {
        PhoneNumber phone = appointment.customer().phone();
        Optional<Business> found = tenants.find(appointment.businessId());
        if (phone == null || found.isEmpty() || !appointment.end().isAfter(clock.instant())) {
            return;
        }
        Business business = found.get();
        if (inTextThread(business, phone)) {
            log.info(
                    "No {} text for appointment {}: the assistant's reply in the thread says it",
                    what,
                    appointment.id());
            return;
        }
        Wording words = Wording.of(WORDS, language(business, appointment));
        String body = words.text(
                "customer." + what,
                Map.of(
                        "service", appointment.service(),
                        "business", business.name(),
                        "when", Dates.when(words, appointment.start(), business.timezone())));
        var delivery = messages.sendSms(business.id(), phone, body, Messages.Purpose.CONFIRMATION);
        log.info("Customer text ({}) for appointment {}: {}", what, appointment.id(), delivery);
    }

    /** The customer's language: the one they booked in, else the one on file, else the business's. */
    private String language(Business business, Appointment appointment) {
        if (appointment.customer().language() != null) {
            return appointment.customer().language();
        }
        return customers
                .withPhone(business.id(), appointment.customer().phone().e164())
                .map(CustomerBook.Profile::language)
                .filter(l -> l != null && !l.isBlank())
                .orElse(business.defaultLanguage());
    }

    /** Whether the customer is texting with the assistant right now (SMS or WhatsApp). */
    private boolean inTextThread(Business business, PhoneNumber phone) {
        Instant since = clock.instant().minus(THREAD_ACTIVE);
        return active(conversations.findOpen(business.id(), "SMS", phone.e164()), since)
                || active(
                        conversations.findOpen(
                                business.id(), "WHATSAPP", phone.e164().substring(1)),
                        since);
    }

    private static boolean active(Optional<Conversation> conversation, Instant since) {
        return conversation.isPresent()
                && conversation.get().lastActivityAt() != null
                && conversation.get().lastActivityAt().isAfter(since);
    }
}
