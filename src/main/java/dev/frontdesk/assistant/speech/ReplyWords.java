package dev.frontdesk.assistant.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's words for cleaning the assistant's replies ({@link ReplyText}), from
 * {@code assistant/lang/<language>/reply-text.properties}: abbreviations that do not end a sentence, the
 * words that introduce an id, what to say instead of a web address, how dates and times are said, and a
 * farewell. A language without the file gets English's.
 */
public record ReplyWords(
        String language,
        List<String> abbreviations,
        List<String> idWords,
        String website,
        DateTimeFormatter date,
        DateTimeFormatter time,
        DateTimeFormatter timeOnTheHour,
        String dateTime,
        String farewell) {

    static final String FILE = "reply-text";
    private static final String FALLBACK = "en";
    private static final Map<String, ReplyWords> LOADED = new ConcurrentHashMap<>();

    public static ReplyWords of(String language) {
        String code = language == null || language.isBlank() ? FALLBACK : language.strip();
        ReplyWords words = LOADED.get(code);
        if (words == null) {
            LOADED.putIfAbsent(code, load(code)); // not computeIfAbsent: a missing language loads English
            words = LOADED.get(code);
        }
        return words;
    }

    /** A date and a time joined the language's way ("Tuesday, November 24 at 10:30 AM"). */
    String dateAndTime(String date, String time) {
        return dateTime.replace("{0}", date).replace("{1}", time);
    }

    private static ReplyWords load(String language) {
        Map<String, List<String>> data = read(language);
        if (data == null) {
            if (language.equals(FALLBACK)) {
                throw new IllegalStateException("missing /assistant/lang/en/" + FILE + ".properties");
            }
            return of(FALLBACK);
        }
        Locale locale = language.equals("en") ? Locale.US : Locale.forLanguageTag(language);
        return new ReplyWords(
                language,
                lower(data.get("abbreviations"), locale),
                lower(data.get("id-words"), locale),
                one(data, "website"),
                DateTimeFormatter.ofPattern(one(data, "date"), locale),
                DateTimeFormatter.ofPattern(one(data, "time"), locale),
                DateTimeFormatter.ofPattern(one(data, "time-on-the-hour"), locale),
                one(data, "date-time"),
                one(data, "farewell"));
    }

    /** {@code key = value | value} per line, {@code #} comments; null when the language has no file. */
    static Map<String, List<String>> read(String language) {
        String path = "/assistant/lang/" + language + "/" + FILE + ".properties";
        try (InputStream in = ReplyWords.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            Map<String, List<String>> data = new LinkedHashMap<>();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                int eq = line.indexOf('=');
                if (line.isEmpty() || line.startsWith("#") || eq < 1) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (String value : line.substring(eq + 1).split("\\|")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
                data.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                        .addAll(values);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String one(Map<String, List<String>> data, String key) {
        List<String> values = data.get(key);
        if (values == null || values.size() != 1) {
            throw new IllegalStateException(FILE + ": " + key + " needs exactly one value");
        }
        return values.getFirst();
    }

    private static List<String> lower(List<String> values, Locale locale) {
        return values == null
                ? List.of()
                : values.stream().map(v -> v.toLowerCase(locale)).toList();
    }
}
