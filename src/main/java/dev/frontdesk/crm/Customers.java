package dev.frontdesk.crm;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The CRM module's customer API for the channels, the assistant and the partners module. */
public interface Customers {

    /**
     * Records that the holder of this number asked not to be called again ("stop calling me"): the
     * business's customer with that number (created when there is none) gets {@code doNotCall} and the
     * DO_NOT_CALL status, and the number goes on the business's do-not-call list.
     */
    void doNotCall(BusinessId business, PhoneNumber phone);

    /**
     * Adds leads a partner handed over, checked like the rows of a CSV import and stored as leads with
     * source PARTNER and the partner's name, all in one transaction. A number the business already has (or
     * one given earlier in the same list) is a DUPLICATE and the existing customer is left as it is.
     *
     * @return one outcome per lead, in the order given
     */
    List<LeadOutcome> addPartnerLeads(BusinessId business, String partner, List<NewLead> leads);

    /** A lead as a partner describes it; name and phone are required, email and language optional. */
    record NewLead(String name, String phone, String email, String language) {}

    /** What became of one lead: CREATED (leadId), DUPLICATE (leadId of the existing one) or REJECTED (reason). */
    record LeadOutcome(String phone, Status status, UUID leadId, String reason) {

        /** The outcome of one lead. */
        public enum Status {
            CREATED,
            DUPLICATE,
            REJECTED
        }
    }

    /**
     * The business's leads matching the filter (the leads list's status, language and tag filters), or
     * those with these ids when {@code ids} is not null (ids of other businesses or of customers that are not
     * leads are left out). At most {@code limit}.
     */
    List<Lead> leads(BusinessId business, Lead.Filter filter, Collection<UUID> ids, int limit);

    /**
     * Of these numbers (E.164), those the business must not call: a do-not-call customer's, or one on the
     * business's do-not-call list (which keeps the numbers of erased customers who asked not to be called).
     */
    Set<String> doNotCall(BusinessId business, Collection<String> phones);

    /** The email the business's customer with this number has on file, if any (for a booking's invite). */
    Optional<String> emailOnFile(BusinessId business, PhoneNumber phone);

    /** Moves these leads to a funnel stage (a campaign called them); a do-not-call customer stays DO_NOT_CALL. */
    void moveInFunnel(BusinessId business, Collection<UUID> customerIds, Lead.Stage stage);
}
