package dev.frontdesk.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a call speaks and listens in each conversation language: the speech-recognition and speech language tag
 * and the voice, from {@code speech/voices.properties} ({@code <language> = <tag> | <voice>}), read once. Inbound
 * calls and campaign calls both use it, so a new language is one line there.
 */
public final class Voices {

    /** A language tag such as {@code de-DE} and a voice such as {@code Polly.Vicki-Neural}. */
    public record Voice(String languageTag, String voice) {}

    private static final String RESOURCE = "/speech/voices.properties";
    private static final Map<String, Voice> VOICES = load();
    private static final String FALLBACK = VOICES.keySet().iterator().next();

    private Voices() {}

    /** The language itself when it has a voice, else the first listed (English). */
    public static String language(String language) {
        String lang = language == null ? FALLBACK : language.strip().toLowerCase(Locale.ROOT);
        return VOICES.containsKey(lang) ? lang : FALLBACK;
    }

    /** The voice of a conversation language; the fallback's for a language without one. */
    public static Voice of(String language) {
        return VOICES.get(language(language));
    }

    private static Map<String, Voice> load() {
        Map<String, Voice> out = new LinkedHashMap<>();
        try (InputStream in = Voices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> {
                        int eq = line.indexOf('=');
                        String[] tagAndVoice = line.substring(eq + 1).split("\\|");
                        if (eq < 1 || tagAndVoice.length != 2) {
                            throw new IllegalStateException(RESOURCE + ": not <language> = <tag> | <voice>: " + line);
                        }
                        out.put(
                                line.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                                new Voice(tagAndVoice[0].strip(), tagAndVoice[1].strip()));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no language");
        }
        return Collections.unmodifiableMap(out);
    }
}
