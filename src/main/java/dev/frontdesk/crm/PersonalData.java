package dev.frontdesk.crm;

import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by modules that keep personal data about a business's customers outside the CRM (call
 * records, dialogue state, campaigns). Erasing a customer ({@code DELETE /api/customers/{id}}) calls every
 * implementation in the same transaction, so an erasure is whole or not at all; the customer's export
 * ({@code GET /api/customers/{id}/export}) adds what each implementation shows.
 */
public interface PersonalData {

    /**
     * Forgets what this module holds about the customer {@code customerId}: {@code person} is how they are
     * written (number in every form, name, email), {@code person.phone()} their number.
     *
     * @param conversationIds the customer's conversations, already anonymised by the CRM
     */
    void erase(BusinessId business, UUID customerId, PersonalTraces person, List<UUID> conversationIds);

    /**
     * What this module holds about the customer that the CRM's own export does not show, as properties of the
     * export (a name and a JSON-serialisable value, such as a list of records); nothing by default.
     */
    default Map<String, Object> export(BusinessId business, UUID customerId, PhoneNumber phone) {
        return Map.of();
    }
}
