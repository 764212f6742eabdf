package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.CustomerBook;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** {@link CustomerBook} on the same services as the customers and leads API. */
@Service
class CustomerBookService implements CustomerBook {

    private static final Logger log = LoggerFactory.getLogger(CustomerBookService.class);

    private final CustomerService customers;
    private final CustomerRepository repository;
    private final Timeline timeline;
    private final LeadImporter importer;
    private final LeadImportRepository imports;
    private final JsonMapper json;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    CustomerBookService(
            CustomerService customers,
            CustomerRepository repository,
            Timeline timeline,
            LeadImporter importer,
            LeadImportRepository imports,
            JsonMapper json) {
        this.customers = customers;
        this.repository = repository;
        this.timeline = timeline;
        this.importer = importer;
        this.imports = imports;
        this.json = json;
    }

    @Override
    public PageResponse<Profile> list(BusinessId business, Filter filter, PageQuery page) {
        var wanted = CustomerController.filter(null, filter.status(), filter.language(), null, null, filter.text());
        return customers.list(business, wanted, page).map(CustomerBookService::profile);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Profile> find(BusinessId business, UUID customer) {
        return repository.find(business, customer, false).map(CustomerBookService::profile);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Profile> withPhone(BusinessId business, String phone) {
        return phone == null
                ? Optional.empty()
                : repository.findByPhone(business, phone, false).map(CustomerBookService::profile);
    }

    @Override
    public PageResponse<TimelineEntry> timeline(BusinessId business, UUID customer, PageQuery page) {
        return timeline.of(business, customer, page)
                .map(e -> new TimelineEntry(
                        e.type(),
                        e.at(),
                        e.id(),
                        e.channel(),
                        e.outcome(),
                        e.summary(),
                        e.service(),
                        e.status(),
                        e.end(),
                        e.text()));
    }

    @Override
    public Profile setContactFlags(BusinessId business, UUID customer, boolean doNotCall, boolean smsOptOut) {
        var patch = json.valueToTree(Map.of("doNotCall", doNotCall, "smsOptOut", smsOptOut));
        return profile(customers.patch(business, customer, (tools.jackson.databind.JsonNode) patch));
    }

    @Override
    public LeadImport startLeadImport(BusinessId business, Path csv) throws IOException {
        InputStream in = Files.newInputStream(csv);
        LeadImporter.Started begun;
        try {
            begun = importer.begin(business, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            Files.deleteIfExists(csv);
            throw e;
        }
        background.execute(() -> {
            try (in) {
                importer.proceed(begun);
            } catch (IOException | RuntimeException e) {
                log.warn("A lead import from the dashboard broke off", e);
            } finally {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded lead file {}", csv, e);
                }
            }
        });
        return status(begun.at(), 0);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.SequencedMap<String, Long> leadStatusCounts(
            BusinessId business, java.time.Instant from, java.time.Instant to) {
        var counted = repository.leadStatusCounts(business, from, to);
        var counts = new java.util.LinkedHashMap<String, Long>();
        STATUSES.forEach(status -> counts.put(status, counted.getOrDefault(status, 0L)));
        return counts;
    }

    @Override
    public Optional<LeadImport> leadImport(BusinessId business, UUID id, int errorsShown) {
        return imports.find(business, id).map(i -> status(i, errorsShown));
    }

    @Override
    public boolean writeLeadImportErrors(BusinessId business, UUID id, java.io.OutputStream out) throws IOException {
        var found = imports.find(business, id);
        if (found.isEmpty()) {
            return false;
        }
        RejectedRowsCsv.write(imports, found.get().id(), out);
        return true;
    }

    private LeadImport status(LeadImportRepository.LeadImport i, int errorsShown) {
        return new LeadImport(
                i.id(),
                i.status(),
                i.rows(),
                i.imported(),
                i.duplicates(),
                i.rejected(),
                i.failure(),
                errorsShown <= 0
                        ? java.util.List.of()
                        : imports.errors(i.id(), errorsShown).stream()
                                .map(e -> new RowError(e.line(), e.reason()))
                                .toList(),
                i.createdAt(),
                i.finishedAt());
    }

    private static Profile profile(Customer c) {
        return new Profile(
                c.id(),
                c.name(),
                c.phone(),
                c.email(),
                c.language(),
                c.timezone(),
                c.status().name(),
                c.source().name(),
                c.partner(),
                c.lead(),
                c.doNotCall(),
                c.smsOptOut(),
                c.notes(),
                c.tags(),
                c.createdAt(),
                c.lastContactAt());
    }
}
