package dev.frontdesk.assistant.nlu;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cardinal numbers 0–99 written as digits or as words of a language ({@code numbers.properties}). */
final class Numbers {

    /** A number read from tokens {@code [from, end)}; {@code digits} when written with digits. */
    record Num(int value, int end, boolean digits, int width) {}

    /**
     * The number words of one language.
     *
     * @param vigesimal the French way of building numbers ("soixante-dix", "quatre-vingts") rather than tens then
     *     units
     * @param small single words, 0–19 and more ("veintiuno")
     * @param tens tens words (20, 30, ...)
     * @param joiners words between tens and units ("y" in "treinta y uno"); empty when units follow directly
     * @param and vigesimal: "et" in "vingt et un"
     * @param scorePrefix vigesimal: "quatre" in "quatre-vingts"
     * @param score vigesimal: "vingt" in "quatre-vingts"
     */
    record Words(
            boolean vigesimal,
            Map<String, Integer> small,
            Map<String, Integer> tens,
            Set<String> joiners,
            Set<String> and,
            Set<String> scorePrefix,
            Set<String> score) {

        static Words from(LangFile f) {
            String grammar = f.one("grammar");
            if (!grammar.equals("tens-units") && !grammar.equals("vigesimal")) {
                throw new IllegalStateException(f.source() + ": grammar must be tens-units or vigesimal");
            }
            return new Words(
                    grammar.equals("vigesimal"),
                    f.numbered("number"),
                    f.numbered("tens"),
                    f.set("tens-joiner"),
                    f.set("and"),
                    f.set("score-prefix"),
                    f.set("score"));
        }
    }

    private Numbers() {}

    /** Reads a number at {@code i} in the given language, or null. */
    static Num read(List<Text.Token> tokens, int i, Words words) {
        if (i >= tokens.size()) {
            return null;
        }
        Text.Token t = tokens.get(i);
        if (t.isDigits()) {
            return t.text().length() <= 4
                    ? new Num(Integer.parseInt(t.text()), i + 1, true, t.text().length())
                    : null;
        }
        return words.vigesimal() ? vigesimal(tokens, i, words) : tensUnits(tokens, i, words);
    }

    private static String word(List<Text.Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).text() : "";
    }

    /** "twenty one", "treinta y uno". */
    private static Num tensUnits(List<Text.Token> tokens, int i, Words words) {
        String w = word(tokens, i);
        Integer small = words.small().get(w);
        if (small != null) {
            return new Num(small, i + 1, false, 0);
        }
        Integer tens = words.tens().get(w);
        if (tens == null) {
            return null;
        }
        int j = i + 1;
        if (!words.joiners().isEmpty()) {
            if (!words.joiners().contains(word(tokens, j))) {
                return new Num(tens, i + 1, false, 0);
            }
            j++;
        }
        Integer unit = words.small().get(word(tokens, j));
        if (unit != null && unit >= 1 && unit <= 9) {
            return new Num(tens + unit, j + 1, false, 0);
        }
        return new Num(tens, i + 1, false, 0);
    }

    /** "vingt et un", "soixante-dix", "soixante et onze", "quatre-vingt-dix-sept". */
    private static Num vigesimal(List<Text.Token> tokens, int i, Words words) {
        String w = word(tokens, i);
        if (words.scorePrefix().contains(w) && words.score().contains(word(tokens, i + 1))) {
            Num rest = under20(tokens, i + 2, words);
            return rest != null && rest.value() >= 1
                    ? new Num(80 + rest.value(), rest.end(), false, 0)
                    : new Num(80, i + 2, false, 0);
        }
        Integer tens = words.tens().get(w);
        if (tens != null) {
            int j = i + 1;
            boolean et = words.and().contains(word(tokens, j));
            if (et) {
                j++;
            }
            Num rest = under20(tokens, j, words);
            if (rest != null) {
                int v = rest.value();
                boolean ok = et ? v == 1 || (tens == 60 && v == 11) : v >= 2 && (v <= 9 || tens == 60);
                if (ok) {
                    return new Num(tens + v, rest.end(), false, 0);
                }
            }
            return new Num(tens, i + 1, false, 0);
        }
        return under20(tokens, i, words);
    }

    /** 0–19, with "dix-sept", "dix-huit", "dix-neuf" as ten then a unit 7–9. */
    private static Num under20(List<Text.Token> tokens, int i, Words words) {
        Integer small = words.small().get(word(tokens, i));
        if (small == null) {
            return null;
        }
        if (small == 10) {
            Integer add = words.small().get(word(tokens, i + 1));
            if (add != null && add >= 7 && add <= 9) {
                return new Num(10 + add, i + 2, false, 0);
            }
        }
        return new Num(small, i + 1, false, 0);
    }
}
