package dev.frontdesk.messaging.internal;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.SecretBox;
import dev.frontdesk.tenants.BusinessId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customers who opted out of a business's texts. An entry holds the E.164 number, or, once the customer was
 * erased, a keyed hash of it ({@code #} and 19 base64url characters of an HMAC-SHA256 of the business id and the
 * number, under a key derived from {@code FRONTDESK_SECRET_KEY}): the opt-out outlives the customer, the number
 * does not. Both forms are checked before every text.
 */
@Repository
class OptOutRepository {

    private final JdbcClient jdbc;
    private final byte[] key;

    OptOutRepository(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.key = secrets.derive("sms-opt-out");
    }

    boolean optedOut(BusinessId business, PhoneNumber phone) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE business_id = :business AND phone_number IN (:phones)")
                        .param("business", business.value())
                        .param("phones", List.of(phone.e164(), erased(business, phone)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void optOut(BusinessId business, PhoneNumber phone, java.time.Instant at) {
        insert(business, phone.e164(), OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
    }

    void optIn(BusinessId business, PhoneNumber phone) {
        jdbc.sql("DELETE FROM sms_opt_out WHERE business_id = :business AND phone_number IN (:phones)")
                .param("business", business.value())
                .param("phones", List.of(phone.e164(), erased(business, phone)))
                .update();
    }

    /** An erased customer's opt-out keeps only the keyed hash of the number; true if they had opted out. */
    boolean forget(BusinessId business, PhoneNumber phone) {
        var since = jdbc.sql(
                        "SELECT opted_out_at FROM sms_opt_out WHERE business_id = :business AND phone_number = :phone")
                .param("business", business.value())
                .param("phone", phone.e164())
                .query(OffsetDateTime.class)
                .optional();
        if (since.isEmpty()) {
            return false;
        }
        insert(business, erased(business, phone), since.get());
        jdbc.sql("DELETE FROM sms_opt_out WHERE business_id = :business AND phone_number = :phone")
                .param("business", business.value())
                .param("phone", phone.e164())
                .update();
        return true;
    }

    private void insert(BusinessId business, String entry, OffsetDateTime at) {
        jdbc.sql("INSERT INTO sms_opt_out (business_id, phone_number, opted_out_at) VALUES (:business, :phone, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("business", business.value())
                .param("phone", entry)
                .param("at", at.withOffsetSameInstant(java.time.ZoneOffset.UTC))
                .update();
    }

    /** The entry that stands for the number once its customer is erased (20 characters, like the column). */
    private String erased(BusinessId business, PhoneNumber phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((business.value() + "|" + phone.e164()).getBytes(StandardCharsets.UTF_8));
            return "#"
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 19);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
