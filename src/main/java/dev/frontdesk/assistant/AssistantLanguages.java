package dev.frontdesk.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The languages the assistant speaks, as listed in {@code assistant/lang/languages.txt} (the first is the fallback):
 * for pages and APIs that offer or check a language, so that a language added as data shows up everywhere.
 */
public final class AssistantLanguages {

    private static final List<String> CODES = read();

    private AssistantLanguages() {}

    /** The language codes ("en", "es", ...), in the file's order. */
    public static List<String> codes() {
        return CODES;
    }

    private static List<String> read() {
        try (InputStream in = AssistantLanguages.class.getResourceAsStream("/assistant/lang/languages.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing assistant/lang/languages.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
