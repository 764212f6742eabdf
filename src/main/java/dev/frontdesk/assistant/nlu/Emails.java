package dev.frontdesk.assistant.nlu;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Email addresses, written or spoken ("dana at example dot com", "arroba", "arobase"). */
final class Emails {

    private static final Pattern EMAIL =
            Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Set<String> AT_WORDS =
            Set.copyOf(Languages.each(l -> l.entities().list("email.at")));
    private static final Set<String> DOT_WORDS =
            Set.copyOf(Languages.each(l -> l.entities().list("email.dot")));
    /** Spoken connectors, multi-word ones written without their spaces: "underscore", "guionbajo" → "_". */
    private static final Map<String, String> CONNECTOR_WORDS = connectors();
    /** Multi-word connectors, joined into one word before the text is split ("guion bajo" → "guionbajo"). */
    private static final List<String> PHRASES = Languages.each(
            l -> Stream.concat(l.entities().list("email.underscore").stream(), l.entities().list("email.dash").stream())
                    .filter(p -> p.contains(" "))
                    .toList());

    private Emails() {}

    private static Map<String, String> connectors() {
        Map<String, String> out = new HashMap<>();
        Languages.each(l -> l.entities().list("email.underscore")).forEach(w -> out.put(w.replace(" ", ""), "_"));
        Languages.each(l -> l.entities().list("email.dash")).forEach(w -> out.put(w.replace(" ", ""), "-"));
        return Map.copyOf(out);
    }

    /** An email address written out, or spoken with at/dot (arroba/punto, arobase/point). */
    static Optional<String> email(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = Text.fold(text);
        Matcher written = EMAIL.matcher(folded);
        if (written.find()) {
            return Optional.of(written.group());
        }
        String spoken = folded;
        for (String phrase : PHRASES) {
            spoken = spoken.replace(phrase, phrase.replace(" ", ""));
        }
        List<String> words = new ArrayList<>();
        for (String raw : spoken.split("[\\s,;:!?\"()]+")) {
            String w = raw.replaceAll("^[.'-]+|[.'-]+$", "");
            if (w.isEmpty()) {
                continue;
            }
            if (AT_WORDS.contains(w)) {
                words.add("@");
            } else if (DOT_WORDS.contains(w)) {
                words.add(".");
            } else {
                words.add(CONNECTOR_WORDS.getOrDefault(w, w));
            }
        }
        for (int k = 0; k < words.size(); k++) {
            if (words.get(k).equals("@")) {
                String candidate = localPart(words, k) + "@" + domain(words, k);
                if (EMAIL.matcher(candidate).matches()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isConnector(String w) {
        return w.equals(".") || w.equals("_") || w.equals("-");
    }

    private static String localPart(List<String> words, int at) {
        Deque<String> parts = new ArrayDeque<>();
        int j = at - 1;
        while (j >= 0) {
            String w = words.get(j);
            if (isConnector(w) || w.equals("@")) {
                break;
            }
            parts.addFirst(w);
            j--;
            if (w.length() == 1) {
                // spelled out: "d a n a"
                while (j >= 0
                        && words.get(j).length() == 1
                        && !isConnector(words.get(j))
                        && !words.get(j).equals("@")) {
                    parts.addFirst(words.get(j));
                    j--;
                }
            }
            if (j >= 1 && isConnector(words.get(j))) {
                parts.addFirst(words.get(j));
                j--;
            } else {
                break;
            }
        }
        return String.join("", parts);
    }

    private static String domain(List<String> words, int at) {
        StringBuilder out = new StringBuilder();
        int j = at + 1;
        while (j < words.size() && !isConnector(words.get(j)) && !words.get(j).equals("@")) {
            out.append(words.get(j));
            if (j + 2 < words.size()
                    && (words.get(j + 1).equals(".") || words.get(j + 1).equals("-"))) {
                out.append(words.get(j + 1));
                j += 2;
            } else {
                break;
            }
        }
        return out.toString();
    }
}
