package dev.frontdesk.crm.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a customer from a JSON request body (a create, or a merge patch applied to the current
 * customer), collecting every bad member before anything is written.
 */
final class CustomerInput {

    static final Set<String> FIELDS = Set.of(
            "name",
            "phone",
            "email",
            "language",
            "timezone",
            "status",
            "partner",
            "smsOptOut",
            "doNotCall",
            "notes",
            "tags",
            "lead");

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _.-]{1,40}");

    private CustomerInput() {}

    /** A customer as the request describes it; null members were not given. */
    record Draft(
            PhoneNumber phone,
            String name,
            String email,
            String language,
            String timezone,
            Customer.Status status,
            String partner,
            boolean smsOptOut,
            boolean doNotCall,
            String notes,
            List<String> tags,
            boolean lead) {}

    /**
     * @param region how to read a number written without its country code (the business's), or null
     */
    static Draft read(JsonNode body, String region) {
        if (body == null || !body.isObject()) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a customer"));
            }
        }
        String phoneText = string(body, "phone", 40, errors);
        PhoneNumber phone = null;
        if (phoneText == null) {
            if (errors.stream().noneMatch(e -> e.field().equals("phone"))) {
                errors.add(new FieldError("phone", "must not be empty"));
            }
        } else {
            phone = PhoneNumber.parseLenient(phoneText, region).orElse(null);
            if (phone == null) {
                errors.add(new FieldError("phone", "must be a valid phone number, e.g. +16175550123"));
            }
        }
        String name = string(body, "name", 200, errors);
        String email = string(body, "email", 320, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        String language = language(string(body, "language", 8, errors), errors);
        String timezone = string(body, "timezone", 64, errors);
        if (timezone != null && !PhoneFacts.isZone(timezone)) {
            errors.add(new FieldError("timezone", "must be an IANA time zone, e.g. Europe/Madrid"));
        }
        Customer.Status status = null;
        String statusText = string(body, "status", 40, errors);
        if (statusText != null) {
            try {
                status = Customer.Status.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + List.of(Customer.Status.values())));
            }
        }
        String partner = string(body, "partner", 100, errors);
        boolean smsOptOut = flag(body, "smsOptOut", errors);
        boolean doNotCall = flag(body, "doNotCall", errors);
        boolean lead = flag(body, "lead", errors);
        String notes = string(body, "notes", 2000, errors);
        List<String> tags = tags(body.get("tags"), errors);
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return new Draft(
                phone, name, email, language, timezone, status, partner, smsOptOut, doNotCall, notes, tags, lead);
    }

    /** A language code as stored: the primary subtag, lower-case ({@code es-MX} is {@code es}). */
    static String language(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        String primary = text.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (!LANGUAGE.matcher(primary).matches()) {
            errors.add(new FieldError("language", "must be a language code such as en, es or fr"));
            return null;
        }
        return primary;
    }

    private static String string(JsonNode body, String name, int max, List<FieldError> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        String text = value.asString().strip();
        if (text.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private static boolean flag(JsonNode body, String name, List<FieldError> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(name, "must be true or false"));
            return false;
        }
        return value.asBoolean();
    }

    private static List<String> tags(JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > 20) {
            errors.add(new FieldError("tags", "must be an array of at most 20 tags"));
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String tag = item.isString() ? item.asString().strip().toLowerCase(Locale.ROOT) : "";
            if (!TAG.matcher(tag).matches()) {
                errors.add(new FieldError(
                        "tags[" + i + "]", "must be 1 to 40 letters, digits, spaces, dots, dashes or underscores"));
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
