package dev.frontdesk.dashboard.internal;

import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.BusinessAdmin;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.servlet.ModelAndView;

/**
 * The operator's new-business form as typed, with what the admin API's rules refused, by form field: the
 * API's {@code phoneNumbers[1]} is the second number of the phone numbers field.
 */
record OperatorForm(
        String name,
        String timezone,
        String phoneNumbers,
        String ownerPhone,
        String ownerEmail,
        String defaultLanguage,
        Map<String, String> errors) {

    private static final Pattern INDEXED = Pattern.compile("([A-Za-z]+)\\[(\\d+)]");

    static OperatorForm empty() {
        return new OperatorForm("", "America/New_York", "", "", "", "en", Map.of());
    }

    /** An operator page's model: the operator's header needs only which page is current. */
    static ModelAndView page(String view, String current) {
        return new ModelAndView(view).addObject("operator", true).addObject("current", current);
    }

    /** The numbers as typed, separated by commas, spaces or new lines. */
    List<String> numbers() {
        if (phoneNumbers == null || phoneNumbers.isBlank()) {
            return List.of();
        }
        return Arrays.stream(phoneNumbers.split("[,;\\s]+"))
                .filter(n -> !n.isBlank())
                .toList();
    }

    BusinessAdmin.NewBusiness toNewBusiness() {
        return new BusinessAdmin.NewBusiness(name, timezone, numbers(), ownerPhone, ownerEmail, defaultLanguage);
    }

    OperatorForm withErrors(List<FieldError> refused) {
        var byField = new LinkedHashMap<String, String>();
        for (FieldError error : refused) {
            Matcher indexed = INDEXED.matcher(error.field());
            if (indexed.matches()) {
                int n = Integer.parseInt(indexed.group(2));
                List<String> numbers = numbers();
                String which = n < numbers.size() ? numbers.get(n) : "number " + (n + 1);
                byField.merge(indexed.group(1), which + " " + error.message(), (a, b) -> a + "; " + b);
            } else {
                byField.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            }
        }
        if (byField.isEmpty()) {
            byField.put("form", "was refused");
        }
        return new OperatorForm(name, timezone, phoneNumbers, ownerPhone, ownerEmail, defaultLanguage, byField);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** Refusals of fields the form does not have (services, hours, settings): shown above the form. */
    public List<String> otherErrors() {
        var known = List.of("name", "timezone", "phoneNumbers", "ownerPhone", "ownerEmail", "defaultLanguage");
        return errors.entrySet().stream()
                .filter(e -> !known.contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue())
                .toList();
    }
}
