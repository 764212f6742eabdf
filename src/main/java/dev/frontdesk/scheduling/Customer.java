package dev.frontdesk.scheduling;

import dev.frontdesk.shared.PhoneNumber;

/** Who an appointment is for. The phone number is E.164 and finds a caller's own appointments. */
public record Customer(String name, PhoneNumber phone, String email) {}
