package dev.frontdesk.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a person being erased is written in stored data: their number (E.164, its digits, the national number's
 * digits and its national and international formats, e.g. {@code +16175550181}, {@code 6175550181}, {@code (617)
 * 555-0181}, {@code +1 617-555-0181}), their full name and their email. Used by the erasure of a customer to find
 * and scrub what other records (serialized events, webhook payloads, sandbox messages) still say about them.
 *
 * @param name the full name; null or shorter than 3 characters: not looked for (it would match too much)
 * @param phone the number
 * @param email the email address, or null
 */
public record PersonalTraces(String name, PhoneNumber phone, String email) {

    /** What replaces an erased value that cannot simply be left out. */
    public static final String ERASED = "(erased)";

    /** Fields of free text (a caller's words, notes); in a document that names the person they go whole. */
    private static final Set<String> FREE_TEXT = Set.of("notes", "summary", "text", "body", "message", "transcript");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PersonalTraces {
        name = name == null || name.strip().length() < 3 ? null : name.strip();
        email = email == null || email.isBlank() ? null : email.strip();
    }

    /** The number's written forms, longest first (so replacing them leaves no shorter form behind). */
    public List<String> phoneForms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(phone.e164());
        try {
            var parsed = UTIL.parse(phone.e164(), null);
            forms.add(UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL));
            forms.add(UTIL.format(parsed, PhoneNumberFormat.NATIONAL));
        } catch (NumberParseException e) {
            // an E.164 PhoneNumber always parses; the digits below still cover it
        }
        forms.add(phone.e164().substring(1));
        forms.add(nationalDigits());
        return forms.stream()
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .toList();
    }

    /** The national (significant) number's digits, e.g. {@code 6175550181}: in every written form of the number. */
    public String nationalDigits() {
        try {
            return String.valueOf(UTIL.parse(phone.e164(), null).getNationalNumber());
        } catch (NumberParseException e) {
            return phone.e164().substring(1);
        }
    }

    /**
     * Lower-case SQL {@code LIKE} patterns that pre-select rows that may hold the person (compare with {@code
     * LOWER(column) LIKE :pattern}): the national digits, the national format, the name and the email.
     */
    public List<String> likePatterns() {
        List<String> patterns = new ArrayList<>();
        patterns.add("%" + nationalDigits() + "%");
        phoneForms().stream()
                .filter(form -> !form.chars().allMatch(c -> Character.isDigit(c) || c == '+'))
                .forEach(form -> patterns.add("%" + escapeLike(form.toLowerCase(Locale.ROOT)) + "%"));
        if (name != null) {
            patterns.add("%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%");
        }
        if (email != null) {
            patterns.add("%" + escapeLike(email.toLowerCase(Locale.ROOT)) + "%");
        }
        return List.copyOf(new LinkedHashSet<>(patterns));
    }

    /** Whether {@code text} mentions the person: a form of the number (also with other separators), name or email. */
    public boolean appearsIn(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (name != null && lower.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (email != null && lower.contains(email.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return digitsIn(text).contains(nationalDigits());
    }

    /**
     * {@code text} with every mention of the person replaced by {@value #ERASED}; when the number is still there
     * in another spelling (e.g. {@code 617.555.0181}), the whole text is {@value #ERASED}.
     */
    public String redact(String text) {
        if (!appearsIn(text)) {
            return text;
        }
        String redacted = text;
        List<String> words = new ArrayList<>(phoneForms());
        if (name != null) {
            words.add(name);
        }
        if (email != null) {
            words.add(email);
        }
        for (String word : words) {
            redacted = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE)
                    .matcher(redacted)
                    .replaceAll(ERASED);
        }
        return appearsIn(redacted) ? ERASED : redacted;
    }

    /**
     * Scrubs a JSON document in place: a value that is the person's number or email (a string, or a {@code
     * {"e164": ...}} object) becomes null, their name becomes {@value #ERASED}, a text that mentions them is
     * {@linkplain #redact redacted}; when anything was found, free-text fields ({@code notes}, {@code summary},
     * {@code text}, {@code body}, {@code message}, {@code transcript}) become null as well, since they are the
     * person's words. Returns whether anything changed.
     */
    public boolean scrub(JsonNode document) {
        boolean changed = walk(document);
        if (changed) {
            clearFreeText(document);
        }
        return changed;
    }

    private boolean walk(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (String property : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(property);
                if (isPhoneObject(value) || (value.isString() && isIdentifier(value.asString()))) {
                    object.putNull(property);
                    changed = true;
                } else if (value.isString() && appearsIn(value.asString())) {
                    object.put(property, redact(value.asString()));
                    changed = true;
                } else if (value.isContainer()) {
                    changed |= walk(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (isPhoneObject(value) || (value.isString() && isIdentifier(value.asString()))) {
                    array.setNull(i);
                    changed = true;
                } else if (value.isString() && appearsIn(value.asString())) {
                    array.set(i, redact(value.asString()));
                    changed = true;
                } else if (value.isContainer()) {
                    changed |= walk(value);
                }
            }
        }
        return changed;
    }

    private void clearFreeText(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String property : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(property);
                if (FREE_TEXT.contains(property) && value.isString()) {
                    object.putNull(property);
                } else if (value.isContainer()) {
                    clearFreeText(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::clearFreeText);
        }
    }

    /** The whole value is the number (in any form) or the email. */
    private boolean isIdentifier(String value) {
        String stripped = value.strip();
        if (email != null && stripped.equalsIgnoreCase(email)) {
            return true;
        }
        String digits = digitsIn(stripped);
        return !digits.isEmpty()
                && digits.endsWith(nationalDigits())
                && stripped.chars().noneMatch(Character::isLetter);
    }

    private boolean isPhoneObject(JsonNode value) {
        return value instanceof ObjectNode object
                && object.size() == 1
                && object.get("e164") != null
                && object.get("e164").isString()
                && appearsIn(object.get("e164").asString());
    }

    private static String digitsIn(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
