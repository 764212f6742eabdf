package dev.frontdesk.assistant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The numbers a reply writes as words ("eight to five", "de ocho a cinco", "vingt et un"), 0-99, read with the
 * number words the assistant understands callers with ({@code assistant/lang/<language>/numbers.properties}, only
 * read here): a single number word, or a tens word then a unit (after the language's joiner: "treinta y uno",
 * "vingt et un", "twenty-one"), and on the vigesimal grammar "dix-sept" to "dix-neuf". A language without the file
 * reads no words.
 */
final class NumberWords {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}]+");
    private static final Map<String, Optional<Words>> LOADED = new ConcurrentHashMap<>();

    private record Words(
            Map<String, Integer> small, Map<String, Integer> tens, Set<String> joiners, boolean vigesimal) {}

    private NumberWords() {}

    /** The numbers written as words in {@code text}, in the language {@code language} (a code such as "en"). */
    static Set<Integer> in(String text, String language) {
        Set<Integer> found = new HashSet<>();
        if (text == null || language == null || !LANGUAGE.matcher(language).matches()) {
            return found;
        }
        Optional<Words> words = LOADED.computeIfAbsent(language, NumberWords::load);
        if (words.isEmpty()) {
            return found;
        }
        Words w = words.get();
        List<String> tokens = List.of(NOT_A_WORD.split(fold(text)));
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            Integer small = w.small().get(token);
            if (small != null) {
                Integer teen = i + 1 < tokens.size() ? w.small().get(tokens.get(i + 1)) : null;
                if (w.vigesimal() && small == 10 && teen != null && teen >= 7 && teen <= 9) {
                    found.add(10 + teen);
                    i++;
                } else {
                    found.add(small);
                }
                continue;
            }
            Integer tens = w.tens().get(token);
            if (tens != null) {
                int next = i + 1 < tokens.size() && w.joiners().contains(tokens.get(i + 1)) ? i + 2 : i + 1;
                Integer unit = next < tokens.size() ? w.small().get(tokens.get(next)) : null;
                if (unit != null && unit >= 1 && unit <= 9) {
                    found.add(tens + unit);
                    i = next;
                } else {
                    found.add(tens);
                }
            }
        }
        return found;
    }

    private static Optional<Words> load(String language) {
        String path = "assistant/lang/" + language + "/numbers.properties";
        try (InputStream in = NumberWords.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties file = new Properties();
            file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Integer> small = new HashMap<>();
            Map<String, Integer> tens = new HashMap<>();
            for (String key : file.stringPropertyNames()) {
                if (key.startsWith("number.")) {
                    values(file, key).forEach(word -> small.put(word, Integer.valueOf(key.substring(7))));
                } else if (key.startsWith("tens.")) {
                    values(file, key).forEach(word -> tens.put(word, Integer.valueOf(key.substring(5))));
                }
            }
            Set<String> joiners = new HashSet<>(values(file, "tens-joiner"));
            joiners.addAll(values(file, "and"));
            return Optional.of(new Words(small, tens, joiners, "vigesimal".equals(file.getProperty("grammar", ""))));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** The words of a {@code key = word | word} line, folded; none when the key is absent or empty. */
    private static List<String> values(Properties file, String key) {
        return java.util.Arrays.stream(file.getProperty(key, "").split("\\|"))
                .map(NumberWords::fold)
                .map(String::strip)
                .filter(word -> !word.isEmpty() && !word.contains(" "))
                .toList();
    }

    private static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
