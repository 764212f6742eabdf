package dev.frontdesk.assistant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the assistant says, per language, from {@code assistant/lang/<language>/replies.properties}
 * (UTF-8, plain apostrophes, placeholders {0}, {1}, ...). A language without a phrase falls back to
 * English. Loaded once.
 */
final class Phrases {

    /** The languages of {@code assistant/lang/languages.txt}, the first being the fallback. */
    static final List<String> LANGUAGES = languages();

    private static final Map<String, Map<String, String>> TEXT = load();

    private Phrases() {}

    static String say(String language, String key, Object... args) {
        String template = TEXT.getOrDefault(language(language), Map.of()).get(key);
        if (template == null) {
            template = TEXT.get(LANGUAGES.getFirst()).get(key);
        }
        if (template == null) {
            throw new IllegalArgumentException("no phrase " + key);
        }
        String text = template;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        if (!template.startsWith("{0}") || text.isEmpty()) {
            return text;
        }
        // "{0} is not available" with "noon on Saturday": a sentence starts with a capital
        return text.substring(0, 1).toUpperCase(locale(language)) + text.substring(1);
    }

    /** Every phrase key, for tests. */
    static java.util.Set<String> keys() {
        return TEXT.get(LANGUAGES.getFirst()).keySet();
    }

    /** "a, b or c" in the language. */
    static String list(String language, List<String> items, String conjunction) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.getFirst();
        }
        String word = say(language, conjunction);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + word + " " + items.getLast();
    }

    static Locale locale(String language) {
        return Speech.locale(language(language));
    }

    private static String language(String language) {
        return language == null || !LANGUAGES.contains(language) ? LANGUAGES.getFirst() : language;
    }

    private static List<String> languages() {
        try (InputStream in = Phrases.class.getResourceAsStream("/assistant/lang/languages.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing assistant/lang/languages.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (String language : LANGUAGES) {
            String path = "/assistant/lang/" + language + "/replies.properties";
            try (InputStream in = Phrases.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + path);
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> phrases = new HashMap<>();
                properties.stringPropertyNames().forEach(k -> phrases.put(k, properties.getProperty(k)));
                all.put(language, Map.copyOf(phrases));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(all);
    }
}
