package dev.frontdesk.crm;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.UUID;

/**
 * Implemented by modules that keep personal data about a business's customers outside the CRM (call
 * records, dialogue state). Erasing a customer ({@code DELETE /api/customers/{id}}) calls every
 * implementation in the same transaction, so an erasure is whole or not at all.
 */
public interface PersonalData {

    /**
     * Forgets what this module holds about the customer with {@code phone}.
     *
     * @param conversationIds the customer's conversations, already anonymised by the CRM
     */
    void erase(BusinessId business, PhoneNumber phone, List<UUID> conversationIds);
}
