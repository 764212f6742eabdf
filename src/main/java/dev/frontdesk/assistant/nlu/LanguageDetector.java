package dev.frontdesk.assistant.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the listed languages (English, Spanish, French) apart from stop words, diacritics and characteristic words,
 * with no model. Says nothing ({@link Optional#empty()}) when unsure, as for "ok", "yes" or "no"; short utterances
 * such as "sí", "oui", "gracias" or "merci" are recognised from a list of telling words. The words and weights come
 * from {@code assistant/lang/<code>/detector.properties}. Stateless and thread-safe.
 */
public final class LanguageDetector {

    private static final List<String> LANGUAGES = Languages.codes();
    private static final double MIN_SCORE = 2.0;
    private static final double MIN_MARGIN = 1.0;

    /** Accent-free word → weight per language, in the order of {@link #LANGUAGES}. */
    private static final Map<String, double[]> WEIGHTS = new HashMap<>();
    /** Character (lower case, as written) → weight per language. */
    private static final Map<Character, double[]> MARKS = new HashMap<>();
    /** Single-word utterances that tell the language on their own. */
    private static final Map<String, String> SHORT = new HashMap<>();

    static {
        int n = LANGUAGES.size();
        for (int i = 0; i < n; i++) {
            Language language = Languages.all().get(i);
            LangFile f = language.detector();
            for (String word : f.list("words")) {
                WEIGHTS.computeIfAbsent(word, k -> new double[n])[i] = 1.0;
            }
            for (String word : f.list("neutral")) {
                WEIGHTS.computeIfAbsent(word, k -> new double[n])[i] = 0;
            }
            for (String word : f.list("strong")) {
                WEIGHTS.computeIfAbsent(word, k -> new double[n])[i] = 2.0;
            }
            for (String word : f.list("short")) {
                SHORT.putIfAbsent(word, language.code());
            }
            int lang = i;
            f.numbered("marks").forEach((mark, weight) -> {
                if (mark.length() != 1) {
                    throw new IllegalStateException(f.source() + ": marks must be single characters: " + mark);
                }
                MARKS.computeIfAbsent(mark.charAt(0), k -> new double[n])[lang] += weight;
            });
        }
    }

    private LanguageDetector() {}

    /** A listed language code ("en", "es" or "fr"), or empty when unsure. */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int n = LANGUAGES.size();
        double[] score = new double[n];
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            add(score, MARKS.get(lower.charAt(i)));
        }
        String[] words = Utterances.tokens(Utterances.foldSplit(text));
        int counted = 0;
        for (String word : words) {
            if (IntentRules.FILLERS.contains(word)) {
                continue;
            }
            counted++;
            add(score, WEIGHTS.get(word));
        }
        String joined = Utterances.fold(text);
        if (counted <= 1) {
            String shortLanguage = SHORT.get(joined);
            if (shortLanguage != null) {
                return Optional.of(shortLanguage);
            }
        }
        int best = 0;
        int second = -1;
        for (int i = 1; i < n; i++) {
            if (score[i] > score[best]) {
                second = best;
                best = i;
            } else if (second < 0 || score[i] > score[second]) {
                second = i;
            }
        }
        if (score[best] >= MIN_SCORE && (second < 0 || score[best] - score[second] >= MIN_MARGIN)) {
            return Optional.of(LANGUAGES.get(best));
        }
        return Optional.empty();
    }

    private static void add(double[] score, double[] weights) {
        if (weights != null) {
            for (int i = 0; i < score.length; i++) {
                score[i] += weights[i];
            }
        }
    }
}
