package dev.frontdesk.tenants.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.BusinessEditor;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link BusinessEditor} for the dashboard: a change becomes the JSON merge patch that
 * {@code PATCH /api/settings} would receive, so it goes through the same {@link BusinessService#patch} and
 * {@link BusinessValidator} (one transaction: all of it or nothing).
 */
@Service
class BusinessEditing implements BusinessEditor {

    private final BusinessService businesses;
    private final JsonMapper json;

    BusinessEditing(BusinessService businesses, JsonMapper json) {
        this.businesses = businesses;
        this.json = json;
    }

    @Override
    public Saved change(BusinessId business, Change change, String by) {
        try {
            return new Saved(
                    businesses
                            .patch(business, patch(change), Actor.dashboard(by), false)
                            .business(),
                    List.of());
        } catch (FrontdeskException e) {
            if (!"validation".equals(e.type())) {
                throw e;
            }
            return new Saved(null, errors(e));
        }
    }

    @Override
    public KeyPrefixes keyPrefixes(BusinessId business) {
        BusinessEntity entity = businesses.get(business);
        return new KeyPrefixes(
                BusinessService.API_KEY_KIND + "_" + entity.apiKeyPrefix(),
                BusinessService.WIDGET_TOKEN_KIND + "_" + entity.widgetTokenPrefix());
    }

    @Override
    public Issued rotateApiKey(BusinessId business, String by) {
        var key = businesses.rotateApiKey(business, Actor.dashboard(by));
        return new Issued(key.plain(), key.prefix());
    }

    @Override
    public Issued rotateWidgetToken(BusinessId business, String by) {
        var token = businesses.rotateWidgetToken(business, Actor.dashboard(by));
        return new Issued(token.plain(), token.prefix());
    }

    /** The merge patch of the settings API for this change: only the members given. */
    ObjectNode patch(Change change) {
        ObjectNode patch = json.createObjectNode();
        if (change.hours() != null) {
            // the whole week: a day not given is removed (closed)
            ObjectNode hours = patch.putObject("hours");
            for (var day : java.time.DayOfWeek.values()) {
                hours.putNull(day.name());
            }
            change.hours().forEach((day, ranges) -> hours.set(day, strings(ranges)));
        }
        if (change.closedDates() != null) {
            patch.set("closedDates", strings(change.closedDates()));
        }
        if (change.services() != null) {
            ArrayNode services = patch.putArray("services");
            for (Service s : change.services()) {
                ObjectNode service = services.addObject();
                service.put("name", s.name());
                service.put("durationMinutes", s.durationMinutes());
                service.put("priceText", s.priceText());
                service.set("aliases", strings(s.aliases() == null ? List.of() : s.aliases()));
            }
        }
        if (change.emergencyKeywords() != null) {
            patch.set("emergencyKeywords", strings(change.emergencyKeywords()));
        }
        if (change.greeting() != null) {
            textOrDefault(patch, "greeting", change.greeting());
        }
        if (change.prompt() != null || change.voice() != null) {
            ObjectNode assistant = patch.putObject("settings").putObject("assistant");
            if (change.prompt() != null) {
                textOrDefault(assistant, "prompt", change.prompt());
            }
            if (change.voice() != null) {
                textOrDefault(assistant, "voice", change.voice().strip());
            }
        }
        if (change.reminderHours() != null) {
            ObjectNode settings =
                    patch.has("settings") ? (ObjectNode) patch.get("settings") : patch.putObject("settings");
            settings.putObject("scheduling").put("defaultReminderHours", change.reminderHours());
        }
        return patch;
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Blank removes the member, so the default applies (a merge patch's null). */
    private static void textOrDefault(ObjectNode node, String field, String value) {
        if (value.isBlank()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(FrontdeskException e) {
        var properties = e.toProblem().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        return errors instanceof List<?> list ? (List<FieldError>) list : List.of();
    }
}
