package dev.frontdesk.crm.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.frontdesk.shared.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a phone number says about its holder: the country (libphonenumber's region), the time zone
 * (libphonenumber's time-zone map, by area code where a country has several) and a likely language.
 */
final class PhoneFacts {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Where a number range spans several zones (e.g. Spain with the Canaries), the one most numbers are in. */
    private static final Set<String> MAIN_ZONES = Set.of(
            "Europe/Madrid",
            "Europe/London",
            "Europe/Lisbon",
            "America/New_York",
            "Europe/Paris",
            "Australia/Sydney",
            "America/Sao_Paulo",
            "America/Mexico_City",
            "America/Toronto",
            "Europe/Moscow");

    /** The usual language of a country, for the languages the assistant speaks best and a few more. */
    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("ES", "es"),
            Map.entry("MX", "es"),
            Map.entry("AR", "es"),
            Map.entry("CO", "es"),
            Map.entry("CL", "es"),
            Map.entry("PE", "es"),
            Map.entry("VE", "es"),
            Map.entry("EC", "es"),
            Map.entry("GT", "es"),
            Map.entry("CU", "es"),
            Map.entry("BO", "es"),
            Map.entry("DO", "es"),
            Map.entry("HN", "es"),
            Map.entry("PY", "es"),
            Map.entry("SV", "es"),
            Map.entry("NI", "es"),
            Map.entry("CR", "es"),
            Map.entry("PA", "es"),
            Map.entry("UY", "es"),
            Map.entry("PR", "es"),
            Map.entry("FR", "fr"),
            Map.entry("MC", "fr"),
            Map.entry("SN", "fr"),
            Map.entry("CI", "fr"),
            Map.entry("ML", "fr"),
            Map.entry("HT", "fr"),
            Map.entry("RE", "fr"),
            Map.entry("GP", "fr"),
            Map.entry("MQ", "fr"),
            Map.entry("US", "en"),
            Map.entry("GB", "en"),
            Map.entry("IE", "en"),
            Map.entry("AU", "en"),
            Map.entry("NZ", "en"),
            Map.entry("CA", "en"),
            Map.entry("GG", "en"),
            Map.entry("JE", "en"),
            Map.entry("IM", "en"),
            Map.entry("ZA", "en"),
            Map.entry("DE", "de"),
            Map.entry("AT", "de"),
            Map.entry("IT", "it"),
            Map.entry("PT", "pt"),
            Map.entry("BR", "pt"),
            Map.entry("NL", "nl"));

    private PhoneFacts() {}

    record Facts(String country, String language, String timezone) {}

    static Facts of(PhoneNumber phone) {
        try {
            var parsed = UTIL.parse(phone.e164(), null);
            String region = UTIL.getRegionCodeForNumber(parsed);
            if ("ZZ".equals(region)) {
                region = null;
            }
            List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(parsed);
            String zone = zones.stream()
                    .filter(MAIN_ZONES::contains)
                    .findFirst()
                    .or(() -> zones.stream().findFirst())
                    .filter(PhoneFacts::isZone)
                    .orElse(null);
            return new Facts(region, region == null ? null : LANGUAGES.get(region), zone);
        } catch (NumberParseException e) {
            return new Facts(null, null, null);
        }
    }

    static boolean isZone(String id) {
        if (id == null || id.startsWith("Etc/Unknown")) {
            return false;
        }
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A region to read numbers written without a country code: the business's own number's. */
    static Optional<String> regionOf(List<PhoneNumber> businessNumbers) {
        return businessNumbers.stream().findFirst().flatMap(PhoneNumber::region);
    }
}
