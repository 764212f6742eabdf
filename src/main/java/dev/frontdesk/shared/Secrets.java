package dev.frontdesk.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keys and tokens: a random 32-byte secret behind a short public prefix, e.g.
 * {@code fdk_Ab12Cd34_<43 characters>}. Only the prefix (for look-up) and the SHA-256 of the whole
 * key are stored; the key itself is shown once.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final String PREFIX_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PREFIX_LENGTH = 8;

    private Secrets() {}

    /** A freshly issued secret: the plain value (show once), its public prefix and its hash (store). */
    public record Issued(String plain, String prefix, String hash) {
        @Override
        public String toString() {
            return "Issued[prefix=" + prefix + "]";
        }
    }

    /** Issues a new secret of the given kind ({@code fdk} API key, {@code fdw} widget token, ...). */
    public static Issued issue(String kind) {
        var prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String plain = kind + "_" + prefix + "_" + BASE64.encodeToString(secret);
        return new Issued(plain, prefix.toString(), sha256(plain));
    }

    /** The public prefix of a presented key of the given kind, if it is shaped like one. */
    public static Optional<String> prefixOf(String kind, String presented) {
        if (presented == null || presented.length() > 200) {
            return Optional.empty();
        }
        String start = kind + "_";
        if (!presented.startsWith(start) || presented.length() < start.length() + PREFIX_LENGTH + 2) {
            return Optional.empty();
        }
        String prefix = presented.substring(start.length(), start.length() + PREFIX_LENGTH);
        if (presented.charAt(start.length() + PREFIX_LENGTH) != '_') {
            return Optional.empty();
        }
        return Optional.of(prefix);
    }

    /** Compares a presented key with a stored hash in constant time. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sha256(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Hex SHA-256 of a value. */
    public static String sha256(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
