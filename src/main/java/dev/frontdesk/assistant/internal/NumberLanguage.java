package dev.frontdesk.assistant.internal;

import dev.frontdesk.shared.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language a caller's number suggests before they speak (a Spanish or Mexican number: Spanish; a French
 * one: French), from each language's {@code callers.properties} {@code regions}; empty for numbers whose
 * country says little (US, Canada, Belgium, Switzerland...), which keep the business's default.
 */
final class NumberLanguage {

    private static final Map<String, String> BY_REGION = load();

    private NumberLanguage() {}

    static Optional<String> of(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        return PhoneNumber.parseStrict(phone).flatMap(PhoneNumber::region).map(BY_REGION::get);
    }

    private static Map<String, String> load() {
        Map<String, String> byRegion = new HashMap<>();
        for (String language : Phrases.LANGUAGES) {
            LanguageData.read(language, "callers")
                    .getOrDefault("regions", List.of())
                    .forEach(region -> byRegion.putIfAbsent(region.strip().toUpperCase(Locale.ROOT), language));
        }
        return Map.copyOf(byRegion);
    }
}
