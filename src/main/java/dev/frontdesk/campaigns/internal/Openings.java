package dev.frontdesk.campaigns.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What a campaign's call says first: who is calling (the business's virtual assistant), for which business,
 * and why (the campaign's purpose), in the lead's language; then the campaign's opening script, or a question
 * that lets the person answer. An answering machine hears the same introduction and the number to call back.
 * The sentences are in {@code campaigns/openings.properties}, per language.
 */
final class Openings {

    private static final Properties TEXT = load();
    /** The languages with sentences, in file order; the first is the fallback. */
    private static final List<String> LANGUAGES = languages();

    private Openings() {}

    /** The lead's language when there are sentences for it; English for any other. */
    static String language(String language) {
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(lang) ? lang : LANGUAGES.getFirst();
    }

    static String opening(String language, String name, String business, String purpose, String script) {
        String intro = introduction(language, name, business, purpose);
        if (script != null && !script.isBlank()) {
            return intro + " " + script.strip();
        }
        return intro + " " + text(language, "question", name, business, purpose, "");
    }

    static String voicemail(String language, String name, String business, String purpose, String callBack) {
        return introduction(language, name, business, purpose) + " "
                + text(language, "voicemail", name, business, purpose, callBack);
    }

    private static String introduction(String language, String name, String business, String purpose) {
        return text(language, "introduction", name, business, purpose, "");
    }

    private static String text(
            String language, String key, String name, String business, String purpose, String callBack) {
        String who = name == null || name.isBlank() ? "" : " " + name.strip();
        String why = purpose.strip().replaceAll("[.!?]+$", "");
        return TEXT.getProperty(language(language) + "." + key)
                .replace("{0}", who)
                .replace("{1}", business)
                .replace("{2}", why)
                .replace("{3}", callBack);
    }

    private static List<String> languages() {
        List<String> out = new ArrayList<>();
        try (InputStream in = Openings.class.getResourceAsStream("/campaigns/openings.properties")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> line.matches("[a-z]{2,3}\\.introduction\\s*=.*"))
                    .forEach(line -> out.add(line.substring(0, line.indexOf('.'))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Openings.class.getResourceAsStream("/campaigns/openings.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing campaigns/openings.properties");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
