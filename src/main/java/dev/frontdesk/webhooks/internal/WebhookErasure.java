package dev.frontdesk.webhooks.internal;

import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.tenants.BusinessId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An erased customer leaves the business's webhook delivery log: every payload that names them (their number,
 * name or email) is scrubbed in place ({@link PersonalTraces#scrub}: the number and email become null, the name
 * {@code (erased)}), whatever its status. A delivery still waiting for its first attempt or a retry goes out
 * scrubbed (signed when it is sent, so the signature holds), and a replay from the log sends the scrubbed payload.
 * What the receiver already got is the business's own copy, outside Frontdesk.
 */
@Component
class WebhookErasure implements PersonalData {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookErasure(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void erase(BusinessId business, UUID customerId, PersonalTraces person, List<UUID> conversationIds) {
        Map<UUID, String> payloads = new LinkedHashMap<>();
        for (String pattern : person.likePatterns()) {
            jdbc.sql("SELECT id, payload FROM webhook_delivery WHERE business_id = :b AND LOWER(payload) LIKE :p")
                    .param("b", business.value())
                    .param("p", pattern)
                    .query((rs, row) -> payloads.putIfAbsent(rs.getObject("id", UUID.class), rs.getString("payload")))
                    .list();
        }
        payloads.forEach((id, payload) -> {
            JsonNode document = json.readTree(payload);
            if (person.scrub(document)) {
                jdbc.sql("UPDATE webhook_delivery SET payload = :payload WHERE id = :id")
                        .param("payload", json.writeValueAsString(document))
                        .param("id", id)
                        .update();
            }
        });
    }
}
