package dev.frontdesk.whatsapp.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's WhatsApp messages to the business's numbers keep only their message id (so a redelivery
 * from Meta is still recognised and not answered twice): the sender and the text go, and a message still waiting
 * for its answer is marked done, so the recovery job never answers somebody who was erased.
 */
@Component
class WhatsAppErasure implements PersonalData {

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Clock clock;

    WhatsAppErasure(JdbcClient jdbc, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public void erase(BusinessId business, UUID customerId, PersonalTraces person, List<UUID> conversationIds) {
        List<String> numbers = new ArrayList<>();
        for (PhoneNumber number :
                tenants.find(business).map(b -> b.phoneNumbers()).orElse(List.of())) {
            // Meta writes the business's display number without its +
            numbers.add(number.e164());
            numbers.add(number.e164().substring(1));
        }
        if (numbers.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE whatsapp_seen_message SET sender = NULL, body = NULL,"
                        + " answered_at = COALESCE(answered_at, :now) WHERE sender IN (:sender, :digits)"
                        + " AND display_number IN (:numbers)")
                .param("now", utc(clock.instant()))
                .param("sender", person.phone().e164())
                .param("digits", person.phone().e164().substring(1))
                .param("numbers", numbers)
                .update();
    }
}
