package dev.frontdesk.assistant.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Names: introduced ("my name is Dana Smith", "me llamo Ana", "je m'appelle Marie") or said on their own. */
final class Names {

    /** Per language code, the phrases that introduce a name, as folded words, in the order tried. */
    private static final Map<String, List<List<String>>> INTROS = intros();
    /** Words that end a name ("Dana and I…", "Ana de Madrid", "Marie pour…"). */
    private static final Set<String> NAME_ENDS = words("name.ends");
    /** Words that are not names: a name may not start with one, and a bare name may not contain one. */
    private static final Set<String> NOT_NAMES = words("name.not-names");

    /** Words after a name that say where the caller is from ("Susan Lee from the management office"). */
    private static final Set<String> AFFILIATIONS = words("name.from");

    /** Words that are no name right after an introduction ("je suis ravie de…"), though one on their own. */
    private static final Set<String> NOT_AFTER_INTRO = words("name.not-after-intro");

    private static final Set<String> PARTICLES = words("name.particles");
    private static final Set<String> LEAD = words("name.lead");
    /** Words said after a name ("merci bcp", "muchas gracias"), longest first so that the whole is dropped. */
    private static final List<String> TRAIL = Languages.each(l -> l.entities().list("name.trail")).stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed())
            .toList();
    /** Titles skipped before a name ("la señora", "madame", "mr"), as folded words, longest first. */
    private static final List<List<String>> TITLES = Languages.each(
                    l -> l.entities().list("name.titles"))
            .stream()
            .map(t -> List.of(Text.fold(t).replace("'", "").split(" ")))
            .distinct()
            .sorted((a, b) -> b.size() - a.size())
            .toList();

    private Names() {}

    private static Set<String> words(String key) {
        return Set.copyOf(Languages.each(l -> l.entities().list(key)));
    }

    private static Map<String, List<List<String>>> intros() {
        return phrasesPerLanguage("name.intros");
    }

    /** Words said after a name: "Sophie Lambert à l'appareil", "Luis Mora al habla", "Bob speaking". */
    private static final Map<String, List<List<String>>> OUTROS = phrasesPerLanguage("name.outros");

    private static Map<String, List<List<String>>> phrasesPerLanguage(String key) {
        Map<String, List<List<String>>> out = new HashMap<>();
        for (Language l : Languages.all()) {
            out.put(
                    l.code(),
                    l.entities().list(key).stream()
                            .map(p -> List.of(p.split(" ")))
                            .toList());
        }
        return Map.copyOf(out);
    }

    /**
     * A name introduced the usual way: "my name is Dana Smith", "this is Dana", "it's Dana", "I'm Dana
     * Smith", "me llamo Ana", "soy Ana García", "je m'appelle Marie", "c'est Marie Dupont". At most three
     * words; capitalised unless the caller already mixed case ("McDonald").
     */
    static Optional<String> name(String text, String language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> words = nameWords(text);
        List<String> keys = words.stream().map(Names::squash).toList();
        for (int i = 0; i < keys.size(); i++) {
            for (Language lang : Languages.forCode(language)) {
                for (List<String> intro : INTROS.get(lang.code())) {
                    if (startsWith(keys, i, intro)) {
                        Optional<String> name = nameAfter(words, keys, afterTitles(keys, i + intro.size()));
                        if (name.isPresent()) {
                            return name;
                        }
                    }
                    Optional<String> elided = elidedAfter(words, keys, i, intro);
                    if (elided.isPresent()) {
                        return elided;
                    }
                }
            }
        }
        return nameBefore(words, keys, language);
    }

    /** The index past any titles said at {@code from} ("la señora", "madame"). */
    private static int afterTitles(List<String> keys, int from) {
        int at = from;
        boolean skipped = true;
        while (skipped) {
            skipped = false;
            for (List<String> title : TITLES) {
                if (!title.isEmpty() && startsWith(keys, at, title)) {
                    at += title.size();
                    skipped = true;
                    break;
                }
            }
        }
        return at;
    }

    /**
     * An intro whose last word is elided into the name: "au nom d'Hélène Garnier" ("de" + "Hélène"). The
     * intro's last word must be the elided word's first letter plus a vowel ("de", "le").
     */
    private static Optional<String> elidedAfter(List<String> words, List<String> keys, int i, List<String> intro) {
        int last = i + intro.size() - 1;
        if (intro.size() < 2 || last >= words.size() || !startsWith(keys, i, intro.subList(0, intro.size() - 1))) {
            return Optional.empty();
        }
        String word = words.get(last).replace('’', '\'');
        String end = intro.get(intro.size() - 1);
        int apostrophe = word.indexOf('\'');
        if (apostrophe != 1
                || end.length() != 2
                || Character.toLowerCase(word.charAt(0)) != end.charAt(0)
                || word.length() < 3) {
            return Optional.empty();
        }
        List<String> rest = new ArrayList<>(words.subList(last, words.size()));
        rest.set(0, word.substring(2));
        return nameAfter(rest, rest.stream().map(Names::squash).toList(), 0);
    }

    /** Two or three name words just before an outro ("Sophie Lambert à l'appareil"). */
    private static Optional<String> nameBefore(List<String> words, List<String> keys, String language) {
        for (int i = 2; i < keys.size(); i++) {
            for (Language lang : Languages.forCode(language)) {
                for (List<String> outro : OUTROS.getOrDefault(lang.code(), List.of())) {
                    if (!startsWith(keys, i, outro)) {
                        continue;
                    }
                    int from = i;
                    while (from > 0
                            && i - from < 3
                            && isNameWord(words.get(from - 1))
                            && !NOT_NAMES.contains(keys.get(from - 1))
                            && !words.get(from - 1).matches(".*[.!?;:]$")) {
                        from--;
                    }
                    if (i - from >= 2) {
                        return Optional.of(String.join(
                                " ",
                                words.subList(from, i).stream()
                                        .map(w -> Text.capitalise(stripPunctuation(w)))
                                        .toList()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** "marty sheehan s h e e h a n": the letters spelling the name out after it are not part of it. */
    private static void dropSpelling(List<String> words) {
        int letters = 0;
        while (letters < words.size()
                && squash(words.get(words.size() - 1 - letters)).length() == 1) {
            letters++;
        }
        if (letters >= 3 && letters < words.size()) {
            words.subList(words.size() - letters, words.size()).clear();
        }
    }

    /**
     * A name said on its own after the assistant asked for one: "Dana Smith", "um it's Dana", "ana garcía
     * por favor". Empty for anything that does not look like one to four name words.
     */
    static Optional<String> bareName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> introduced = name(text, null);
        if (introduced.isPresent()) {
            return introduced;
        }
        List<String> words = new ArrayList<>(nameWords(text));
        while (!words.isEmpty() && LEAD.contains(squash(words.get(0)))) {
            words.remove(0);
        }
        dropSpelling(words);
        String joined = String.join(" ", words.stream().map(Names::squash).toList());
        for (String t : TRAIL) {
            if (joined.endsWith(" " + t.replace(" ", "")) || joined.endsWith(" " + t)) {
                int drop = t.split(" ").length;
                for (int k = 0; k < drop && !words.isEmpty(); k++) {
                    words.remove(words.size() - 1);
                }
                break;
            }
        }
        for (int k = 2; k <= 3 && k < words.size() - 1; k++) {
            if (AFFILIATIONS.contains(squash(words.get(k)))) {
                words = new ArrayList<>(words.subList(0, k));
            }
        }
        if (words.isEmpty() || words.size() > 4) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String key = squash(w);
            if (!isNameWord(w) || (NOT_NAMES.contains(key) && !isParticle(key))) {
                return Optional.empty();
            }
            out.add(isParticle(key) && !out.isEmpty() ? key : Text.capitalise(stripPunctuation(w)));
        }
        if (isParticle(squash(words.get(0))) || isParticle(squash(words.get(words.size() - 1)))) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", out));
    }

    private static Optional<String> nameAfter(List<String> words, List<String> keys, int from) {
        List<String> out = new ArrayList<>();
        int j = from;
        while (j < words.size() && out.size() < 4) {
            String w = words.get(j);
            String key = keys.get(j);
            if (!isNameWord(w) || NAME_ENDS.contains(key)) {
                break;
            }
            if (out.isEmpty()
                    && (NOT_NAMES.contains(key)
                            || NOT_AFTER_INTRO.contains(key)
                            || key.endsWith("ing")
                            || isParticle(key))) {
                return Optional.empty();
            }
            if (!out.isEmpty() && NOT_NAMES.contains(key) && !isParticle(key)) {
                break;
            }
            out.add(isParticle(key) && !out.isEmpty() ? key : Text.capitalise(stripPunctuation(w)));
            boolean sentenceEnds = w.matches(".*[.,!?;:]$");
            j++;
            if (sentenceEnds) {
                break;
            }
        }
        while (!out.isEmpty() && isParticle(squash(out.get(out.size() - 1)))) {
            out.remove(out.size() - 1);
        }
        if (out.isEmpty() || out.size() > 3 + (out.stream().anyMatch(w -> isParticle(squash(w))) ? 1 : 0)) {
            return Optional.empty();
        }
        if (j < words.size() && keys.get(j).equals(squash(out.get(0)))) {
            // "it's Rachel, Rachel Kim": the name said again in full
            Optional<String> again = nameAfter(words, keys, j);
            if (again.isPresent() && again.get().split(" ").length > out.size()) {
                return again;
            }
        }
        return Optional.of(String.join(" ", out));
    }

    private static boolean isParticle(String key) {
        return PARTICLES.contains(key);
    }

    private static List<String> nameWords(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.replace('’', '\'').trim().split("\\s+")) {
            String w = raw.replaceAll("^[\"'(\\[¿¡]+", "").replaceAll("[\"')\\]]+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Folded, without apostrophes or surrounding punctuation: "C'est," → "cest", "I'm" → "im". */
    private static String squash(String word) {
        return Text.fold(stripPunctuation(word)).replace("'", "");
    }

    private static String stripPunctuation(String word) {
        return word.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    private static boolean isNameWord(String word) {
        String w = stripPunctuation(word);
        return !w.isEmpty() && w.length() <= 30 && w.matches("\\p{L}+(?:['-]\\p{L}+)*");
    }

    private static boolean startsWith(List<String> keys, int i, List<String> phrase) {
        if (i + phrase.size() > keys.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!keys.get(i + k).equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }
}
