package dev.frontdesk.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words sent to people, kept in per-language resource files ({@code <base>_<language>.properties}, UTF-8)
 * rather than in Java: {@code Wording.of("notifications/customer", "es").text("booked", Map.of(...))}
 * fills the {@code {name}} placeholders of the Spanish sentence. A language without a file, or a key
 * missing from one, falls back to English ({@code <base>_en.properties}).
 */
public final class Wording {

    /** The languages every wording file exists in; other languages get English. */
    public static final List<String> LANGUAGES = List.of("en", "es", "fr");

    private static final Map<String, Wording> CACHE = new ConcurrentHashMap<>();

    private final String language;
    private final Properties words;
    private final Properties english;

    private Wording(String language, Properties words, Properties english) {
        this.language = language;
        this.words = words;
        this.english = english;
    }

    /** The wording of {@code base} in {@code language} (a code such as es or es-MX; null means English). */
    public static Wording of(String base, String language) {
        String lang = supported(language);
        return CACHE.computeIfAbsent(base + "_" + lang, key -> new Wording(lang, load(base, lang), load(base, "en")));
    }

    /** The supported language code this language is written in: en, es or fr (English for anything else). */
    public static String supported(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        String code = language.trim().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        if (dash > 0) {
            code = code.substring(0, dash);
        }
        return LANGUAGES.contains(code) ? code : "en";
    }

    /** The language this wording is in. */
    public String language() {
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The sentence for {@code key} with its {@code {name}} placeholders filled. */
    public String text(String key, Map<String, ?> values) {
        String sentence = words.getProperty(key, english.getProperty(key));
        if (sentence == null) {
            throw new IllegalArgumentException("No wording for " + key);
        }
        for (var value : values.entrySet()) {
            sentence = sentence.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return sentence;
    }

    public String text(String key) {
        return text(key, Map.of());
    }

    /** The keys of the wording file (for tests that check every language has every key). */
    public java.util.Set<String> keys() {
        return words.stringPropertyNames();
    }

    private static Properties load(String base, String language) {
        var properties = new Properties();
        try (InputStream in =
                Wording.class.getClassLoader().getResourceAsStream(base + "_" + language + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
