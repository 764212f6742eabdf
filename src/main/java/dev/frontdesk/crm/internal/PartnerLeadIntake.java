package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.Customers.LeadOutcome;
import dev.frontdesk.crm.Customers.NewLead;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from a partner: each is read like a row of a CSV import ({@link LeadImporter#lead}, the same
 * checks and messages) and stored like one, with source PARTNER and the partner's name. Unlike a file,
 * a partner never changes a customer the business already has: such a number is reported as a DUPLICATE
 * with the existing customer's id.
 */
@Component
class PartnerLeadIntake {

    private static final Map<String, Integer> COLUMNS =
            Map.of("name", 0, "phone", 1, "email", 2, "language", 3, "#", 4);

    private final CustomerService customers;
    private final CustomerRepository repository;
    private final DoNotCallList doNotCall;

    PartnerLeadIntake(CustomerService customers, CustomerRepository repository, DoNotCallList doNotCall) {
        this.customers = customers;
        this.repository = repository;
        this.doNotCall = doNotCall;
    }

    @Transactional
    List<LeadOutcome> add(BusinessId businessId, String partner, List<NewLead> leads) {
        Business business = customers.business(businessId);
        String region = PhoneFacts.regionOf(business.phoneNumbers()).orElse(null);
        var now = customers.now();
        List<LeadImporter.Lead> read = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < leads.size(); i++) {
            NewLead given = leads.get(i);
            List<String> problems = new ArrayList<>();
            var row = new CsvReader.Row(
                    i + 1,
                    Arrays.asList(
                            orEmpty(given == null ? null : given.name()),
                            orEmpty(given == null ? null : given.phone()),
                            orEmpty(given == null ? null : given.email()),
                            orEmpty(given == null ? null : given.language())),
                    null);
            LeadImporter.Lead lead = LeadImporter.lead(row, COLUMNS, region, problems);
            read.add(lead);
            reasons.add(lead == null ? String.join("; ", problems) : null);
            if (lead != null) {
                firstIndex.putIfAbsent(lead.phone().e164(), i);
            }
        }
        Map<String, Customer> existing = repository.findByPhones(businessId, firstIndex.keySet());
        var listed = doNotCall.listed(businessId, firstIndex.keySet());
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<LeadOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            LeadImporter.Lead lead = read.get(i);
            String phoneGiven = leads.get(i) == null ? null : leads.get(i).phone();
            if (lead == null) {
                outcomes.add(new LeadOutcome(phoneGiven, LeadOutcome.Status.REJECTED, null, reasons.get(i)));
                continue;
            }
            String e164 = lead.phone().e164();
            Customer known = existing.get(e164);
            if (known != null) {
                outcomes.add(new LeadOutcome(
                        e164, LeadOutcome.Status.DUPLICATE, known.id(), "the business has this number"));
            } else if (ids.containsKey(e164)) {
                outcomes.add(new LeadOutcome(
                        e164, LeadOutcome.Status.DUPLICATE, ids.get(e164), "the number is given twice in this batch"));
            } else {
                Customer fresh = LeadImporter.fresh(business, lead, now, Customer.Source.PARTNER, partner);
                if (listed.contains(e164)) {
                    fresh = fresh.doNotCall(now); // on the business's do-not-call list: never called
                }
                if (repository.insertIfAbsent(fresh)) {
                    ids.put(e164, fresh.id());
                    outcomes.add(new LeadOutcome(e164, LeadOutcome.Status.CREATED, fresh.id(), null));
                } else { // added by someone else a moment ago
                    UUID id = repository
                            .findByPhone(businessId, e164, false)
                            .map(Customer::id)
                            .orElse(null);
                    ids.put(e164, id);
                    outcomes.add(
                            new LeadOutcome(e164, LeadOutcome.Status.DUPLICATE, id, "the business has this number"));
                }
            }
        }
        return outcomes;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
