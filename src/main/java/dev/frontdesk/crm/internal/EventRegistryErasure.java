package dev.frontdesk.crm.internal;

import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.tenants.BusinessId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An erased customer leaves Spring Modulith's event publication registry ({@code event_publication}), where the
 * events between modules are kept as JSON until every listener has handled them (and, once handled, until the
 * retention deletes them). Only the business's publications that mention the person (number in any form, name,
 * email) are touched:
 *
 * <ul>
 *   <li>a completed publication is deleted: it is history nobody reads again (Modulith only ever deletes
 *       completed publications), and a scrubbed copy would keep nothing worth keeping;
 *   <li>an incomplete one (its listener failed, or its node died before finishing) is kept, so it is still
 *       delivered on the next resubmission or restart, with the personal fields scrubbed inside the serialized
 *       event ({@link PersonalTraces#scrub}): the number and email become null, the name {@code (erased)}, the
 *       free text goes. The listeners then act as they would for an erased customer: the CRM creates no
 *       customer from a number it cannot read, nothing is texted or mailed to nobody, the webhook and the
 *       calendar still hear of the booking, without the person.
 * </ul>
 *
 * A listener already running when the erasure commits still holds the event as it was published, in memory;
 * what it writes is its own module's data (a webhook delivery, a sandbox message), which an erasure a moment
 * later would find. The registry is matched by the events' JSON, so a new event type needs no change here.
 */
@Component
class EventRegistryErasure {

    private static final Logger log = LoggerFactory.getLogger(EventRegistryErasure.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventRegistryErasure(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Publication rows deleted (completed) and scrubbed (incomplete). */
    record Forgotten(int deleted, int scrubbed) {}

    Forgotten forget(BusinessId business, PersonalTraces person) {
        Map<UUID, Candidate> candidates = new LinkedHashMap<>();
        for (String pattern : person.likePatterns()) {
            // every event of the modules carries the business's id; the same number at another business stays
            jdbc.sql("SELECT id, event_type, serialized_event, completion_date FROM event_publication"
                            + " WHERE serialized_event LIKE :business AND LOWER(serialized_event) LIKE :pattern")
                    .param("business", "%" + business.value() + "%")
                    .param("pattern", pattern)
                    .query((rs, row) -> candidates.putIfAbsent(
                            rs.getObject("id", UUID.class),
                            new Candidate(
                                    rs.getString("event_type"),
                                    rs.getString("serialized_event"),
                                    rs.getObject("completion_date") != null)))
                    .list();
        }
        int deleted = 0;
        int scrubbed = 0;
        for (var entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            JsonNode event = json.readTree(candidate.serialized());
            if (!person.scrub(event)) {
                continue; // the pattern matched something else (e.g. digits inside another value)
            }
            int updated = candidate.completed()
                    ? 0
                    : jdbc.sql("UPDATE event_publication SET serialized_event = :event"
                                    + " WHERE id = :id AND completion_date IS NULL")
                            .param("event", serialized(candidate.type(), event))
                            .param("id", entry.getKey())
                            .update();
            if (updated == 1) {
                scrubbed++;
            } else {
                // completed, also when its listener finished between the read and the update
                deleted += jdbc.sql("DELETE FROM event_publication WHERE id = :id AND completion_date IS NOT NULL")
                        .param("id", entry.getKey())
                        .update();
            }
        }
        return new Forgotten(deleted, scrubbed);
    }

    /**
     * The scrubbed event as Modulith itself writes it (its serializer is this same JSON mapper): read back into
     * the event's class and written again, so the registry can still match it; as the scrubbed JSON when the class
     * cannot take it back.
     */
    private String serialized(String type, JsonNode scrubbed) {
        String text = json.writeValueAsString(scrubbed);
        try {
            Object event =
                    json.readValue(text, Class.forName(type, false, getClass().getClassLoader()));
            return json.writeValueAsString(event);
        } catch (ClassNotFoundException | RuntimeException e) {
            log.warn("A scrubbed event of type {} does not read back into its class; kept as scrubbed JSON", type);
            return text;
        }
    }

    private record Candidate(String type, String serialized, boolean completed) {}
}
