package dev.frontdesk.telephony.internal;

import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An erased customer's number leaves the business's call records (the calls themselves stay). */
@Component
class CallerErasure implements PersonalData {

    private final JdbcClient jdbc;

    CallerErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(BusinessId business, UUID customerId, PhoneNumber phone, List<UUID> conversationIds) {
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
