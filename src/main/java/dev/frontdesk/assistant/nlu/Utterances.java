package dev.frontdesk.assistant.nlu;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of utterances for rule matching: lower case, no accents, no punctuation, single spaces. */
final class Utterances {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_WORD_OR_STOP = Pattern.compile("[^\\p{L}\\p{N},.;:!?]+");
    private static final Pattern STOPS = Pattern.compile("([,.;:!?]+)");

    private Utterances() {}

    /** Lower case without accents; "œ" and "æ" spelled out. */
    static String stripAccents(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** Words only, apostrophes dropped ("don't" → "dont", "d'eau" → "deau"). */
    static String fold(String text) {
        return words(APOSTROPHES.matcher(stripAccents(text)).replaceAll(""));
    }

    /** Words only, apostrophes split ("don't" → "don t", "d'eau" → "d eau"). */
    static String foldSplit(String text) {
        return words(APOSTROPHES.matcher(stripAccents(text)).replaceAll(" "));
    }

    /** Like {@link #fold} but clause punctuation kept as separate tokens (", . ; : ! ?"). */
    static String foldKeepingStops(String text) {
        return keepingStops(APOSTROPHES.matcher(stripAccents(text)).replaceAll(""));
    }

    /** Like {@link #foldSplit} but clause punctuation kept as separate tokens. */
    static String foldSplitKeepingStops(String text) {
        return keepingStops(APOSTROPHES.matcher(stripAccents(text)).replaceAll(" "));
    }

    static boolean isStop(String token) {
        return !token.isEmpty() && STOPS.matcher(token).matches();
    }

    private static String keepingStops(String s) {
        s = NOT_WORD_OR_STOP.matcher(s).replaceAll(" ");
        s = STOPS.matcher(s).replaceAll(" $1 ");
        return s.trim().replaceAll("\\s+", " ");
    }

    private static String words(String s) {
        return NOT_WORD.matcher(s).replaceAll(" ").trim();
    }

    static String[] tokens(String folded) {
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }
}
