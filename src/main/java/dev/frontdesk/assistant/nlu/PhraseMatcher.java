package dev.frontdesk.assistant.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds phrases in an utterance on word boundaries, never across clause punctuation, accent- and case-insensitively, with apostrophes either
 * dropped or split ("don't" matches "dont" and "don t"); a word of three letters or more also matches its plural
 * ("pipe" matches "pipes"). Immutable, so thread-safe.
 */
final class PhraseMatcher {

    private record Phrase(String original, String[] joined, String[] split) {}

    private final List<Phrase> phrases;

    PhraseMatcher(Collection<String> phrases) {
        List<Phrase> list = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String[] joined = Utterances.tokens(Utterances.fold(p));
            if (joined.length == 0) {
                continue;
            }
            list.add(new Phrase(p.strip(), joined, Utterances.tokens(Utterances.foldSplit(p))));
        }
        this.phrases = List.copyOf(list);
    }

    /** The first phrase (in the order given) found in the folded utterance, or null. */
    String find(Folded text) {
        for (Phrase p : phrases) {
            if (contains(text.joined(), p.joined()) || contains(text.split(), p.split())) {
                return p.original();
            }
        }
        return null;
    }

    /**
     * The first pair "a ~ b" (in the order given) whose words both occur, b at most {@code window} words after
     * a and in the same clause: "huele un poquito a gas" for "huele ~ gas". Null if none.
     */
    static String near(Folded text, List<String> pairs, int window) {
        String[] tokens = text.joined();
        for (String pair : pairs) {
            String[] ends = pair.split("~");
            if (ends.length != 2) {
                continue;
            }
            String a = Utterances.fold(ends[0]).strip();
            String b = Utterances.fold(ends[1]).strip();
            for (int i = 0; i < tokens.length; i++) {
                if (!tokens[i].equals(a)) {
                    continue;
                }
                for (int j = i + 1; j < tokens.length && j <= i + window && !Utterances.isStop(tokens[j]); j++) {
                    if (tokens[j].equals(b)) {
                        return pair.strip();
                    }
                }
            }
        }
        return null;
    }

    /** The utterance with every occurrence of these phrases blanked out. */
    Folded mask(Folded text) {
        String[] joined = text.joined().clone();
        String[] split = text.split().clone();
        for (Phrase p : phrases) {
            blank(joined, p.joined());
            blank(split, p.split());
        }
        return new Folded(joined, split);
    }

    /** The phrase the utterance ends with, or null. */
    String suffix(Folded text) {
        for (Phrase p : phrases) {
            if (endsWith(text.joined(), p.joined()) || endsWith(text.split(), p.split())) {
                return p.original();
            }
        }
        return null;
    }

    /** The utterance without a trailing phrase (the longest that matches), if something is left. */
    Folded dropSuffix(Folded text) {
        Folded result = text;
        for (Phrase p : phrases) {
            if (endsWith(text.joined(), p.joined()) && p.joined().length < text.joined().length) {
                String[] joined = java.util.Arrays.copyOf(text.joined(), text.joined().length - p.joined().length);
                if (joined.length < result.joined().length) {
                    result = Folded.of(String.join(" ", joined));
                }
            }
        }
        return result;
    }

    private static boolean endsWith(String[] text, String[] key) {
        return text.length >= key.length && indexOf(text, key, text.length - key.length) >= 0;
    }

    /** Whether the whole utterance is one of the phrases. */
    String whole(Folded text) {
        for (Phrase p : phrases) {
            if (equalsAll(text.joined(), p.joined()) || equalsAll(text.split(), p.split())) {
                return p.original();
            }
        }
        return null;
    }

    private static boolean contains(String[] text, String[] key) {
        return indexOf(text, key, 0) >= 0;
    }

    private static int indexOf(String[] text, String[] key, int from) {
        outer:
        for (int i = from; i + key.length <= text.length; i++) {
            for (int j = 0; j < key.length; j++) {
                if (!sameWord(text[i + j], key[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void blank(String[] text, String[] key) {
        int i = indexOf(text, key, 0);
        while (i >= 0) {
            for (int j = 0; j < key.length; j++) {
                text[i + j] = "";
            }
            i = indexOf(text, key, i + key.length);
        }
    }

    private static boolean equalsAll(String[] text, String[] key) {
        if (text.length != key.length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (!sameWord(text[i], key[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameWord(String word, String key) {
        if (word.equals(key)) {
            return true;
        }
        if (key.length() < 3 || !word.startsWith(key)) {
            return false;
        }
        int extra = word.length() - key.length();
        return (extra == 1 && word.endsWith("s")) || (extra == 2 && word.endsWith("es"));
    }

    /** An utterance folded both ways, as tokens. */
    record Folded(String[] joined, String[] split) {

        static Folded of(String text) {
            return new Folded(
                    Utterances.tokens(Utterances.foldKeepingStops(text)),
                    Utterances.tokens(Utterances.foldSplitKeepingStops(text)));
        }

        int length() {
            return joined.length;
        }

        /** Without these words (fillers such as "uh", "um", "euh"), punctuation and blanked tokens. */
        Folded without(java.util.Set<String> words) {
            return new Folded(keep(joined, words), keep(split, words));
        }

        private static String[] keep(String[] tokens, java.util.Set<String> words) {
            return java.util.Arrays.stream(tokens)
                    .filter(t -> !t.isEmpty() && !Utterances.isStop(t) && !words.contains(t))
                    .toArray(String[]::new);
        }
    }
}
