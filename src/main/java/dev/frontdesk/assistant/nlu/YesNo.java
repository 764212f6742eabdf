package dev.frontdesk.assistant.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Yes or no, in the caller's language (the fallback language's words are always understood too). */
final class YesNo {

    /** Per language code, each yes or no word or phrase (folded, apostrophes as spaces) → true or false. */
    private static final Map<String, Map<String, Boolean>> TABLES = tables();
    /** Phrases that say neither: "not sure" must not read as "sure". */
    private static final Set<String> UNDECIDED =
            Set.copyOf(Languages.each(l -> l.entities().list("undecided")));

    private YesNo() {}

    private static Map<String, Map<String, Boolean>> tables() {
        Map<String, Map<String, Boolean>> out = new HashMap<>();
        for (Language l : Languages.all()) {
            Map<String, Boolean> table = new HashMap<>();
            l.entities().list("yes").forEach(p -> table.put(p, Boolean.TRUE));
            l.entities().list("no").forEach(p -> table.put(p, Boolean.FALSE));
            out.put(l.code(), Map.copyOf(table));
        }
        return Map.copyOf(out);
    }

    /**
     * Yes or no, from the first word or phrase that decides it: "yeah sure" is yes, "no, make it Wednesday"
     * is no (the engine then looks for the correction), "no problem" is yes, "not sure" is neither.
     */
    static Optional<Boolean> yesNo(String text, String language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<String, Boolean> table =
                new HashMap<>(TABLES.get(Languages.fallback().code()));
        for (Language lang : Languages.forCode(language)) {
            table.putAll(TABLES.get(lang.code()));
        }
        List<String> words = Text.tokenize(text).stream().map(Text.Token::text).toList();
        for (int i = 0; i < words.size(); i++) {
            String longest = null;
            for (int len = Math.min(5, words.size() - i); len >= 1 && longest == null; len--) {
                String phrase = String.join(" ", words.subList(i, i + len));
                if (table.containsKey(phrase) || UNDECIDED.contains(phrase)) {
                    longest = phrase;
                }
            }
            if (longest != null) {
                return UNDECIDED.contains(longest) ? Optional.empty() : Optional.of(table.get(longest));
            }
        }
        return Optional.empty();
    }
}
