package dev.frontdesk.crm.internal;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.shared.SecretBox;
import dev.frontdesk.tenants.BusinessId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The do-not-call list of each business, which outlives the customers: an entry is a keyed hash of the
 * number (HMAC-SHA256 of the business id and the E.164 number), its last two digits, its source and when it
 * was added; never the number or a name. The key is {@code FRONTDESK_DO_NOT_CALL_KEY} (base64, 32 bytes or
 * more), else one derived from {@code FRONTDESK_SECRET_KEY}: changing the key in use makes every entry
 * unrecognisable, so production sets it once and keeps it.
 */
@Repository
class DoNotCallList {

    /** Digits of the number kept to tell entries apart. */
    static final int LAST_DIGITS = 2;

    /** At most this many numbers in one {@code IN (...)}. */
    private static final int CHUNK = 1000;

    /** Where an entry came from: the person asked on a call, the owner added it, or a list was imported. */
    enum Source {
        CALLER,
        OWNER,
        IMPORT
    }

    /** An entry as the owner sees it. */
    record Entry(String lastDigits, Source source, Instant addedAt) {}

    private final JdbcClient jdbc;
    private final byte[] key;

    DoNotCallList(JdbcClient jdbc, SecretBox secrets, @Value("${frontdesk.crm.do-not-call-key:}") String configured) {
        this.jdbc = jdbc;
        this.key = configured == null || configured.isBlank() ? secrets.derive("do-not-call") : decode(configured);
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length < 32) {
            throw new IllegalArgumentException("FRONTDESK_DO_NOT_CALL_KEY must be at least 32 random bytes in base64,"
                    + " e.g. from: openssl rand -base64 32");
        }
        return bytes;
    }

    /** The keyed hash of the business's number (hex). */
    String hash(BusinessId business, String e164) {
        return hash(mac(), business, e164);
    }

    private static String hash(Mac mac, BusinessId business, String e164) {
        return HexFormat.of().formatHex(mac.doFinal((business.value() + ":" + e164).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Adds the number unless it is listed; whether it was added. */
    boolean add(BusinessId business, PhoneNumber phone, Source source, Instant at) {
        String e164 = phone.e164();
        return jdbc.sql("INSERT INTO do_not_call (business_id, phone_hash, last_digits, source, created_at)"
                                + " VALUES (:b, :h, :d, :s, :at) ON CONFLICT DO NOTHING")
                        .param("b", business.value())
                        .param("h", hash(business, e164))
                        .param("d", e164.substring(Math.max(0, e164.length() - LAST_DIGITS)))
                        .param("s", source.name())
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Takes the number off the list; whether it was on it. */
    boolean remove(BusinessId business, PhoneNumber phone) {
        return jdbc.sql("DELETE FROM do_not_call WHERE business_id = :b AND phone_hash = :h")
                        .param("b", business.value())
                        .param("h", hash(business, phone.e164()))
                        .update()
                == 1;
    }

    /** Of these numbers (E.164), those on the business's list. */
    Set<String> listed(BusinessId business, Collection<String> phones) {
        Set<String> listed = new HashSet<>();
        List<String> all = new ArrayList<>(new HashSet<>(phones));
        Mac mac = mac();
        for (int from = 0; from < all.size(); from += CHUNK) {
            Map<String, String> byHash = new HashMap<>();
            for (String phone : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                byHash.put(hash(mac, business, phone), phone);
            }
            jdbc.sql("SELECT phone_hash FROM do_not_call WHERE business_id = :b AND phone_hash IN (:h)")
                    .param("b", business.value())
                    .param("h", byHash.keySet())
                    .query(String.class)
                    .list()
                    .forEach(h -> listed.add(byHash.get(h)));
        }
        return listed;
    }

    /** The business's entries, newest first; only this number's when {@code phone} is given. */
    List<Entry> page(BusinessId business, PhoneNumber phone, PageQuery page) {
        return jdbc.sql("SELECT last_digits, source, created_at FROM do_not_call WHERE business_id = :b"
                        + (phone == null ? "" : " AND phone_hash = :h")
                        + " ORDER BY created_at DESC, phone_hash LIMIT :limit OFFSET :offset")
                .param("b", business.value())
                .param("h", phone == null ? "" : hash(business, phone.e164()))
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query((rs, row) -> new Entry(
                        rs.getString("last_digits"),
                        Source.valueOf(rs.getString("source")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    long count(BusinessId business, PhoneNumber phone) {
        return jdbc.sql("SELECT COUNT(*) FROM do_not_call WHERE business_id = :b"
                        + (phone == null ? "" : " AND phone_hash = :h"))
                .param("b", business.value())
                .param("h", phone == null ? "" : hash(business, phone.e164()))
                .query(Long.class)
                .single();
    }
}
