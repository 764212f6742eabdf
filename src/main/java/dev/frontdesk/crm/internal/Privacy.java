package dev.frontdesk.crm.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.directory.Directory;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Audit;
import dev.frontdesk.tenants.BusinessId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's right to their data: an export of everything the business holds about them, and an
 * erasure that anonymises their conversations and transcripts, strips their appointments and messages of
 * personal data (the appointments stay, for the business's records), scrubs the sandbox outbox, lets every
 * other module forget them ({@link PersonalData}), deletes the customer and, last, takes them out of the event
 * publication registry ({@link EventRegistryErasure}); a customer who asked not to be called stays on the
 * do-not-call list, as a keyed hash of the number. Both are written to the business's audit trail, without the
 * person's data (ids and counts only).
 */
@Service
class Privacy {

    private static final Logger log = LoggerFactory.getLogger(Privacy.class);

    private final CustomerService customers;
    private final CustomerRepository repository;
    private final ConversationRepository conversations;
    private final Conversations conversationApi;
    private final Scheduling scheduling;
    private final Directory directory;
    private final List<PersonalData> holders;
    private final Audit audit;
    private final Clock clock;
    private final DoNotCallList doNotCall;
    private final Messages messaging;
    private final EventRegistryErasure registry;

    Privacy(
            CustomerService customers,
            CustomerRepository repository,
            ConversationRepository conversations,
            Conversations conversationApi,
            Scheduling scheduling,
            Directory directory,
            List<PersonalData> holders,
            Audit audit,
            Clock clock,
            DoNotCallList doNotCall,
            Messages messaging,
            EventRegistryErasure registry) {
        this.doNotCall = doNotCall;
        this.messaging = messaging;
        this.registry = registry;
        this.customers = customers;
        this.repository = repository;
        this.conversations = conversations;
        this.conversationApi = conversationApi;
        this.scheduling = scheduling;
        this.directory = directory;
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(
            name = "CustomerExport",
            description = "Everything the business holds about one customer; other modules add properties of their"
                    + " own: `campaigns` (each campaign the customer was a lead of: `campaignId`, `name`, `stage`,"
                    + " `attempts`, `calls` with `attempt`, `callSid`, `phone`, `placedAt`, `answeredBy`, `status`,"
                    + " `endedAt`)")
    record Export(
            CustomerJson.Response customer,
            List<ConversationExport> conversations,
            List<Appointment> appointments,
            List<Directory.OpenMessage> messages,
            Instant exportedAt,
            @JsonAnyGetter Map<String, Object> held) {}

    @Schema(name = "ConversationExport")
    record ConversationExport(
            UUID id,
            String channel,
            Instant startedAt,
            Instant endedAt,
            String outcome,
            String summary,
            String language,
            List<Conversations.Turn> transcript) {}

    @Transactional
    Export export(BusinessId business, UUID id) {
        Customer customer = customers.get(business, id);
        var talks = conversations.withPhone(business, customer.phone(), Integer.MAX_VALUE).stream()
                .map(c -> new ConversationExport(
                        c.id(),
                        c.channel(),
                        c.startedAt(),
                        c.endedAt(),
                        c.outcome() == null ? null : c.outcome().name(),
                        c.summary(),
                        c.language(),
                        conversationApi.transcript(business, c.id())))
                .toList();
        var export = new Export(
                CustomerJson.Response.of(customer),
                talks,
                scheduling.history(business, new PhoneNumber(customer.phone()), 10_000),
                directory.messagesFrom(business, customer.phone(), 500),
                clock.instant(),
                held(business, customer));
        audit.record(business, "customer.exported", "customer " + id);
        return export;
    }

    private Map<String, Object> held(BusinessId business, Customer customer) {
        Map<String, Object> held = new TreeMap<>();
        for (PersonalData holder : holders) {
            held.putAll(holder.export(business, customer.id(), new PhoneNumber(customer.phone())));
        }
        return held;
    }

    @Transactional
    void erase(BusinessId business, UUID id) {
        Customer customer = repository.find(business, id, true).orElseThrow(() -> CustomerService.notFound(id));
        PhoneNumber phone = new PhoneNumber(customer.phone());
        if (customer.doNotCall()) {
            // the person asked not to be called: the keyed hash of the number stays, without the person
            doNotCall.add(business, phone, DoNotCallList.Source.OWNER, clock.instant());
        }
        PersonalTraces person = new PersonalTraces(customer.name(), phone, customer.email());
        List<UUID> talks = conversations.anonymise(business, customer.phone());
        int appointments = scheduling.forgetCustomer(business, phone);
        int messages = directory.forgetCaller(business, customer.phone());
        int sent = messaging.forget(business, person);
        for (PersonalData holder : holders) {
            holder.erase(business, id, person, talks);
        }
        repository.delete(business, id);
        // last: what the steps above published is in the registry too
        var events = registry.forget(business, person);
        audit.record(
                business,
                "customer.erased",
                "customer " + id + "; conversations anonymised: " + talks.size() + ", appointments kept without"
                        + " personal data: " + appointments + ", messages: " + messages + ", sandbox messages: " + sent
                        + ", event publications deleted: " + events.deleted() + ", scrubbed: " + events.scrubbed());
        log.info("A customer's data was erased");
    }
}
