package dev.frontdesk.messaging.internal;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers who opted out of a business's texts. */
@Repository
class OptOutRepository {

    private final JdbcClient jdbc;

    OptOutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean optedOut(BusinessId business, PhoneNumber phone) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE business_id = :business AND phone_number = :phone")
                        .param("business", business.value())
                        .param("phone", phone.e164())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void optOut(BusinessId business, PhoneNumber phone, java.time.Instant at) {
        jdbc.sql("INSERT INTO sms_opt_out (business_id, phone_number, opted_out_at) VALUES (:business, :phone, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("business", business.value())
                .param("phone", phone.e164())
                .param("at", dev.frontdesk.shared.Timestamps.utc(at))
                .update();
    }

    void optIn(BusinessId business, PhoneNumber phone) {
        jdbc.sql("DELETE FROM sms_opt_out WHERE business_id = :business AND phone_number = :phone")
                .param("business", business.value())
                .param("phone", phone.e164())
                .update();
    }
}
