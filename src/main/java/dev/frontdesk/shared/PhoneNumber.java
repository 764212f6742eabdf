package dev.frontdesk.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** A phone number in E.164 form ({@code +14155550100}), checked with libphonenumber. */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

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
        if (!text.matches("\\+[1-9]\\d{1,14}")) {
            return false;
        }
        try {
            return UTIL.isValidNumber(UTIL.parse(text, null));
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
