package dev.frontdesk.assistant.nlu;

import dev.frontdesk.assistant.nlu.Numbers.Num;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The tokens of one text being read for a time expression in one language, and the helpers the time rules share. */
abstract class TimeScan {

    final List<Text.Token> tokens;
    final int n;
    final Lexicon lex;
    final LocalDate today;

    TimeScan(List<Text.Token> tokens, Lexicon lex, LocalDate today) {
        this.tokens = tokens;
        this.n = tokens.size();
        this.lex = lex;
        this.today = today;
    }

    String tok(int i) {
        return i >= 0 && i < n ? tokens.get(i).text() : "";
    }

    /** The end index if {@code phrase} (space-separated folded words) starts at {@code i}, else -1. */
    int phrase(String phrase, int i) {
        String first = tok(i);
        if (first.isEmpty() || !phrase.startsWith(first)) {
            return -1;
        }
        if (phrase.length() == first.length()) {
            return i + 1;
        }
        if (phrase.charAt(first.length()) != ' ') {
            return -1;
        }
        int j = i;
        for (String w : phrase.split(" ")) {
            if (!w.equals(tok(j))) {
                return -1;
            }
            j++;
        }
        return j;
    }

    int longest(Collection<String> phrases, int i) {
        int best = -1;
        for (String p : phrases) {
            best = Math.max(best, phrase(p, i));
        }
        return best;
    }

    <V> Map.Entry<Integer, V> longest(Map<String, V> phrases, int i) {
        int best = -1;
        V value = null;
        for (Map.Entry<String, V> e : phrases.entrySet()) {
            int end = phrase(e.getKey(), i);
            if (end > best) {
                best = end;
                value = e.getValue();
            }
        }
        return best < 0 ? null : Map.entry(best, value);
    }

    Num number(int i) {
        return Numbers.read(tokens, i, lex.numbers());
    }
}
