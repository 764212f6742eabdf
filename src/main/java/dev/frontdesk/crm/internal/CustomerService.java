package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.CrmEvents;
import dev.frontdesk.crm.Customers;
import dev.frontdesk.crm.Customers.LeadOutcome;
import dev.frontdesk.crm.Customers.NewLead;
import dev.frontdesk.crm.Lead;
import dev.frontdesk.crm.internal.CustomerInput.Draft;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.JsonMergePatch;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating, changing and listing customers, and keeping them up to date with what the channels see. A
 * request is checked whole (a 400 problem lists every bad field) before anything is written.
 */
@Service
class CustomerService implements Customers {

    private final CustomerRepository customers;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<PartnerLeadIntake> partnerLeads;
    private final ApplicationEventPublisher events;
    private final DoNotCallList doNotCallList;

    CustomerService(
            CustomerRepository customers,
            Tenants tenants,
            JsonMapper json,
            Clock clock,
            ObjectProvider<PartnerLeadIntake> partnerLeads,
            ApplicationEventPublisher events,
            DoNotCallList doNotCallList) {
        this.customers = customers;
        this.doNotCallList = doNotCallList;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
        this.partnerLeads = partnerLeads;
        this.events = events;
    }

    @Transactional
    Customer create(BusinessId businessId, JsonNode body) {
        Business business = business(businessId);
        Draft draft = CustomerInput.read(
                body, PhoneFacts.regionOf(business.phoneNumbers()).orElse(null));
        customers.findByPhone(businessId, draft.phone().e164(), false).ifPresent(existing -> {
            throw exists(existing);
        });
        Instant now = now();
        Customer customer = build(business, UUID.randomUUID(), draft, Customer.Source.MANUAL, now, now, null);
        try {
            customers.insert(customer);
        } catch (DuplicateKeyException e) {
            throw exists(customers
                    .findByPhone(businessId, draft.phone().e164(), false)
                    .orElseThrow());
        }
        return customer;
    }

