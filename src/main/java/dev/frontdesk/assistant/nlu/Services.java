package dev.frontdesk.assistant.nlu;

import dev.frontdesk.tenants.ServiceOffering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which of the business's services a caller means, matched on names and aliases. */
final class Services {

    private static final Set<String> SERVICE_STOPWORDS =
            Set.copyOf(Languages.each(l -> l.entities().list("service.stopwords")));

    /** Words that alone do not name a service even when only one service uses them ("water", "eau"). */
    private static final Set<String> WEAK_WORDS =
            Set.copyOf(Languages.each(l -> l.entities().list("service.weak")).stream()
                    .map(Services::stem)
                    .toList());

    private Services() {}

    private record Label(ServiceOffering service, List<String> stems) {}

    /**
     * The service the caller means, matched on the service names and aliases: shared words after light
     * stemming ("leaking" ~ "leak", "drains" ~ "drain"), one-letter typos (not in the first letter) in words of five letters or more.
     * A word used by n services weighs 1/n. A name or alias fits when all its words were said, or a word
     * only that service uses, or at least half its words weighing 1 or more with one of four letters or more; a generic shared word alone
     * ("repair") does not fit. The fit with the most weight wins, then the one with the larger share of its
     * words said (the most specific). Empty when nothing fits, or when two services fit equally well (the
     * engine should ask which).
     */
    static Optional<ServiceOffering> service(String text, List<ServiceOffering> services) {
        if (text == null || text.isBlank() || services == null || services.isEmpty()) {
            return Optional.empty();
        }
        List<String> said = stems(text);
        if (said.isEmpty()) {
            return Optional.empty();
        }
        List<Label> labels = new ArrayList<>();
        Map<String, Set<ServiceOffering>> users = new HashMap<>();
        for (ServiceOffering s : services) {
            if (s == null) {
                continue;
            }
            List<String> names = new ArrayList<>(s.aliases());
            if (s.name() != null) {
                names.add(0, s.name());
            }
            for (String name : names) {
                List<String> stems = stems(name);
                if (!stems.isEmpty()) {
                    labels.add(new Label(s, stems));
                    stems.forEach(st ->
                            users.computeIfAbsent(st, k -> new HashSet<>()).add(s));
                }
            }
        }
        ServiceOffering best = null;
        double bestWeight = 0;
        double bestFraction = 0;
        boolean tie = false;
        for (Label label : labels) {
            double weight = 0;
            int matched = 0;
            int longest = 0;
            boolean distinctive = false;
            for (String st : label.stems()) {
                if (said.stream().anyMatch(w -> similar(w, st))) {
                    matched++;
                    longest = WEAK_WORDS.contains(st) ? longest : Math.max(longest, st.length());
                    int sharedBy = users.get(st).size();
                    weight += 1.0 / sharedBy;
                    distinctive |= sharedBy == 1 && st.length() >= 4 && !WEAK_WORDS.contains(st);
                }
            }
            double fraction = (double) matched / label.stems().size();
            // half a name fits only on a real word: "l'eau" is not half of "chauffe-eau"
            boolean fits = fraction == 1.0 || distinctive || (fraction >= 0.5 && weight >= 1.0 && longest >= 4);
            if (matched == 0 || !fits) {
                continue;
            }
            int cmp = best == null
                    ? 1
                    : Double.compare(weight, bestWeight) != 0
                            ? Double.compare(weight, bestWeight)
                            : Double.compare(fraction, bestFraction);
            if (cmp > 0) {
                best = label.service();
                bestWeight = weight;
                bestFraction = fraction;
                tie = false;
            } else if (cmp == 0 && label.service() != best) {
                tie = true;
            }
        }
        return tie || best == null ? Optional.empty() : Optional.of(best);
    }

    private static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        for (Text.Token t : Text.tokenize(text)) {
            if (!SERVICE_STOPWORDS.contains(t.text())) {
                out.add(stem(t.text()));
            }
        }
        return out;
    }

    /** Light stemming: plurals, "-ing", "-ed" ("leaking" → "leak", "clogged" → "clog", "fixes" → "fix"). */
    static String stem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4
                && w.endsWith("es")
                && w.substring(0, w.length() - 2).matches(".*(s|x|z|ch|sh)")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 4 && w.charAt(n - 1) == w.charAt(n - 2) && "aeiouls".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean similar(String a, String b) {
        // a typo keeps the first letter: "clock" is not "block", "lock" is not "leak"; and two five-letter words one
        // letter apart are usually two words ("black" Friday is not a "block"ed drain), so one of them must be longer
        return a.equals(b)
                || (Math.min(a.length(), b.length()) >= 5
                        && Math.max(a.length(), b.length()) >= 6
                        && a.charAt(0) == b.charAt(0)
                        && levenshteinAtMostOne(a, b));
    }

    private static boolean levenshteinAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
