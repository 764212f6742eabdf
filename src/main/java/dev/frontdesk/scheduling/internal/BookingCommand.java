package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.Customer;
import java.time.Instant;

/** A validated request to book: which service, when, for whom. */
record BookingCommand(
        String service,
        Instant start,
        Customer customer,
        String staffId,
        String notes,
        boolean emergency,
        String sourceChannel) {}
