package dev.frontdesk.assistant.knowledge;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Question normalisation and the content words used to compare a caller's question with an entry. */
final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Words too common to say what a question is about (English, with a few Spanish and French ones). */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "from", "by", "with",
            "about", "as", "into", "over", "after", "before", "is", "are", "was", "were", "be", "been", "being", "am",
            "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "us", "you",
            "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "what",
            "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "will", "would", "shall",
            "should", "may", "might", "must", "there", "here", "not", "no", "yes", "so", "than", "too", "very", "just",
            "also", "any", "some", "all", "each", "much", "many", "more", "most", "other", "such", "only", "own",
            "same", "up", "down", "out", "off", "again", "then", "once", "get", "got", "like", "want", "need", "please",
            "tell", "know", "let", "s", "t", "d", "ll", "m", "re", "ve", "hi", "hello", "el", "la", "los", "las", "un",
            "una", "de", "del", "y", "que", "en", "es", "por", "para", "con", "le", "les", "des", "du", "et", "est",
            "pour", "avec", "vous", "nous");

    private Text() {}

    /**
     * The form two questions are compared in for an exact match: lower case, accents and punctuation
     * removed, spaces collapsed ("What's your call-out fee?" → "what s your call out fee").
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String stripped =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(stripped.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .trim();
    }

    /** The normalised words of a text that carry meaning, with plurals folded ("cards" → "card"). */
    static Set<String> contentWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : normalise(text).split(" ")) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                words.add(singular(word));
            }
        }
        return words;
    }

    private static final java.util.regex.Pattern WORD =
            java.util.regex.Pattern.compile("([.!?:]\\s*)?(\\p{L}[\\p{L}'’-]*)");

    /**
     * The names an answer gives, as content words: capitalised words that do not open a sentence ("We cover
     * Boston, Cambridge and Brookline" names boston, cambridge and brookline).
     */
    static Set<String> names(String text) {
        StringBuilder names = new StringBuilder();
        var word = WORD.matcher(text == null ? "" : text);
        boolean first = true;
        while (word.find()) {
            String w = word.group(2);
            if (!first && word.group(1) == null && Character.isUpperCase(w.charAt(0))) {
                names.append(w).append(' ');
            }
            first = false;
        }
        return contentWords(names.toString());
    }

    /** Share (0 to 1) of the question's content words that also occur in a text's. */
    static double overlap(Set<String> questionWords, Set<String> textWords) {
        if (questionWords.isEmpty()) {
            return 0;
        }
        long shared = questionWords.stream().filter(textWords::contains).count();
        return (double) shared / questionWords.size();
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
