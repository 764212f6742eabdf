package dev.frontdesk.assistant.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One language data file under {@code assistant/lang/<code>/}: UTF-8 lines {@code key = value | value}, read
 * once into an immutable map. Blank lines and lines starting with {@code #} are ignored; a key may repeat to
 * continue its list; {@code key =} declares an empty list. Values of keys ending in {@code -pattern} are
 * regular expressions and are not split on {@code |}. Keys keep the order of the file.
 */
final class LangFile {

    private final String source;
    private final Map<String, List<String>> entries;

    private LangFile(String source, Map<String, List<String>> entries) {
        this.source = source;
        this.entries = entries;
    }

    /** Reads a classpath resource; fails when it is missing or a line is not {@code key = values}. */
    static LangFile read(String resource) {
        InputStream in = LangFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        Map<String, List<String>> entries = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(resource + ":" + number + ": expected key = value | value");
                }
                String key = trimmed.substring(0, eq).strip();
                String value = trimmed.substring(eq + 1).strip();
                List<String> values = entries.computeIfAbsent(key, k -> new ArrayList<>());
                if (value.isEmpty()) {
                    continue;
                }
                if (key.endsWith("-pattern")) {
                    values.add(value);
                    continue;
                }
                for (String v : value.split("\\|", -1)) {
                    String item = v.strip();
                    if (item.isEmpty()) {
                        throw new IllegalStateException(resource + ":" + number + ": empty value in " + key);
                    }
                    values.add(item);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.replaceAll((k, v) -> List.copyOf(v));
        return new LangFile(resource, Collections.unmodifiableMap(entries));
    }

    String source() {
        return source;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** The values of a key, in file order; fails when the key is missing. */
    List<String> list(String key) {
        List<String> values = entries.get(key);
        if (values == null) {
            throw new IllegalStateException(source + ": missing key " + key);
        }
        return values;
    }

    Set<String> set(String key) {
        return Set.copyOf(list(key));
    }

    /** The single value of a key. */
    String one(String key) {
        List<String> values = list(key);
        if (values.size() != 1) {
            throw new IllegalStateException(source + ": " + key + " needs exactly one value");
        }
        return values.getFirst();
    }

    boolean flag(String key) {
        String v = one(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalStateException(source + ": " + key + " must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    /** The keys {@code prefix.X}, as X → values, in file order. */
    Map<String, List<String>> family(String prefix) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                out.put(k.substring(prefix.length() + 1), v);
            }
        });
        return out;
    }

    /** The keys {@code prefix.N} with a whole number N, as value word → N. */
    Map<String, Integer> numbered(String prefix) {
        Map<String, Integer> out = new LinkedHashMap<>();
        family(prefix).forEach((suffix, words) -> {
            int n;
            try {
                n = Integer.parseInt(suffix);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(source + ": " + prefix + "." + suffix + " must end in a number");
            }
            words.forEach(w -> out.put(w, n));
        });
        return Collections.unmodifiableMap(out);
    }
}
