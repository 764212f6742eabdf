package dev.frontdesk.crm.internal;

import dev.frontdesk.crm.internal.LeadImportRepository.LeadImport;
import dev.frontdesk.crm.internal.LeadImportRepository.RowError;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports leads from CSV ({@code name,phone[,email][,language][,timezone][,notes]}, columns in any order),
 * streamed: rows are read and stored a chunk at a time, in one transaction for the whole file, so the good
 * rows are stored all together or not at all. Bad rows are reported with their line and reason; a number
 * seen before (in the file or among the business's customers) is merged into that customer. The counters
 * and the rejected rows are written as the import goes, in transactions of their own, so that
 * {@code GET /api/leads/imports/{id}} shows progress.
 */
@Service
class LeadImporter {

    private static final Logger log = LoggerFactory.getLogger(LeadImporter.class);

    static final int CHUNK = 1000;
    static final Set<String> COLUMNS = Set.of("name", "phone", "email", "language", "timezone", "notes");

    private final CustomerService customers;
    private final CustomerRepository repository;
    private final LeadImportRepository imports;
    private final DoNotCallList doNotCall;
    private final TransactionTemplate whole;
    private final TransactionTemplate separate;

    LeadImporter(
            CustomerService customers,
            CustomerRepository repository,
            LeadImportRepository imports,
            DoNotCallList doNotCall,
            PlatformTransactionManager transactions) {
        this.customers = customers;
        this.doNotCall = doNotCall;
        this.repository = repository;
        this.imports = imports;
        this.whole = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A row worth storing. */
    record Lead(
            long line, String name, PhoneNumber phone, String email, String language, String timezone, String notes) {

        Lead merge(Lead later) {
            return new Lead(
                    line,
                    name != null ? name : later.name,
                    phone,
                    email != null ? email : later.email,
                    language != null ? language : later.language,
                    timezone != null ? timezone : later.timezone,
                    notes != null ? notes : later.notes);
        }
    }

    /** The running counts. */
    private static final class Counts {
        long rows;
        long imported;
        long duplicates;
        long rejected;
    }

    /**
     * Reads the whole file and stores its good rows.
     *
     * @throws FrontdeskException (400) when the file is empty or its header lacks name or phone
     */
    LeadImport run(BusinessId businessId, InputStream body) throws IOException {
        return proceed(begin(businessId, body));
    }

    /** An import whose header has been read and whose record says RUNNING; {@link #proceed} reads the rows. */
    record Started(Business business, String region, CsvReader reader, Map<String, Integer> columns, LeadImport at) {}

    /**
     * Reads the header and records the import as RUNNING.
     *
     * @throws FrontdeskException (400) when the file is empty or its header lacks name or phone
     */
    Started begin(BusinessId businessId, InputStream body) throws IOException {
        Business business = customers.business(businessId);
        String region = PhoneFacts.regionOf(business.phoneNumbers()).orElse(null);
        var reader = new CsvReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Map<String, Integer> columns = header(reader.next());
        LeadImport started =
                new LeadImport(UUID.randomUUID(), businessId, "RUNNING", 0, 0, 0, 0, null, customers.now(), null);
        separate.executeWithoutResult(s -> imports.create(started));
        return new Started(business, region, reader, columns, started);
    }

    /** Reads the rows of a begun import and stores the good ones, all together or none. */
    LeadImport proceed(Started begun) {
        LeadImport started = begun.at();
        Counts counts = new Counts();
        try {
            whole.executeWithoutResult(s -> {
                try {
                    read(begun.business(), begun.region(), begun.reader(), begun.columns(), started, counts);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            log.warn("A lead import failed and stored nothing", e);
            LeadImport failed = finish(
                    started, counts, "FAILED", "The import stopped at row " + counts.rows + " and stored nothing");
            if (e instanceof UncheckedIOException io) {
                throw io; // the upload itself broke off (or was too large): the client hears about it
            }
            return failed;
        }
        return finish(started, counts, "COMPLETED", null);
    }

    private LeadImport finish(LeadImport started, Counts counts, String status, String failure) {
        boolean ok = failure == null;
        LeadImport done = new LeadImport(
                started.id(),
                started.businessId(),
                status,
                counts.rows,
                ok ? counts.imported : 0,
                ok ? counts.duplicates : 0,
                counts.rejected,
                failure,
                started.createdAt(),
                customers.now());
        separate.executeWithoutResult(s -> imports.save(done));
        return done;
    }

    private void read(
            Business business,
            String region,
            CsvReader reader,
            Map<String, Integer> columns,
            LeadImport started,
            Counts counts)
            throws IOException {
        Map<String, Lead> chunk = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        CsvReader.Row row;
        while ((row = reader.next()) != null) {
            if (row.blank()) {
                continue;
            }
            counts.rows++;
            List<String> problems = new ArrayList<>();
            Lead lead = lead(row, columns, region, problems);
            if (lead == null) {
                counts.rejected++;
                errors.add(new RowError(row.line(), String.join("; ", problems)));
            } else {
                Lead earlier = chunk.get(lead.phone().e164());
                if (earlier != null) {
                    counts.duplicates++;
                    chunk.put(lead.phone().e164(), earlier.merge(lead));
                } else {
                    chunk.put(lead.phone().e164(), lead);
                }
            }
            if (chunk.size() >= CHUNK || errors.size() >= CHUNK) {
                flush(business, chunk, errors, started, counts);
            }
        }
        flush(business, chunk, errors, started, counts);
    }

    private void flush(
            Business business, Map<String, Lead> chunk, List<RowError> errors, LeadImport started, Counts counts) {
        List<RowError> rejected = List.copyOf(errors);
        errors.clear();
        separate.executeWithoutResult(s -> imports.addErrors(started.id(), rejected));
        var now = customers.now();
        Map<String, Customer> existing = repository.findByPhones(business.id(), chunk.keySet());
        var listed = doNotCall.listed(business.id(), chunk.keySet());
        List<Customer> inserts = new ArrayList<>();
        List<Customer> updates = new ArrayList<>();
        for (Lead lead : chunk.values()) {
            Customer known = existing.get(lead.phone().e164());
            Customer row = known == null ? fresh(business, lead, now) : merged(known, lead, now);
            if (listed.contains(row.phone()) && !row.doNotCall()) {
                row = row.doNotCall(now); // on the do-not-call list (perhaps erased since): never called
            }
            (known == null ? inserts : updates).add(row);
        }
        repository.insertAll(inserts);
        repository.updateAll(updates);
        counts.imported += inserts.size();
        counts.duplicates += updates.size();
        chunk.clear();
        var progress = new LeadImport(
                started.id(),
                started.businessId(),
                "RUNNING",
                counts.rows,
                counts.imported,
                counts.duplicates,
                counts.rejected,
                null,
                started.createdAt(),
                null);
        separate.executeWithoutResult(s -> imports.save(progress));
    }

    private Customer fresh(Business business, Lead lead, java.time.Instant now) {
        return fresh(business, lead, now, Customer.Source.CSV, null);
    }

    /** A new lead from a good row (of a file, or of a partner's transfer with {@code partner} named). */
    static Customer fresh(Business business, Lead lead, java.time.Instant now, Customer.Source source, String partner) {
        Customer base = CustomerService.fresh(business, business.id(), lead.phone(), source, now);
        return new Customer(
                base.id(),
                business.id(),
                base.phone(),
                lead.name(),
                lead.email(),
                base.country(),
                lead.language() != null ? lead.language() : base.language(),
                lead.timezone() != null ? lead.timezone() : base.timezone(),
                source,
                partner,
                Customer.Status.NEW,
                true,
                false,
                false,
                lead.notes(),
                List.of(),
                now,
                now,
                null);
    }

    /** A known customer with what the file adds: blanks filled in, a language or zone the file states. */
    private static Customer merged(Customer c, Lead lead, java.time.Instant now) {
        return new Customer(
                c.id(),
                c.businessId(),
                c.phone(),
                c.name() != null ? c.name() : lead.name(),
                c.email() != null ? c.email() : lead.email(),
                c.country(),
                lead.language() != null ? lead.language() : c.language(),
                lead.timezone() != null ? lead.timezone() : c.timezone(),
                c.source(),
                c.partner(),
                c.status(),
                true,
                c.smsOptOut(),
                c.doNotCall(),
                c.notes() != null ? c.notes() : lead.notes(),
                c.tags(),
                c.createdAt(),
                now,
                c.lastContactAt());
    }

    /** The row as a lead, or null with the reasons it is not one. */
    static Lead lead(CsvReader.Row row, Map<String, Integer> columns, String region, List<String> problems) {
        if (row.error() != null) {
            problems.add(row.error());
            return null;
        }
        int expected = columns.get("#");
        if (row.fields().size() != expected) {
            problems.add("has " + row.fields().size() + " fields, the header has " + expected);
            return null;
        }
        String name = field(row, columns, "name");
        if (name == null) {
            problems.add("name is empty");
        } else if (name.length() > 200) {
            problems.add("name is longer than 200 characters");
        }
        String phoneText = field(row, columns, "phone");
        PhoneNumber phone = phoneText == null
                ? null
                : PhoneNumber.parseLenient(phoneText, region).orElse(null);
        if (phoneText == null) {
            problems.add("phone is empty");
        } else if (phone == null) {
            problems.add("phone is not a valid phone number");
        }
        String email = field(row, columns, "email");
        if (email != null
                && (email.length() > 320 || !CustomerInput.EMAIL.matcher(email).matches())) {
            problems.add("email is not an email address");
        }
        String languageText = field(row, columns, "language");
        String language = CustomerInput.language(languageText, new ArrayList<>());
        if (languageText != null && language == null) {
            problems.add("language is not a language code such as en, es or fr");
        }
        String timezone = field(row, columns, "timezone");
        if (timezone != null && !PhoneFacts.isZone(timezone)) {
            problems.add("timezone is not an IANA time zone such as Europe/Madrid");
        }
        String notes = field(row, columns, "notes");
        if (notes != null && notes.length() > 2000) {
            problems.add("notes are longer than 2000 characters");
        }
        return problems.isEmpty() ? new Lead(row.line(), name, phone, email, language, timezone, notes) : null;
    }

    private static String field(CsvReader.Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            return null;
        }
        String value = row.fields().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** Column positions by name (and "#": how many columns); a 400 problem when name or phone is missing. */
    static Map<String, Integer> header(CsvReader.Row header) {
        if (header == null || header.blank()) {
            throw invalid("The file is empty: its first line must name the columns, e.g. name,phone,email");
        }
        if (header.error() != null) {
            throw invalid("The header line cannot be read: " + header.error());
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
                throw invalid("The header names the column " + name + " twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("name", "phone")) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw invalid("The header line has no " + String.join(" and no ", missing) + " column (columns: "
                    + String.join(",", List.of("name", "phone", "email", "language", "timezone", "notes"))
                    + ", in any order)");
        }
        columns.put("#", header.fields().size());
        return columns;
    }

    private static FrontdeskException invalid(String detail) {
        return FrontdeskException.badRequest("invalid-csv", "Invalid CSV file", detail);
    }
}
