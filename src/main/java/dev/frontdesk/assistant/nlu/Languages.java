package dev.frontdesk.assistant.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The languages listed in {@code assistant/lang/languages.txt}, each read once from its folder when this class
 * is first used; immutable afterwards. The first listed is the fallback.
 */
final class Languages {

    static final String ROOT = "assistant/lang/";
    static final String LIST = ROOT + "languages.txt";
    /** The data files every language folder must have. */
    static final List<String> FILES = List.of(
            "time.properties",
            "numbers.properties",
            "entities.properties",
            "intents.properties",
            "detector.properties");

    private static final List<Language> ALL =
            listed().stream().map(Languages::load).toList();
    private static final List<String> CODES = ALL.stream().map(Language::code).toList();

    private Languages() {}

    static List<Language> all() {
        return ALL;
    }

    static List<String> codes() {
        return CODES;
    }

    /** The first listed language: used when none is known. */
    static Language fallback() {
        return ALL.getFirst();
    }

    /** The language for a code such as "en", "es-MX" or "fr_CA"; all of them when unknown or blank. */
    static List<Language> forCode(String code) {
        if (code == null || code.isBlank()) {
            return ALL;
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Language l : ALL) {
            if (c.startsWith(l.code())) {
                return List.of(l);
            }
        }
        return ALL;
    }

    /** The items every language gives, concatenated in the order languages are listed. */
    static <T> List<T> each(Function<Language, Collection<T>> items) {
        List<T> out = new ArrayList<>();
        ALL.forEach(l -> out.addAll(items.apply(l)));
        return List.copyOf(out);
    }

    /** The language codes in {@code languages.txt}, in order. */
    static List<String> listed() {
        InputStream in = Languages.class.getClassLoader().getResourceAsStream(LIST);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + LIST);
        }
        List<String> codes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String code = line.strip();
                if (!code.isEmpty() && !code.startsWith("#")) {
                    codes.add(code.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(LIST + " lists no language");
        }
        return List.copyOf(codes);
    }

    static LangFile file(String code, String name) {
        return LangFile.read(ROOT + code + "/" + name);
    }

    private static Language load(String code) {
        Numbers.Words numbers = Numbers.Words.from(file(code, "numbers.properties"));
        return new Language(
                code,
                Lexicon.from(file(code, "time.properties"), numbers),
                numbers,
                file(code, "entities.properties"),
                file(code, "intents.properties"),
                file(code, "detector.properties"));
    }
}