    @Transactional(readOnly = true)
    Customer get(BusinessId business, UUID id) {
        return customers.find(business, id, false).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    PageResponse<Customer> list(BusinessId business, CustomerRepository.Filter filter, PageQuery page) {
        return PageResponse.of(customers.page(business, filter, page), customers.count(business, filter), page);
    }

    @Transactional
    Customer patch(BusinessId businessId, UUID id, JsonNode patch) {
        Business business = business(businessId);
        Customer current = customers.find(businessId, id, true).orElseThrow(() -> notFound(id));
        if (patch == null || !patch.isObject()) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(CustomerJson.patchable(current)), patch);
        Draft draft = CustomerInput.read(
                merged, PhoneFacts.regionOf(business.phoneNumbers()).orElse(null));
        if (!draft.phone().e164().equals(current.phone())) {
            customers.findByPhone(businessId, draft.phone().e164(), false).ifPresent(other -> {
                throw exists(other);
            });
        }
        Customer.Status status = draft.status();
        if (patch.has("doNotCall")
                && !draft.doNotCall()
                && status == Customer.Status.DO_NOT_CALL
                && !patch.has("status")) {
            status = Customer.Status.NEW; // taken off the do-not-call list: back to the start of the funnel
        }
        Draft effective = new Draft(
                draft.phone(),
                draft.name(),
                draft.email(),
                draft.language(),
                draft.timezone(),
                status,
                draft.partner(),
                draft.smsOptOut(),
                draft.doNotCall(),
                draft.notes(),
                draft.tags(),
                draft.lead());
        Customer changed =
                build(business, id, effective, current.source(), current.createdAt(), now(), current.lastContactAt());
        customers.update(changed);
        if (changed.doNotCall() && (!current.doNotCall() || !changed.phone().equals(current.phone()))) {
            doNotCallList.add(businessId, draft.phone(), DoNotCallList.Source.OWNER, changed.updatedAt());
        } else if (!changed.doNotCall() && current.doNotCall()) {
            doNotCallList.remove(businessId, new PhoneNumber(current.phone()));
        }
        statusChanged(current, changed);
        return changed;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> emailOnFile(BusinessId business, PhoneNumber phone) {
        return customers
                .findByPhone(business, phone.e164(), false)
                .map(Customer::email)
                .filter(email -> !email.isBlank());
    }

    @Override
    @Transactional
    public void doNotCall(BusinessId business, PhoneNumber phone) {
        Customer customer = findOrCreate(business, phone, Customer.Source.INBOUND_CALL);
        Customer changed = customer.doNotCall(now());
        customers.update(changed);
        doNotCallList.add(business, phone, DoNotCallList.Source.CALLER, changed.updatedAt());
        statusChanged(customer, changed);
    }

    /** Publishes {@link CrmEvents.LeadStatusChanged} when the funnel status moved. */
    void statusChanged(Customer before, Customer after) {
        if (before.status() != after.status()) {
            events.publishEvent(new CrmEvents.LeadStatusChanged(
                    after.businessId(),
                    after.id(),
                    after.phone(),
                    after.lead(),
                    before.status().name(),
                    after.status().name(),
                    after.updatedAt()));
        }
    }

    @Override
    public List<LeadOutcome> addPartnerLeads(BusinessId business, String partner, List<NewLead> leads) {
        return partnerLeads.getObject().add(business, partner, leads);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Lead> leads(BusinessId business, Lead.Filter filter, Collection<UUID> ids, int limit) {
        Customer.Status status = filter == null || filter.status() == null
                ? null
                : Customer.Status.valueOf(filter.status().toUpperCase(Locale.ROOT));
        var query = new CustomerRepository.Filter(
                true,
                status,
                filter == null ? null : filter.language(),
                null,
                filter == null ? null : filter.tag(),
                null);
        String fallbackZone = business(business).timezone().getId();
        List<Customer> found = customers.leads(business, query, ids, limit);
        Set<String> listed = doNotCallList.listed(
                business, found.stream().map(Customer::phone).toList());
        return found.stream()
                .map(c -> new Lead(
                        c.id(),
                        c.phone(),
                        c.name(),
                        c.language(),
                        c.timezone() == null ? fallbackZone : c.timezone(),
                        c.doNotCall() || listed.contains(c.phone())))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> doNotCall(BusinessId business, Collection<String> phones) {
        Set<String> doNotCall = new java.util.HashSet<>(customers.doNotCallPhones(business, phones));
        doNotCall.addAll(doNotCallList.listed(business, phones));
        return Set.copyOf(doNotCall);
    }

    @Override
    @Transactional
    public void moveInFunnel(BusinessId business, Collection<UUID> customerIds, Lead.Stage stage) {
        Instant at = now();
        for (Customer c : customers.moveInFunnel(business, customerIds, Customer.Status.valueOf(stage.name()), at)) {
            events.publishEvent(new CrmEvents.LeadStatusChanged(
                    business, c.id(), c.phone(), c.lead(), c.status().name(), stage.name(), at));
        }
    }

    /** Follows the messaging module's opt-out registry (STOP, START). */
    @Transactional
    void smsOptOut(BusinessId business, PhoneNumber phone, boolean optedOut) {
        Customer customer = findOrCreate(business, phone, Customer.Source.SMS);
        customers.update(customer.withFlags(customer.status(), optedOut, customer.doNotCall(), now()));
    }

    /** Someone called or wrote from this number: they are a customer now, contacted at {@code at}. */
    @Transactional
    void contacted(BusinessId business, PhoneNumber phone, Customer.Source source, Instant at) {
        if (!customers.touch(business, phone.e164(), at)) {
            Customer fresh = fresh(business, phone, source, at);
            if (!customers.insertIfAbsent(new Customer(
                    fresh.id(),
                    business,
                    fresh.phone(),
                    null,
                    null,
                    fresh.country(),
                    fresh.language(),
                    fresh.timezone(),
                    source,
                    null,
                    Customer.Status.NEW,
                    false,
                    false,
                    false,
                    null,
                    null,
                    at,
                    at,
                    at))) {
                customers.touch(business, phone.e164(), at);
            }
        }
    }

    /** Fills in the name and email an appointment gave, where the customer has none yet. */
    @Transactional
    void learned(BusinessId business, PhoneNumber phone, String name, String email, Customer.Source source) {
        Customer c = findOrCreate(business, phone, source);
        if ((c.name() == null && name != null) || (c.email() == null && email != null)) {
            customers.update(new Customer(
                    c.id(),
                    c.businessId(),
                    c.phone(),
                    c.name() == null ? name : c.name(),
                    c.email() == null ? email : c.email(),
                    c.country(),
                    c.language(),
                    c.timezone(),
                    c.source(),
                    c.partner(),
                    c.status(),
                    c.lead(),
                    c.smsOptOut(),
                    c.doNotCall(),
                    c.notes(),
                    c.tags(),
                    c.createdAt(),
                    now(),
                    c.lastContactAt()));
        }
    }

    private Customer findOrCreate(BusinessId business, PhoneNumber phone, Customer.Source source) {
        return customers.findByPhone(business, phone.e164(), true).orElseGet(() -> {
            customers.insertIfAbsent(fresh(business, phone, source, now()));
            return customers.findByPhone(business, phone.e164(), true).orElseThrow();
        });
    }

    /** A customer known only by a phone number, with what the number says about them. */
    Customer fresh(BusinessId businessId, PhoneNumber phone, Customer.Source source, Instant at) {
        return fresh(tenants.find(businessId).orElse(null), businessId, phone, source, at);
    }

    /** The same, for a business at hand (its language and zone are the fallbacks). */
    static Customer fresh(
            Business business, BusinessId businessId, PhoneNumber phone, Customer.Source source, Instant at) {
        var facts = PhoneFacts.of(phone);
        String language =
                facts.language() != null ? facts.language() : business == null ? null : business.defaultLanguage();
        String timezone = facts.timezone() != null
                ? facts.timezone()
                : business == null ? null : business.timezone().getId();
        return new Customer(
                UUID.randomUUID(),
                businessId,
                phone.e164(),
                null,
                null,
                facts.country(),
                language,
                timezone,
                source,
                null,
                Customer.Status.NEW,
                false,
                false,
                false,
                null,
                null,
                at,
                at,
                null);
    }

    private Customer build(
            Business business,
            UUID id,
            Draft d,
            Customer.Source source,
            Instant createdAt,
            Instant updatedAt,
            Instant lastContactAt) {
        var facts = PhoneFacts.of(d.phone());
        String language = d.language() != null
                ? d.language()
                : facts.language() != null ? facts.language() : business.defaultLanguage();
        String timezone = d.timezone() != null
                ? d.timezone()
                : facts.timezone() != null
                        ? facts.timezone()
                        : business.timezone().getId();
        Customer.Status status =
                d.doNotCall() ? Customer.Status.DO_NOT_CALL : d.status() == null ? Customer.Status.NEW : d.status();
        return new Customer(
                id,
                business.id(),
                d.phone().e164(),
                d.name(),
                d.email(),
                facts.country(),
                language,
                timezone,
                source,
                d.partner(),
                status,
                d.lead(),
                d.smsOptOut(),
                d.doNotCall() || status == Customer.Status.DO_NOT_CALL,
                d.notes(),
                d.tags(),
                createdAt,
                updatedAt,
                lastContactAt);
    }

    /** Now, to the microsecond the database keeps. */
    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    Business business(BusinessId id) {
        return tenants.find(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
    }

    static FrontdeskException notFound(UUID id) {
        return FrontdeskException.notFound("Customer " + id);
    }

    private static FrontdeskException exists(Customer existing) {
        return FrontdeskException.conflict(
                        "customer-exists",
                        "Customer exists",
                        "The business already has a customer with phone " + existing.phone())
                .with("customerId", existing.id());
    }
}
