package dev.frontdesk.directory.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Words of a caller's request or a name: lower case, accents dropped, split on anything not a letter or digit. */
final class Words {

    private Words() {}

    static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Whether {@code phrase} occurs in {@code words} as consecutive words; an empty phrase never does. */
    static boolean containsPhrase(List<String> words, List<String> phrase) {
        if (phrase.isEmpty() || phrase.size() > words.size()) {
            return false;
        }
        return java.util.Collections.indexOfSubList(words, phrase) >= 0;
    }

    /** Like {@link #containsPhrase}, also accepting a plural or singular last word ("sale" for "sales"). */
    static boolean mentions(List<String> words, List<String> name) {
        if (containsPhrase(words, name)) {
            return true;
        }
        if (name.isEmpty()) {
            return false;
        }
        String last = name.getLast();
        String other = last.endsWith("s") ? last.substring(0, last.length() - 1) : last + "s";
        if (other.length() < 3) {
            return false;
        }
        var variant = new java.util.ArrayList<>(name.subList(0, name.size() - 1));
        variant.add(other);
        return containsPhrase(words, variant);
    }
}
