package dev.frontdesk.scheduling;

import dev.frontdesk.shared.PhoneNumber;

/**
 * Who an appointment is for. The phone number is E.164 and finds a caller's own appointments;
 * {@code language} (en, es, fr, ...) is the language the customer spoke or asked for, null when unknown
 * (texts to the customer then use the customer's language on file, else the business's).
 */
public record Customer(String name, PhoneNumber phone, String email, String language) {

    public Customer(String name, PhoneNumber phone, String email) {
        this(name, phone, email, null);
    }
}
