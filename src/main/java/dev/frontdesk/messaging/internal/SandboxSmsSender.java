package dev.frontdesk.messaging.internal;

import dev.frontdesk.messaging.Messages.Purpose;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.util.UUID;

/** The sandbox: a text "sent" is a row of the outbox ({@code GET /api/outbox}). */
final class SandboxSmsSender implements SmsSender {

    private final OutboxRepository outbox;
    private final Clock clock;

    SandboxSmsSender(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String send(BusinessId business, PhoneNumber from, PhoneNumber to, String body, Purpose purpose) {
        UUID id = UUID.randomUUID();
        outbox.insert(new OutboxRepository.OutboxEntry(
                id, business, "SMS", to.e164(), null, body, purpose.name(), null, clock.instant()));
        return id.toString();
    }
}
