package dev.frontdesk.assistant.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding and tokenising of caller text. Folding lower-cases and drops accents ("Mañana" becomes
 * "manana", "Après-midi" becomes "apres-midi") so that ASR output with or without accents reads the same.
 * Tokens keep their offsets in the original text so that callers can report what was matched.
 */
final class Text {

    /** A token in folded form with its {@code [start, end)} character offsets in the original text. */
    record Token(String text, int start, int end) {

        boolean isDigits() {
            return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
        }
    }

    /** Combining marks, dropped by {@link #fold} (compiled once: folding runs for every character of a turn). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {}

    /** Lower-cases and strips accents (combining marks), keeping everything else. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * Splits into words and numbers. A word is a run of letters; a number is a run of digits that may
     * contain single separators between digit groups ({@code 10:30}, {@code 10.30}, {@code 14/12},
     * {@code 2026-12-14}). Letters glued to digits become their own token ("2pm" is "2", "pm"; "14h30" is
     * "14", "h", "30"). Everything else (punctuation, apostrophes, hyphens) separates tokens.
     */
    static List<Token> tokenize(String original) {
        if (original == null || original.isEmpty()) {
            return List.of();
        }
        StringBuilder folded = new StringBuilder(original.length());
        List<Integer> origin = new ArrayList<>(original.length());
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            // ASCII has no decomposition and no marks: folding it is lower-casing
            String f = cp < 0x80 ? String.valueOf((char) Character.toLowerCase(cp)) : fold(Character.toString(cp));
            for (int k = 0; k < f.length(); k++) {
                folded.append(f.charAt(k));
                origin.add(i);
            }
            i += Character.charCount(cp);
        }
        List<Token> tokens = new ArrayList<>();
        int n = folded.length();
        int p = 0;
        while (p < n) {
            char c = folded.charAt(p);
            int start = p;
            if (Character.isLetter(c)) {
                while (p < n && Character.isLetter(folded.charAt(p))) {
                    p++;
                }
            } else if (Character.isDigit(c)) {
                while (p < n) {
                    char d = folded.charAt(p);
                    if (Character.isDigit(d)) {
                        p++;
                    } else if (":./-".indexOf(d) >= 0 && p + 1 < n && Character.isDigit(folded.charAt(p + 1))) {
                        p++;
                    } else {
                        break;
                    }
                }
            } else {
                p++;
                continue;
            }
            int origStart = origin.get(start);
            int last = origin.get(p - 1);
            int origEnd = last + Character.charCount(original.codePointAt(last));
            tokens.add(new Token(folded.substring(start, p), origStart, origEnd));
        }
        return List.copyOf(tokens);
    }

    /** Upper-cases the first letter of each part of a name ("jean-pierre" → "Jean-Pierre"). */
    static String capitalise(String word) {
        if (word.isEmpty()) {
            return word;
        }
        boolean mixed = !word.equals(word.toLowerCase(Locale.ROOT)) && !word.equals(word.toUpperCase(Locale.ROOT));
        if (mixed) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        boolean upper = true;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-' || c == '\'' || c == '’';
        }
        return out.toString();
    }
}
