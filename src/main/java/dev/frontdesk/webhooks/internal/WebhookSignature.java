package dev.frontdesk.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Frontdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}: the key
 * is the secret's UTF-8 bytes, the message the timestamp, a dot and the exact body sent. A receiver
 * recomputes it, compares in constant time and refuses old timestamps (replays).
 */
final class WebhookSignature {

    static final String HEADER = "X-Frontdesk-Signature";

    private WebhookSignature() {}

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
