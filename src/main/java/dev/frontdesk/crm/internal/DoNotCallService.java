package dev.frontdesk.crm.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Audit;
import dev.frontdesk.tenants.BusinessId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of the do-not-call list: numbers added and removed one at a time or imported in bulk.
 * The business's customer with a number follows the list (DO_NOT_CALL when added, back to NEW when
 * removed), so that the list and the customers never disagree.
 */
@Service
class DoNotCallService {

    /** Numbers in one import. */
    static final int MAX_IMPORT = 1000;

    private final DoNotCallList list;
    private final CustomerService customers;
    private final CustomerRepository repository;
    private final Audit audit;

    DoNotCallService(DoNotCallList list, CustomerService customers, CustomerRepository repository, Audit audit) {
        this.list = list;
        this.customers = customers;
        this.repository = repository;
        this.audit = audit;
    }

    /** What the owner asked to add: whether it was new, and the entry. */
    record Added(boolean added, DoNotCallList.Entry entry) {}

    /** What an import did. */
    record Imported(int added, int alreadyListed) {}

    @Transactional(readOnly = true)
    PageResponse<DoNotCallList.Entry> list(BusinessId business, String phone, PageQuery page) {
        PhoneNumber number = phone == null || phone.isBlank() ? null : phone(business, "phone", phone);
        return PageResponse.of(list.page(business, number, page), list.count(business, number), page);
    }

    @Transactional
    Added add(BusinessId business, String phone) {
        PhoneNumber number = phone(business, "phone", phone);
        boolean added = list.add(business, number, DoNotCallList.Source.OWNER, customers.now());
        follow(business, number, true);
        if (added) {
            audit.record(business, "do-not-call.added", "a number ending in " + lastDigits(number) + " (owner)");
        }
        return new Added(added, list.page(business, number, PageQuery.of(1, 1)).getFirst());
    }

    /** Adds every number, or none when one of them is not a phone number (each bad one is listed). */
    @Transactional
    Imported importAll(BusinessId business, List<String> phones) {
        if (phones == null || phones.isEmpty()) {
            throw FrontdeskException.validation(List.of(new FieldError("phones", "must list at least one number")));
        }
        if (phones.size() > MAX_IMPORT) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("phones", "at most " + MAX_IMPORT + " numbers at once")));
        }
        String region = region(business);
        List<FieldError> errors = new ArrayList<>();
        Set<PhoneNumber> numbers = new LinkedHashSet<>();
        for (int i = 0; i < phones.size(); i++) {
            String text = phones.get(i);
            var parsed = text == null || text.length() > 40
                    ? java.util.Optional.<PhoneNumber>empty()
                    : PhoneNumber.parseLenient(text.strip(), region);
            if (parsed.isEmpty()) {
                errors.add(new FieldError("phones[" + i + "]", "must be a valid phone number, e.g. +16175550123"));
            } else {
                numbers.add(parsed.get());
            }
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        int added = 0;
        var now = customers.now();
        for (PhoneNumber number : numbers) {
            if (list.add(business, number, DoNotCallList.Source.IMPORT, now)) {
                added++;
            }
            follow(business, number, true);
        }
        audit.record(business, "do-not-call.imported", added + " numbers added");
        return new Imported(added, numbers.size() - added);
    }

    /**
     * Takes the number off the list (and its customer off do-not-call).
     *
     * @throws FrontdeskException 404 when the number is neither on the list nor a do-not-call customer's
     */
    @Transactional
    void remove(BusinessId business, String phone) {
        PhoneNumber number = phone(business, "phone", phone);
        boolean removed = list.remove(business, number);
        boolean customer = follow(business, number, false);
        if (!removed && !customer) {
            throw FrontdeskException.notFound("A do-not-call entry for this number");
        }
        audit.record(business, "do-not-call.removed", "a number ending in " + lastDigits(number));
    }

    /** The business's customer with the number, if any, put on or taken off do-not-call; whether it changed. */
    private boolean follow(BusinessId business, PhoneNumber phone, boolean listed) {
        var current = repository.findByPhone(business, phone.e164(), true).orElse(null);
        if (current == null || current.doNotCall() == listed) {
            return false;
        }
        Customer changed = listed
                ? current.doNotCall(customers.now())
                : current.withFlags(
                        current.status() == Customer.Status.DO_NOT_CALL ? Customer.Status.NEW : current.status(),
                        current.smsOptOut(),
                        false,
                        customers.now());
        repository.update(changed);
        customers.statusChanged(current, changed);
        return true;
    }

    private PhoneNumber phone(BusinessId business, String field, String text) {
        if (text == null || text.isBlank()) {
            throw FrontdeskException.validation(List.of(new FieldError(field, "must not be empty")));
        }
        String given = text.strip();
        if (text.startsWith(" ") && !given.isEmpty() && Character.isDigit(given.charAt(0))) {
            given = "+" + given; // a '+' in a query string that was not encoded arrives as a space
        }
        var parsed = given.length() > 40
                ? java.util.Optional.<PhoneNumber>empty()
                : PhoneNumber.parseLenient(given, region(business));
        return parsed.orElseThrow(() -> FrontdeskException.validation(
                List.of(new FieldError(field, "must be a valid phone number, e.g. +16175550123"))));
    }

    private String region(BusinessId business) {
        return PhoneFacts.regionOf(customers.business(business).phoneNumbers()).orElse(null);
    }

    private static String lastDigits(PhoneNumber phone) {
        String e164 = phone.e164();
        return e164.substring(Math.max(0, e164.length() - DoNotCallList.LAST_DIGITS));
    }
}
