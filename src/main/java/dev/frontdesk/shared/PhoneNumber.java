package dev.frontdesk.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** A phone number in E.164 form ({@code +14155550100}), checked with libphonenumber. */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    /**
     * Numbers already found valid. libphonenumber's check runs a dozen regular expressions (about 4% of a
     * node's CPU under the voice load test, where every webhook names the business's number and the
     * caller's); the same few thousand numbers recur, and validity never changes for a given string.
     * Only valid numbers are kept, and the set is emptied when it reaches {@link #KNOWN_LIMIT}, so a flood
     * of distinct numbers costs memory for at most that many strings.
     */
    private static final Set<String> KNOWN_VALID = ConcurrentHashMap.newKeySet();

    private static final int KNOWN_LIMIT = 20_000;

    public PhoneNumber {
        if (e164 == null || !isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 phone number");
        }
    }

    /**
     * Accepts only a number already written in E.164 ({@code +} and up to 15 digits) that libphonenumber
     * considers valid.
     */
    public static Optional<PhoneNumber> parseStrict(String text) {
        return text != null && isE164(text) ? Optional.of(new PhoneNumber(text)) : Optional.empty();
    }

    /**
     * Accepts a number in any common written form (spaces, dashes, brackets, national format for the
     * given region) and normalises it to E.164.
     */
    public static Optional<PhoneNumber> parseLenient(String text, String defaultRegion) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        try {
            var parsed = UTIL.parse(text, defaultRegion);
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isE164(String text) {
        if (KNOWN_VALID.contains(text)) {
            return true;
        }
        if (!E164.matcher(text).matches()) {
            return false;
        }
        try {
            boolean valid = UTIL.isValidNumber(UTIL.parse(text, null));
            if (valid) {
                if (KNOWN_VALID.size() >= KNOWN_LIMIT) {
                    KNOWN_VALID.clear();
                }
                KNOWN_VALID.add(text);
            }
            return valid;
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** The ISO 3166 region the number belongs to (e.g. {@code US}, {@code ES}), if known. */
    public Optional<String> region() {
        try {
            return Optional.ofNullable(UTIL.getRegionCodeForNumber(UTIL.parse(e164, null)))
                    .filter(r -> !"ZZ".equals(r));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
