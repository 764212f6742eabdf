package dev.frontdesk.assistant.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word lists of the dialogue policy, per language, from {@code assistant/lang/<language>/<file>.properties}:
 * one {@code key = phrase | phrase | ...} per line, {@code #} comments. Phrases are matched as whole words,
 * ignoring case and accents, so "deplacer" finds "déplacer".
 */
final class LanguageData {

    private LanguageData() {}

    /** The phrases of every language under each key, language by language in {@link Phrases#LANGUAGES} order. */
    static Map<String, List<String>> load(String file) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String language : Phrases.LANGUAGES) {
            read(language, file)
                    .forEach((key, phrases) ->
                            all.computeIfAbsent(key, k -> new ArrayList<>()).addAll(phrases));
        }
        all.replaceAll((k, v) -> List.copyOf(v));
        // in file order: Map.copyOf iterates in an order drawn anew in every JVM, and a caller that walks the
        // keys (the kinds of problem) would then answer differently from one run to the next on a tie
        return java.util.Collections.unmodifiableMap(all);
    }

    /** One language's phrases under each key, in file order. */
    static Map<String, List<String>> read(String language, String file) {
        String path = "/assistant/lang/" + language + "/" + file + ".properties";
        Map<String, List<String>> data = new LinkedHashMap<>();
        try (InputStream in = LanguageData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                int eq = line.indexOf('=');
                if (line.isEmpty() || line.startsWith("#") || eq < 1) {
                    continue;
                }
                List<String> phrases = new ArrayList<>();
                for (String phrase : line.substring(eq + 1).split("\\|")) {
                    String folded = fold(phrase);
                    if (!folded.isBlank()) {
                        phrases.add(folded);
                    }
                }
                data.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                        .addAll(phrases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    /** Lower case, no accents, only letters and digits ("d'eau" is "d eau"), single spaces, padded with a space. */
    /** The last text folded on this thread: one turn asks about the same words many times. */
    private static final ThreadLocal<String[]> LAST_FOLD = ThreadLocal.withInitial(() -> new String[2]);

    static String fold(String text) {
        String[] last = LAST_FOLD.get();
        if (text != null && text.equals(last[0])) {
            return last[1];
        }
        String folded = foldNow(text);
        last[0] = text;
        last[1] = folded;
        return folded;
    }

    private static String foldNow(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return " " + plain + " ";
    }

    /** Whether the folded text holds one of the folded phrases as whole words. */
    static boolean containsAny(String foldedText, List<String> phrases) {
        for (String phrase : phrases) {
            if (foldedText.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** A pattern that finds any of the folded phrases in original text, whatever its case and accents. */
    static java.util.regex.Pattern pattern(List<String> phrases) {
        String alternatives = phrases.stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .map(phrase -> phrase.strip()
                        .chars()
                        .mapToObj(c -> switch (c) {
                            case 'a' -> "[aáàâä]";
                            case 'e' -> "[eéèêë]";
                            case 'i' -> "[iíìîï]";
                            case 'o' -> "[oóòôö]";
                            case 'u' -> "[uúùûü]";
                            case 'n' -> "[nñ]";
                            case 'c' -> "[cç]";
                            case ' ' -> "[\\s,.!?;:'’-]+";
                            case '\'' -> "['’]";
                            default -> java.util.regex.Pattern.quote(Character.toString(c));
                        })
                        .collect(java.util.stream.Collectors.joining()))
                .collect(java.util.stream.Collectors.joining("|"));
        return java.util.regex.Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + (alternatives.isEmpty() ? "(?!)" : alternatives) + ")(?![\\p{L}\\p{N}])",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    }
}
