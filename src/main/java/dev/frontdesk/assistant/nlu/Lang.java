package dev.frontdesk.assistant.nlu;

import java.util.List;
import java.util.Locale;

/** The languages the offline assistant understands. */
enum Lang {
    EN,
    ES,
    FR;

    /** The language for a code such as "en", "es-MX" or "fr_CA"; all three when unknown or blank. */
    static List<Lang> forCode(String code) {
        if (code == null || code.isBlank()) {
            return List.of(values());
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.startsWith("en")) {
            return List.of(EN);
        }
        if (c.startsWith("es")) {
            return List.of(ES);
        }
        if (c.startsWith("fr")) {
            return List.of(FR);
        }
        return List.of(values());
    }
}
