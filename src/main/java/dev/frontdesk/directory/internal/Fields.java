package dev.frontdesk.directory.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads members of a JSON request body, collecting an error per member of the wrong type. */
final class Fields {

    private Fields() {}

    /** The body as an object; unknown members are errors. */
    static JsonNode object(JsonNode body, Set<String> known, String what, List<FieldError> errors) {
        if (body == null || !body.isObject()) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a field of " + what));
            }
        }
        return body;
    }

    /** A string member, stripped; null when absent, null or blank. */
    static String string(JsonNode body, String name, int max, List<FieldError> errors) {
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

    static Integer integer(JsonNode body, String name, int min, int max, List<FieldError> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
            return null;
        }
        return value.asInt();
    }

    /** An array of non-blank strings, stripped and without duplicates (ignoring case). */
    static List<String> strings(JsonNode body, String name, int maxItems, int maxLength, List<FieldError> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new FieldError(name, "must be an array of strings"));
            return List.of();
        }
        if (value.size() > maxItems) {
            errors.add(new FieldError(name, "must have at most " + maxItems + " items"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String field = name + "[" + i + "]";
            if (!item.isString() || item.asString().isBlank()) {
                errors.add(new FieldError(field, "must be a non-empty string"));
            } else if (item.asString().strip().length() > maxLength) {
                errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            } else if (out.stream()
                    .noneMatch(s -> s.equalsIgnoreCase(item.asString().strip()))) {
                out.add(item.asString().strip());
            }
        }
        return List.copyOf(out);
    }
}
