package dev.frontdesk.assistant.nlu;

import dev.frontdesk.shared.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers, written in any common form or spoken digit by digit or in pairs, in any listed language. */
final class Phones {

    private static final Pattern WRITTEN_PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");
    private static final Set<String> PHONE_SKIP = words("phone.skip");
    private static final Set<String> DOUBLE = words("phone.double");
    private static final Set<String> TRIPLE = words("phone.triple");
    private static final Set<String> ZERO = words("phone.zero");
    private static final Set<String> PLUS = words("phone.plus");

    private Phones() {}

    private static Set<String> words(String key) {
        return Set.copyOf(Languages.each(l -> l.entities().list(key)));
    }

    /**
     * A phone number written in any common form ("(617) 555-0123", "+1 617 555 0123") or spoken as digits
     * ("six one seven five five five zero one two three", "seis uno siete…", "zéro six douze trente-quatre…",
     * "double five"), normalised with {@link PhoneNumber#parseLenient}.
     */
    static Optional<PhoneNumber> phone(String text, String defaultRegion) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion == null ? "US" : defaultRegion.toUpperCase(Locale.ROOT);
        Matcher written = WRITTEN_PHONE.matcher(text);
        while (written.find()) {
            Optional<PhoneNumber> p = PhoneNumber.parseLenient(written.group().trim(), region);
            if (p.isPresent()) {
                return p;
            }
        }
        List<String> runs = spokenDigitRuns(text, 7);
        for (String run : runs) {
            Optional<PhoneNumber> p = PhoneNumber.parseLenient(run, region);
            if (p.isPresent()) {
                return p;
            }
        }
        String all = String.join("", runs);
        return all.length() >= 7 ? PhoneNumber.parseLenient(all, region) : Optional.empty();
    }

    /** The text without the phone numbers written in it ("Derek Shaw, 617 555 0177" → "Derek Shaw,"). */
    static String withoutWritten(String text) {
        return WRITTEN_PHONE.matcher(text).replaceAll(" ");
    }

    /**
     * A code of {@code length} digits, written or spoken ("481293", "4 8 1 2 9 3", "four eight one two nine
     * three", "forty-eight twelve ninety-three", "quatre-vingt-un…"): all the digits said, or one run of exactly
     * that many.
     */
    static Optional<String> code(String text, int length) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> runs = spokenDigitRuns(text, 1).stream()
                .map(run -> run.replace("+", ""))
                .toList();
        String all = String.join("", runs);
        if (all.length() == length) {
            return Optional.of(all);
        }
        return runs.stream().filter(run -> run.length() == length).findFirst();
    }

    private static List<String> spokenDigitRuns(String text, int shortest) {
        List<Text.Token> tokens = Text.tokenize(text);
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            String w = tokens.get(i).text();
            int repeat = DOUBLE.contains(w) ? 2 : TRIPLE.contains(w) ? 3 : 1;
            int j = repeat > 1 ? i + 1 : i;
            String digits = null;
            int end = j + 1;
            String t = j < tokens.size() ? tokens.get(j).text() : "";
            if (!t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || "-./:".indexOf(c) >= 0)) {
                digits = t.replaceAll("\\D", "");
            } else if (ZERO.contains(t)) {
                digits = "0";
            } else if (j < tokens.size()) {
                Numbers.Num best = null;
                for (Language lang : Languages.all()) {
                    Numbers.Num num = Numbers.read(tokens, j, lang.numbers());
                    if (num != null && (best == null || num.end() > best.end())) {
                        best = num;
                    }
                }
                if (best != null) {
                    digits = best.value() < 10 ? Integer.toString(best.value()) : String.format("%02d", best.value());
                    end = best.end();
                }
            }
            if (digits != null) {
                if (repeat > 1 && digits.length() == 1) {
                    digits = digits.repeat(repeat);
                }
                run.append(digits);
                i = end;
            } else if (PLUS.contains(w) && run.isEmpty()) {
                run.append('+');
                i++;
            } else if (PHONE_SKIP.contains(w) && !run.isEmpty()) {
                i++;
            } else {
                flush(run, runs, shortest);
                i++;
            }
        }
        flush(run, runs, shortest);
        return runs;
    }

    private static void flush(StringBuilder run, List<String> runs, int shortest) {
        if (run.toString().replace("+", "").length() >= shortest) {
            runs.add(run.toString());
        }
        run.setLength(0);
    }
}
