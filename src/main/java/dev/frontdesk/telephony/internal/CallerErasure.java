package dev.frontdesk.telephony.internal;

import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's number leaves the business's call records (the calls themselves stay), and the stored
 * answers to Twilio's webhooks (kept so a redelivered request gets the same answer) of their calls, or that name
 * them or their number, are deleted: a redelivery after an erasure is no longer expected.
 */
@Component
class CallerErasure implements PersonalData {

    private final JdbcClient jdbc;

    CallerErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(BusinessId business, UUID customerId, PersonalTraces person, List<UUID> conversationIds) {
        PhoneNumber phone = person.phone();
        // the stored answers to the customer's calls (keyed by their call's sid) and any answer naming them
        List<String> calls = jdbc.sql("SELECT call_sid FROM call_record WHERE business_id = :b"
                        + " AND (from_number = :phone OR to_number = :phone)")
                .param("b", business.value())
                .param("phone", phone.e164())
                .query(String.class)
                .list();
        for (String sid : calls) {
            jdbc.sql("DELETE FROM twilio_webhook_reply WHERE request_key LIKE :sid")
                    .param("sid", "%" + sid + "%")
                    .update();
        }
        for (String pattern : person.likePatterns()) {
            List<String> keys = jdbc.sql(
                            "SELECT request_key, twiml FROM twilio_webhook_reply WHERE LOWER(twiml) LIKE :p")
                    .param("p", pattern)
                    .query((rs, row) -> person.appearsIn(rs.getString("twiml")) ? rs.getString("request_key") : null)
                    .list();
            keys.stream()
                    .filter(java.util.Objects::nonNull)
                    .forEach(key -> jdbc.sql("DELETE FROM twilio_webhook_reply WHERE request_key = :k")
                            .param("k", key)
                            .update());
        }
        jdbc.sql("UPDATE call_record SET from_number = NULL, recording_url = NULL"
                        + " WHERE business_id = :b AND from_number = :phone")
                .param("b", business.value())
                .param("phone", phone.e164())
                .update();
        jdbc.sql("UPDATE call_record SET to_number = '(erased)', recording_url = NULL"
                        + " WHERE business_id = :b AND to_number = :phone")
                .param("b", business.value())
                .param("phone", phone.e164())
                .update();
    }
}
