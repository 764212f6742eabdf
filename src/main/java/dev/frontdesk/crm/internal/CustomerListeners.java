package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.CrmEvents.ConversationStarted;
import dev.frontdesk.messaging.MessagingEvents.SmsOptOutChanged;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.shared.InTransactionListener;
import dev.frontdesk.shared.PhoneNumber;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps customers up to date with what happens on the channels: every caller or texter with a known
 * number becomes (or stays) a customer, a booking fills in their name and email, STOP and START set
 * {@code smsOptOut}.
 */
@Component
class CustomerListeners {

    private final CustomerService customers;

    CustomerListeners(CustomerService customers) {
        this.customers = customers;
    }

    @InTransactionListener
    void on(ConversationStarted event) {
        PhoneNumber.parseStrict(event.customerPhone())
                .ifPresent(
                        phone -> customers.contacted(event.businessId(), phone, source(event.channel()), event.at()));
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        var customer = event.appointment().customer();
        if (customer.phone() != null) {
            customers.learned(
                    event.appointment().businessId(),
                    customer.phone(),
                    customer.name(),
                    customer.email(),
                    source(event.appointment().sourceChannel()));
        }
    }

    @ApplicationModuleListener
    void on(SmsOptOutChanged event) {
        PhoneNumber.parseStrict(event.phone())
                .ifPresent(phone -> customers.smsOptOut(event.businessId(), phone, event.optedOut()));
    }

    static Customer.Source source(String channel) {
        return switch (channel) {
            case "VOICE" -> Customer.Source.INBOUND_CALL;
            case "WHATSAPP" -> Customer.Source.WHATSAPP;
            case "WEB" -> Customer.Source.WIDGET;
            case "SMS" -> Customer.Source.SMS;
            default -> Customer.Source.MANUAL;
        };
    }
}
