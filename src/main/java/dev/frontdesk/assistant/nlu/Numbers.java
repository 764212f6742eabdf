package dev.frontdesk.assistant.nlu;

import java.util.List;
import java.util.Map;

/** Cardinal numbers 0–99 written as digits or as English, Spanish or French words. */
final class Numbers {

    /** A number read from tokens {@code [from, end)}; {@code digits} when written with digits. */
    record Num(int value, int end, boolean digits, int width) {}

    private static final Map<String, Integer> EN_SMALL = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> EN_TENS = Map.of(
            "twenty", 20,
            "thirty", 30,
            "forty", 40,
            "fourty", 40,
            "fifty", 50,
            "sixty", 60,
            "seventy", 70,
            "eighty", 80,
            "ninety", 90);

    private static final Map<String, Integer> ES_SMALL = Map.ofEntries(
            Map.entry("cero", 0),
            Map.entry("uno", 1),
            Map.entry("una", 1),
            Map.entry("un", 1),
            Map.entry("dos", 2),
            Map.entry("tres", 3),
            Map.entry("cuatro", 4),
            Map.entry("cinco", 5),
            Map.entry("seis", 6),
            Map.entry("siete", 7),
            Map.entry("ocho", 8),
            Map.entry("nueve", 9),
            Map.entry("diez", 10),
            Map.entry("once", 11),
            Map.entry("doce", 12),
            Map.entry("trece", 13),
            Map.entry("catorce", 14),
            Map.entry("quince", 15),
            Map.entry("dieciseis", 16),
            Map.entry("diecisiete", 17),
            Map.entry("dieciocho", 18),
            Map.entry("diecinueve", 19),
            Map.entry("veinte", 20),
            Map.entry("veintiuno", 21),
            Map.entry("veintiuna", 21),
            Map.entry("veintiun", 21),
            Map.entry("veintidos", 22),
            Map.entry("veintitres", 23),
            Map.entry("veinticuatro", 24),
            Map.entry("veinticinco", 25),
            Map.entry("veintiseis", 26),
            Map.entry("veintisiete", 27),
            Map.entry("veintiocho", 28),
            Map.entry("veintinueve", 29));
    private static final Map<String, Integer> ES_TENS = Map.of(
            "treinta", 30, "cuarenta", 40, "cincuenta", 50, "sesenta", 60, "setenta", 70, "ochenta", 80, "noventa", 90);

    private static final Map<String, Integer> FR_SMALL = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("un", 1),
            Map.entry("une", 1),
            Map.entry("deux", 2),
            Map.entry("trois", 3),
            Map.entry("quatre", 4),
            Map.entry("cinq", 5),
            Map.entry("six", 6),
            Map.entry("sept", 7),
            Map.entry("huit", 8),
            Map.entry("neuf", 9),
            Map.entry("dix", 10),
            Map.entry("onze", 11),
            Map.entry("douze", 12),
            Map.entry("treize", 13),
            Map.entry("quatorze", 14),
            Map.entry("quinze", 15),
            Map.entry("seize", 16));
    private static final Map<String, Integer> FR_TENS =
            Map.of("vingt", 20, "trente", 30, "quarante", 40, "cinquante", 50, "soixante", 60);

    private Numbers() {}

    /** Reads a number at {@code i} in the given language, or null. */
    static Num read(List<Text.Token> tokens, int i, Lang lang) {
        if (i >= tokens.size()) {
            return null;
        }
        Text.Token t = tokens.get(i);
        if (t.isDigits()) {
            return t.text().length() <= 4
                    ? new Num(Integer.parseInt(t.text()), i + 1, true, t.text().length())
                    : null;
        }
        return switch (lang) {
            case EN -> english(tokens, i);
            case ES -> spanish(tokens, i);
            case FR -> french(tokens, i);
        };
    }

    private static String word(List<Text.Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).text() : "";
    }

    private static Num english(List<Text.Token> tokens, int i) {
        String w = word(tokens, i);
        Integer small = EN_SMALL.get(w);
        if (small != null) {
            return new Num(small, i + 1, false, 0);
        }
        Integer tens = EN_TENS.get(w);
        if (tens == null) {
            return null;
        }
        Integer unit = EN_SMALL.get(word(tokens, i + 1));
        if (unit != null && unit >= 1 && unit <= 9) {
            return new Num(tens + unit, i + 2, false, 0);
        }
        return new Num(tens, i + 1, false, 0);
    }

    private static Num spanish(List<Text.Token> tokens, int i) {
        String w = word(tokens, i);
        Integer small = ES_SMALL.get(w);
        if (small != null) {
            return new Num(small, i + 1, false, 0);
        }
        Integer tens = ES_TENS.get(w);
        if (tens == null) {
            return null;
        }
        if ("y".equals(word(tokens, i + 1))) {
            Integer unit = ES_SMALL.get(word(tokens, i + 2));
            if (unit != null && unit >= 1 && unit <= 9) {
                return new Num(tens + unit, i + 3, false, 0);
            }
        }
        return new Num(tens, i + 1, false, 0);
    }

    private static Num french(List<Text.Token> tokens, int i) {
        String w = word(tokens, i);
        if ("quatre".equals(w)
                && word(tokens, i + 1).startsWith("vingt")
                && word(tokens, i + 1).length() <= 6) {
            Num rest = frenchUnder20(tokens, i + 2);
            return rest != null && rest.value() >= 1
                    ? new Num(80 + rest.value(), rest.end(), false, 0)
                    : new Num(80, i + 2, false, 0);
        }
        Integer tens = FR_TENS.get(w);
        if (tens != null) {
            int j = i + 1;
            boolean et = "et".equals(word(tokens, j));
            if (et) {
                j++;
            }
            Num rest = frenchUnder20(tokens, j);
            if (rest != null) {
                int v = rest.value();
                boolean ok = et ? v == 1 || (tens == 60 && v == 11) : v >= 2 && (v <= 9 || tens == 60);
                if (ok) {
                    return new Num(tens + v, rest.end(), false, 0);
                }
            }
            return new Num(tens, i + 1, false, 0);
        }
        return frenchUnder20(tokens, i);
    }

    private static Num frenchUnder20(List<Text.Token> tokens, int i) {
        String w = word(tokens, i);
        Integer small = FR_SMALL.get(w);
        if (small == null) {
            return null;
        }
        if (small == 10) {
            String next = word(tokens, i + 1);
            int add = switch (next) {
                case "sept" -> 7;
                case "huit" -> 8;
                case "neuf" -> 9;
                default -> 0;
            };
            if (add > 0) {
                return new Num(10 + add, i + 2, false, 0);
            }
        }
        return new Num(small, i + 1, false, 0);
    }
}
