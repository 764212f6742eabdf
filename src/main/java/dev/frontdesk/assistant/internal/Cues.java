package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentResult;
import dev.frontdesk.tenants.ServiceOffering;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words in a turn that say more than its intent does — moving, booking, a visit, cancelling, a call-back,
 * a price, "the earliest", "the later one", goodbye — and problems described rather than named ("the
 * faucet drips"). The words of every language live in {@code assistant/lang/<language>/cues.properties}
 * and {@code problems.properties}; a caller may switch language, so every language's words count.
 */
final class Cues {

    private static final Map<String, List<String>> WORDS = LanguageData.load("cues");
    private static final Map<String, List<String>> PROBLEMS = LanguageData.load("problems");
    /** Per key, the phrases listed under the key plus "Not". */
    private static final Map<String, List<String>> NOT = WORDS.entrySet().stream()
            .filter(e -> e.getKey().endsWith("Not"))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(
                    e -> e.getKey().substring(0, e.getKey().length() - 3), Map.Entry::getValue));

    private static final Map<String, java.util.regex.Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per key, its phrases longest first ({@link #only}). */
    private static final Map<String, List<String>> LONGEST_FIRST = new java.util.concurrent.ConcurrentHashMap<>();

    private Cues() {}

    /**
     * The words without the parts that say to keep an appointment: split where the caller contrasts
     * ("but", "pero", "mais") or ends a sentence, the parts with "keep that", "la mantengo", "je le garde" are
     * dropped, unless nothing would be left.
     */
    static String withoutKept(String text) {
        return keptParts(text, false);
    }

    /** The parts that say to keep an appointment ("the one tomorrow is still fine"), or null when there are none. */
    static String kept(String text) {
        String kept = keptParts(text, true);
        return kept == null || kept.equals(text) ? null : kept;
    }

    private static String keptParts(String text, boolean keep) {
        if (text == null || !has("keepIt", text)) {
            return keep ? null : text;
        }
        java.util.regex.Pattern contrast = pattern("contrast");
        String[] parts = PATTERNS.computeIfAbsent(
                        "contrast or sentence end",
                        k -> java.util.regex.Pattern.compile(contrast.pattern() + "|[.!?]\\s+", contrast.flags()))
                .split(text);
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            var keepWords = pattern("keepIt").matcher(part);
            int comma = keepWords.find() && has("cancel", part.substring(0, keepWords.start()))
                    ? part.lastIndexOf(',', keepWords.start())
                    : -1;
            // "cancel the afternoon one on wed, keep the morning one": the clause that cancels is not kept
            for (String clause : comma > 0
                    ? new String[] {part.substring(0, comma), part.substring(comma + 1)}
                    : new String[] {part}) {
                if (has("keepIt", clause) == keep) {
                    out.append(clause).append(' ');
                }
            }
        }
        return out.isEmpty() ? text : out.toString().strip();
    }

    /**
     * The caller's own words after the last correction ("thursday no wait <u>friday at nine</u>"), when
     * something follows one.
     */
    static Optional<String> afterCorrection(String text) {
        return lastCorrection(text)
                .map(at ->
                        text.substring(at[1]).replaceFirst("^[\\s,.;:!?-]+", "").strip());
    }

    /** The same words with the correction itself ("tomorrow <u>no wait not tomorrow, wednesday</u>"). */
    static Optional<String> fromCorrection(String text) {
        return lastCorrection(text).map(at -> text.substring(at[0]).strip());
    }

    /** Where the last correction that something follows starts and ends. */
    private static Optional<int[]> lastCorrection(String text) {
        var matcher = pattern("correction").matcher(text);
        int[] last = null;
        while (matcher.find()) {
            // "a las 2... no perdón, a las 3 mejor": a correction word that ends the sentence is not where it starts
            if (text.substring(matcher.end()).matches("(?s).*[\\p{L}\\p{N}].*")) {
                last = new int[] {matcher.start(), matcher.end()};
            }
        }
        return last == null ? Optional.empty() : Optional.of(last);
    }

    /** A pattern over the original text (any case, accented or not) for the phrases under a key. */
    static java.util.regex.Pattern pattern(String key) {
        return PATTERNS.computeIfAbsent(key, k -> LanguageData.pattern(WORDS.getOrDefault(k, List.of())));
    }

    /** The same, for one language's phrases only (a French filler "ben" is an English name). */
    static java.util.regex.Pattern pattern(String key, String language) {
        return PATTERNS.computeIfAbsent(
                key + '\u0000' + language,
                k -> LanguageData.pattern(LanguageData.read(language, "cues").getOrDefault(key, List.of())));
    }

    /**
     * "The morning one on wednesday", "the 2pm one tmrw": drops the "one" that stands for an appointment so
     * it is not read as one o'clock; "at one" and "the one at one" keep theirs.
     */
    static String withoutPronounOne(String text) {
        List<String> articles = WORDS.getOrDefault("pronounArticle", List.of());
        List<String> ones = WORDS.getOrDefault("pronounOne", List.of());
        if (articles.isEmpty() || ones.isEmpty()) {
            return text;
        }
        var matcher = PATTERNS.computeIfAbsent(
                        "pronounOne:rule",
                        k -> java.util.regex.Pattern.compile("(?iu)\\b(" + alternatives(articles)
                                + ")\\s+((?:\\S+\\s+){0,3}?)(\\S+)\\s+(" + alternatives(ones) + ")\\b"))
                .matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            boolean clock = has("clockWord", matcher.group(3)) || has("pronounArticle", matcher.group(3));
            String kept = clock ? matcher.group() : matcher.group(1) + " " + matcher.group(2) + matcher.group(3);
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(kept));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String alternatives(List<String> phrases) {
        return String.join(
                "|",
                phrases.stream()
                        .map(p -> java.util.regex.Pattern.quote(p.strip()))
                        .toList());
    }

    /**
     * Whether the words hold one of the key's phrases, not counting those inside a phrase listed under the key
     * plus "Not" ("pour ne pas vous faire déplacer" holds no move, "je me rappelle pu" asks for no call-back).
     */
    static boolean has(String key, String text) {
        String folded = LanguageData.fold(text);
        for (String not : NOT.getOrDefault(key, List.of())) {
            folded = folded.replace(not, " ");
        }
        return LanguageData.containsAny(folded, WORDS.getOrDefault(key, List.of()));
    }

    /** Whether every word of the text is one of {@code key}'s phrases ("ok thanks bye" for the afterword). */
    static boolean only(String key, String text) {
        String rest = LanguageData.fold(text);
        if (rest.isBlank()) {
            return false;
        }
        List<String> phrases = LONGEST_FIRST.computeIfAbsent(
                key,
                k -> WORDS.getOrDefault(k, List.of()).stream()
                        .sorted(java.util.Comparator.comparingInt(String::length)
                                .reversed())
                        .toList());
        boolean removed = true;
        while (removed && !rest.isBlank()) {
            removed = false;
            for (String phrase : phrases) {
                if (rest.contains(phrase)) {
                    rest = rest.replace(phrase, " ");
                    removed = true;
                }
            }
        }
        return rest.isBlank();
    }

    static boolean moves(String text) {
        // "no voy a poder estar", "something came up": a move, unless the caller says cancel
        if (!has("cancel", text)) {
            return has("move", text) || has("cantMake", text);
        }
        // "cancel it, we're replacing the whole unit instead": a loose move word beside a cancel asks for no move
        return hasOutside("move", "moveLoose", text);
    }

    /**
     * An emergency verdict that may still be only words: no danger to life, the word "emergency" itself, or a
     * hurt in a what-if ("si jamais l'ouvrier se blesse, qu'est-ce qui se passe").
     */
    static boolean mereDanger(IntentResult intent, String text) {
        String keyword = intent.matchedKeyword();
        return !intent.lifeThreatening()
                || (keyword != null
                        && (has("emergencyWord", keyword) || (has("injury", keyword) && whatIfBefore(keyword, text))));
    }

    /** Whether a what-if ("si jamais", "what if") comes before the words: "my son is bleeding, just in case" is no what-if. */
    private static boolean whatIfBefore(String keyword, String text) {
        String folded = LanguageData.fold(text);
        int at = folded.indexOf(LanguageData.fold(keyword));
        return at > 0
                && WORDS.getOrDefault("hypothetical", List.of()).stream()
                        .mapToInt(folded::indexOf)
                        .anyMatch(i -> i >= 0 && i < at);
    }

    /** Cancel words outside a question about cancelling ("do you charge anything if I cancel last minute?"). */
    static boolean cancels(String text) {
        return hasOutside("cancel", "ifCancelled", text);
    }

    /** "Have the owner call me back", "que me llame", "qu'il me rappelle": a message, whatever it is about. */
    static boolean callBack(String text) {
        return has("callBack", text);
    }

    static boolean asksPrice(String text) {
        return hasOutside("price", "earliest", text);
    }

    /** Question words ("how much", "cuánto", "où") outside "as soon as possible" ("cuanto antes"). */
    static boolean asksSomething(String text) {
        return hasOutside("questionWords", "earliest", text);
    }

    /**
     * The words of {@code key} outside the phrases of {@code outside}: "cuanto antes" (earliest) holds "cuanto",
     * "if I cancel" (a question about cancelling) holds "cancel".
     */
    private static boolean hasOutside(String key, String outside, String text) {
        return has(key, text)
                && has(key, pattern(outside).matcher(LanguageData.fold(text)).replaceAll(" "));
    }

    /** "The earliest you have", "lo antes posible", "le plus tôt". */
    static boolean wantsEarliest(String text) {
        return has("earliest", text);
    }

    /** A request for someone to come or for a time: with a problem or a day, a booking. */
    static boolean asksForVisit(String text) {
        return has("visit", text) || has("book", text);
    }

    /** Explicit booking words in a turn the classifier read weakly as something else. */
    static boolean asksToBook(String text, IntentResult intent) {
        boolean weakOther = intent.confidence() < Flow.STRONG
                && switch (intent.intent()) {
                    case RESCHEDULE, CANCEL, MY_APPOINTMENTS, TRANSFER, HUMAN, QUESTION, UNKNOWN -> true;
                    default -> false;
                };
        // ("before I book anything, which cities do you cover?": a question first)
        return weakOther && has("book", text) && !moves(text) && !cancels(text) && !has("hypothetical", text);
    }

    static IntentResult asBooking(IntentResult intent) {
        return new IntentResult(Intent.BOOK, intent.confidence(), intent.language(), false, null);
    }

    /** A request to pass something on that already says what ("ask Joe to call me back about the quote"). */
    static boolean carriesMessage(String text) {
        // "message for Dana: the check is in the mail" carries its text; "I'd like to leave a message" does not
        boolean introduced = has("relay", text) && text.matches("(?s).*(:| - ).+");
        return Words.count(text) >= 5 && (has("messageContent", text) || callBack(text) || introduced);
    }

    /**
     * "I live next door … and I want to leave a message for the owner": the request closes the turn, so the
     * message itself is still to come (at most eight words follow the last request word).
     */
    static boolean endsWithRequest(String text) {
        var relay = pattern("relay").matcher(text);
        int end = -1;
        while (relay.find()) {
            end = relay.end();
        }
        return end >= 0 && Words.count(text.substring(end)) <= 8;
    }

    /** "ok never mind, bye": a reply that ends with a goodbye ends the call whatever came before. */
    static boolean endsWithGoodbye(String text) {
        String folded = LanguageData.fold(text);
        return WORDS.getOrDefault("goodbye", List.of()).stream().anyMatch(folded::endsWith);
    }

    /**
     * The service a described problem needs ("the kitchen faucet drips" → leak repair): the kind of job
     * whose words the caller used most, looked up in the business's own service names and aliases.
     */
    static Optional<ServiceOffering> serviceForProblem(String text, List<ServiceOffering> services) {
        String folded = LanguageData.fold(text);
        String best = null;
        int bestHits = 0;
        int bestLast = -1;
        for (var kind : PROBLEMS.entrySet()) {
            // each word once, though several languages list it ("boiler")
            int hits = (int)
                    kind.getValue().stream().distinct().filter(folded::contains).count();
            // on a tie, the kind the caller spoke of last ("the water heater's fine, it's the floor drain")
            int last =
                    kind.getValue().stream().mapToInt(folded::lastIndexOf).max().orElse(-1);
            if (hits > bestHits || (hits == bestHits && hits > 0 && last > bestLast)) {
                best = kind.getKey();
                bestHits = hits;
                bestLast = last;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Optional<ServiceOffering> found = Entities.service(best, services);
        for (String word : PROBLEMS.get(best)) {
            if (found.isPresent()) {
                break;
            }
            found = Entities.service(word.strip(), services);
        }
        return found;
    }

    /** A caller who speaks another language (two words or more, or one that names a language) is answered in it. */
    static void switchLanguage(Dialogue d, String text) {
        if (Words.count(text) < 2 && !has("languageWord", text)) {
            return;
        }
        dev.frontdesk.assistant.nlu.LanguageDetector.detect(text).ifPresent(lang -> d.language = lang);
    }
}
