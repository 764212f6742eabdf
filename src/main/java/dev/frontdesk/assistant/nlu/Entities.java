package dev.frontdesk.assistant.nlu;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.ServiceOffering;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slot values other than times, read from what a caller said or typed in English, Spanish or French: an
 * email address (also spoken: "dana at example dot com"), a phone number (also spoken digit by digit or in
 * pairs), a name, which of the business's services they mean, and yes or no.
 */
public final class Entities {

    private static final Pattern EMAIL =
            Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITTEN_PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");
    private static final Set<String> AT_WORDS = Set.of("at", "arroba", "arobase", "arrobase");
    private static final Set<String> DOT_WORDS = Set.of("dot", "punto", "point");
    private static final Map<String, String> CONNECTOR_WORDS =
            Map.of("underscore", "_", "dash", "-", "hyphen", "-", "guion", "-", "tiret", "-");
    private static final Set<String> PHONE_SKIP =
            Set.of("um", "uh", "er", "erm", "euh", "eh", "em", "dash", "hyphen", "guion", "tiret", "and", "y", "et");

    private Entities() {}

    // ---------------------------------------------------------------- email

    /** An email address written out, or spoken with at/dot (arroba/punto, arobase/point). */
    public static Optional<String> email(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = Text.fold(text);
        Matcher written = EMAIL.matcher(folded);
        if (written.find()) {
            return Optional.of(written.group());
        }
        String spoken = folded.replace("guion bajo", "underscore")
                .replace("tiret bas", "underscore")
                .replace("under score", "underscore");
        List<String> words = new ArrayList<>();
        for (String raw : spoken.split("[\\s,;:!?\"()]+")) {
            String w = raw.replaceAll("^[.'-]+|[.'-]+$", "");
            if (w.isEmpty()) {
                continue;
            }
            if (AT_WORDS.contains(w)) {
                words.add("@");
            } else if (DOT_WORDS.contains(w)) {
                words.add(".");
            } else {
                words.add(CONNECTOR_WORDS.getOrDefault(w, w));
            }
        }
        for (int k = 0; k < words.size(); k++) {
            if (words.get(k).equals("@")) {
                String candidate = localPart(words, k) + "@" + domain(words, k);
                if (EMAIL.matcher(candidate).matches()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isConnector(String w) {
        return w.equals(".") || w.equals("_") || w.equals("-");
    }

    private static String localPart(List<String> words, int at) {
        Deque<String> parts = new ArrayDeque<>();
        int j = at - 1;
        while (j >= 0) {
            String w = words.get(j);
            if (isConnector(w) || w.equals("@")) {
                break;
            }
            parts.addFirst(w);
            j--;
            if (w.length() == 1) {
                // spelled out: "d a n a"
                while (j >= 0
                        && words.get(j).length() == 1
                        && !isConnector(words.get(j))
                        && !words.get(j).equals("@")) {
                    parts.addFirst(words.get(j));
                    j--;
                }
            }
            if (j >= 1 && isConnector(words.get(j))) {
                parts.addFirst(words.get(j));
                j--;
            } else {
                break;
            }
        }
        return String.join("", parts);
    }

    private static String domain(List<String> words, int at) {
        StringBuilder out = new StringBuilder();
        int j = at + 1;
        while (j < words.size() && !isConnector(words.get(j)) && !words.get(j).equals("@")) {
            out.append(words.get(j));
            if (j + 2 < words.size()
                    && (words.get(j + 1).equals(".") || words.get(j + 1).equals("-"))) {
                out.append(words.get(j + 1));
                j += 2;
            } else {
                break;
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- phone

    /**
     * A phone number written in any common form ("(617) 555-0123", "+1 617 555 0123") or spoken as digits
     * ("six one seven five five five zero one two three", "seis uno siete…", "zéro six douze trente-quatre…",
     * "double five"), normalised with {@link PhoneNumber#parseLenient}.
     */
    public static Optional<PhoneNumber> phone(String text, String defaultRegion) {
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
        List<String> runs = spokenDigitRuns(text);
        for (String run : runs) {
            Optional<PhoneNumber> p = PhoneNumber.parseLenient(run, region);
            if (p.isPresent()) {
                return p;
            }
        }
        String all = String.join("", runs);
        return all.length() >= 7 ? PhoneNumber.parseLenient(all, region) : Optional.empty();
    }

    private static List<String> spokenDigitRuns(String text) {
        List<Text.Token> tokens = Text.tokenize(text);
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            String w = tokens.get(i).text();
            int repeat = w.equals("double") ? 2 : w.equals("triple") ? 3 : 1;
            int j = repeat > 1 ? i + 1 : i;
            String digits = null;
            int end = j + 1;
            String t = j < tokens.size() ? tokens.get(j).text() : "";
            if (!t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || "-./:".indexOf(c) >= 0)) {
                digits = t.replaceAll("\\D", "");
            } else if (t.equals("oh") || t.equals("o")) {
                digits = "0";
            } else if (j < tokens.size()) {
                Numbers.Num best = null;
                for (Lang lang : Lang.values()) {
                    Numbers.Num num = Numbers.read(tokens, j, lang);
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
            } else if (w.equals("plus") && run.isEmpty()) {
                run.append('+');
                i++;
            } else if (PHONE_SKIP.contains(w) && !run.isEmpty()) {
                i++;
            } else {
                flush(run, runs);
                i++;
            }
        }
        flush(run, runs);
        return runs;
    }

    private static void flush(StringBuilder run, List<String> runs) {
        if (run.toString().replace("+", "").length() >= 7) {
            runs.add(run.toString());
        }
        run.setLength(0);
    }

    // ---------------------------------------------------------------- names

    private static final Map<Lang, List<List<String>>> NAME_INTROS = Map.of(
            Lang.EN,
            List.of(
                    List.of("my", "name", "is"),
                    List.of("my", "names"),
                    List.of("the", "name", "is"),
                    List.of("name", "is"),
                    List.of("names"),
                    List.of("this", "is"),
                    List.of("its"),
                    List.of("it", "is"),
                    List.of("im"),
                    List.of("i", "am"),
                    List.of("call", "me"),
                    List.of("you", "can", "call", "me")),
            Lang.ES,
            List.of(
                    List.of("me", "llamo"),
                    List.of("mi", "nombre", "es"),
                    List.of("soy"),
                    List.of("yo", "soy"),
                    List.of("habla"),
                    List.of("le", "habla")),
            Lang.FR,
            List.of(
                    List.of("je", "mappelle"),
                    List.of("je", "m", "appelle"),
                    List.of("mon", "nom", "est"),
                    List.of("mon", "nom", "cest"),
                    List.of("cest"),
                    List.of("c", "est"),
                    List.of("moi", "cest"),
                    List.of("je", "suis"),
                    List.of("ici")));

    /** Words that end a name ("Dana and I…", "Ana de Madrid", "Marie pour…"). */
    private static final Set<String> NAME_ENDS = Set.of(
            "and",
            "from",
            "with",
            "here",
            "speaking",
            "calling",
            "please",
            "i",
            "im",
            "about",
            "to",
            "for",
            "y",
            "de",
            "del",
            "con",
            "para",
            "por",
            "et",
            "du",
            "des",
            "avec",
            "pour",
            "je");

    /** Words that are not names: a name may not start with one, and a bare name may not contain one. */
    private static final Set<String> NOT_NAMES = Set.of(
            "yes",
            "yeah",
            "yep",
            "yup",
            "no",
            "nope",
            "ok",
            "okay",
            "sure",
            "fine",
            "good",
            "great",
            "hello",
            "hi",
            "hey",
            "thanks",
            "thank",
            "please",
            "sorry",
            "calling",
            "looking",
            "trying",
            "going",
            "gonna",
            "just",
            "not",
            "here",
            "there",
            "the",
            "a",
            "an",
            "my",
            "your",
            "me",
            "you",
            "i",
            "it",
            "this",
            "that",
            "what",
            "who",
            "why",
            "how",
            "when",
            "where",
            "today",
            "tomorrow",
            "tonight",
            "morning",
            "afternoon",
            "evening",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "about",
            "for",
            "with",
            "from",
            "at",
            "in",
            "on",
            "urgent",
            "interested",
            "available",
            "free",
            "busy",
            "ready",
            "done",
            "back",
            "new",
            "also",
            "still",
            "so",
            "um",
            "uh",
            "er",
            "well",
            "wondering",
            "hoping",
            "happy",
            "glad",
            "correct",
            "right",
            "wrong",
            "booked",
            "late",
            "early",
            "sick",
            "home",
            "out",
            "away",
            "si",
            "claro",
            "vale",
            "bueno",
            "hola",
            "gracias",
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "que",
            "de",
            "del",
            "yo",
            "mi",
            "tu",
            "su",
            "hoy",
            "manana",
            "lunes",
            "martes",
            "miercoles",
            "jueves",
            "viernes",
            "sabado",
            "domingo",
            "cliente",
            "clienta",
            "nuevo",
            "nueva",
            "ocupado",
            "ocupada",
            "urgente",
            "disponible",
            "libre",
            "aqui",
            "alli",
            "oui",
            "non",
            "bonjour",
            "merci",
            "daccord",
            "pour",
            "une",
            "le",
            "les",
            "qui",
            "quoi",
            "ca",
            "moi",
            "toi",
            "lui",
            "demain",
            "aujourdhui",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
            "client",
            "nouveau",
            "nouvelle",
            "occupe",
            "possible",
            "bon",
            "bien",
            "vrai",
            "parfait",
            "perfecto",
            "euh",
            "eh",
            "pas",
            "plus",
            "tres",
            "muy",
            "plumber",
            "plombier",
            "fontanero",
            "name",
            "nombre",
            "nom",
            "llamo",
            "appelle",
            "number",
            "email");

    /**
     * A name introduced the usual way: "my name is Dana Smith", "this is Dana", "it's Dana", "I'm Dana
     * Smith", "me llamo Ana", "soy Ana García", "je m'appelle Marie", "c'est Marie Dupont". At most three
     * words; capitalised unless the caller already mixed case ("McDonald").
     */
    public static Optional<String> name(String text, String language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> words = nameWords(text);
        List<String> keys = words.stream().map(Entities::squash).toList();
        for (int i = 0; i < keys.size(); i++) {
            for (Lang lang : Lang.forCode(language)) {
                for (List<String> intro : NAME_INTROS.get(lang)) {
                    if (startsWith(keys, i, intro)) {
                        Optional<String> name = nameAfter(words, keys, i + intro.size());
                        if (name.isPresent()) {
                            return name;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A name said on its own after the assistant asked for one: "Dana Smith", "um it's Dana", "ana garcía
     * por favor". Empty for anything that does not look like one to four name words.
     */
    public static Optional<String> bareName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> introduced = name(text, null);
        if (introduced.isPresent()) {
            return introduced;
        }
        List<String> words = new ArrayList<>(nameWords(text));
        Set<String> lead = Set.of(
                "um", "uh", "er", "erm", "euh", "eh", "yes", "yeah", "sure", "ok", "okay", "si", "oui", "claro", "vale",
                "bueno", "bon", "so", "well");
        Set<String> trail =
                Set.of("please", "thanks", "thank you", "por favor", "gracias", "merci", "s il vous plait", "svp");
        while (!words.isEmpty() && lead.contains(squash(words.get(0)))) {
            words.remove(0);
        }
        String joined = String.join(" ", words.stream().map(Entities::squash).toList());
        for (String t : trail) {
            if (joined.endsWith(" " + t.replace(" ", "")) || joined.endsWith(" " + t)) {
                int drop = t.split(" ").length;
                for (int k = 0; k < drop && !words.isEmpty(); k++) {
                    words.remove(words.size() - 1);
                }
                break;
            }
        }
        if (words.isEmpty() || words.size() > 4) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String key = squash(w);
            if (!isNameWord(w) || (NOT_NAMES.contains(key) && !isParticle(key))) {
                return Optional.empty();
            }
            out.add(isParticle(key) && !out.isEmpty() ? key : Text.capitalise(w));
        }
        if (isParticle(squash(words.get(0))) || isParticle(squash(words.get(words.size() - 1)))) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", out));
    }

    private static Optional<String> nameAfter(List<String> words, List<String> keys, int from) {
        List<String> out = new ArrayList<>();
        int j = from;
        while (j < words.size() && out.size() < 4) {
            String w = words.get(j);
            String key = keys.get(j);
            if (!isNameWord(w) || NAME_ENDS.contains(key)) {
                break;
            }
            if (out.isEmpty() && (NOT_NAMES.contains(key) || key.endsWith("ing") || isParticle(key))) {
                return Optional.empty();
            }
            if (!out.isEmpty() && NOT_NAMES.contains(key) && !isParticle(key)) {
                break;
            }
            out.add(isParticle(key) && !out.isEmpty() ? key : Text.capitalise(stripPunctuation(w)));
            boolean sentenceEnds = w.matches(".*[.,!?;:]$");
            j++;
            if (sentenceEnds) {
                break;
            }
        }
        while (!out.isEmpty() && isParticle(squash(out.get(out.size() - 1)))) {
            out.remove(out.size() - 1);
        }
        if (out.isEmpty() || out.size() > 3 + (out.stream().anyMatch(w -> isParticle(squash(w))) ? 1 : 0)) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", out));
    }

    private static boolean isParticle(String key) {
        return Set.of("van", "von", "da", "di", "dos", "das", "der", "den", "ten", "ter")
                .contains(key);
    }

    private static List<String> nameWords(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.replace('’', '\'').trim().split("\\s+")) {
            String w = raw.replaceAll("^[\"'(\\[¿¡]+", "").replaceAll("[\"')\\]]+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Folded, without apostrophes or surrounding punctuation: "C'est," → "cest", "I'm" → "im". */
    private static String squash(String word) {
        return Text.fold(stripPunctuation(word)).replace("'", "");
    }

    private static String stripPunctuation(String word) {
        return word.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    private static boolean isNameWord(String word) {
        String w = stripPunctuation(word);
        return !w.isEmpty() && w.length() <= 30 && w.matches("\\p{L}+(?:['-]\\p{L}+)*");
    }

    private static boolean startsWith(List<String> keys, int i, List<String> phrase) {
        if (i + phrase.size() > keys.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!keys.get(i + k).equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- services

    private static final Set<String> SERVICE_STOPWORDS = Set.of(
            "the",
            "a",
            "an",
            "my",
            "our",
            "your",
            "i",
            "im",
            "need",
            "needs",
            "want",
            "to",
            "for",
            "of",
            "is",
            "are",
            "it",
            "its",
            "and",
            "or",
            "with",
            "on",
            "in",
            "at",
            "some",
            "get",
            "have",
            "has",
            "do",
            "can",
            "could",
            "would",
            "like",
            "please",
            "book",
            "appointment",
            "me",
            "you",
            "s",
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "mi",
            "de",
            "del",
            "para",
            "por",
            "que",
            "y",
            "o",
            "con",
            "en",
            "necesito",
            "quiero",
            "le",
            "les",
            "une",
            "mon",
            "ma",
            "mes",
            "du",
            "des",
            "pour",
            "et",
            "ou",
            "avec",
            "j",
            "ai",
            "besoin",
            "veux",
            "est",
            "es");

    private record Label(ServiceOffering service, List<String> stems) {}

    /**
     * The service the caller means, matched on the service names and aliases: shared words after light
     * stemming ("leaking" ~ "leak", "drains" ~ "drain"), one-letter typos in words of five letters or more.
     * A word used by n services weighs 1/n. A name or alias fits when all its words were said, or a word
     * only that service uses, or at least half its words weighing 1 or more; a generic shared word alone
     * ("repair") does not fit. The fit with the most weight wins, then the one with the larger share of its
     * words said (the most specific). Empty when nothing fits, or when two services fit equally well (the
     * engine should ask which).
     */
    public static Optional<ServiceOffering> service(String text, List<ServiceOffering> services) {
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
            boolean distinctive = false;
            for (String st : label.stems()) {
                if (said.stream().anyMatch(w -> similar(w, st))) {
                    matched++;
                    int sharedBy = users.get(st).size();
                    weight += 1.0 / sharedBy;
                    distinctive |= sharedBy == 1 && st.length() >= 4;
                }
            }
            double fraction = (double) matched / label.stems().size();
            boolean fits = fraction == 1.0 || distinctive || (fraction >= 0.5 && weight >= 1.0);
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
        return a.equals(b) || (a.length() >= 5 && b.length() >= 5 && levenshteinAtMostOne(a, b));
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

    // ---------------------------------------------------------------- yes / no

    private static final Map<String, Boolean> EN_YES_NO = yesNoTable(
            List.of(
                    "yes",
                    "yeah",
                    "yea",
                    "yep",
                    "yup",
                    "ya",
                    "sure",
                    "sure thing",
                    "correct",
                    "that s right",
                    "that is right",
                    "right",
                    "exactly",
                    "absolutely",
                    "definitely",
                    "of course",
                    "ok",
                    "okay",
                    "alright",
                    "all right",
                    "sounds good",
                    "perfect",
                    "great",
                    "fine",
                    "go ahead",
                    "please do",
                    "affirmative",
                    "uh huh",
                    "mhm",
                    "no problem",
                    "no worries",
                    "why not",
                    "that works",
                    "works for me",
                    "that s correct",
                    "yes please"),
            List.of(
                    "no",
                    "nope",
                    "nah",
                    "not really",
                    "no thanks",
                    "no thank you",
                    "negative",
                    "not at all",
                    "i don t think so",
                    "that s wrong",
                    "wrong",
                    "incorrect",
                    "not quite",
                    "of course not",
                    "absolutely not",
                    "definitely not",
                    "not right",
                    "that s not right",
                    "not correct",
                    "that s not correct",
                    "not exactly",
                    "don t",
                    "do not"));
    private static final Map<String, Boolean> ES_YES_NO = yesNoTable(
            List.of(
                    "si",
                    "claro",
                    "claro que si",
                    "vale",
                    "de acuerdo",
                    "perfecto",
                    "correcto",
                    "exacto",
                    "por supuesto",
                    "esta bien",
                    "dale",
                    "sale",
                    "okey",
                    "ok",
                    "eso es",
                    "afirmativo",
                    "sin problema",
                    "como no",
                    "si por favor",
                    "bueno si"),
            List.of(
                    "no",
                    "nop",
                    "para nada",
                    "no gracias",
                    "no es correcto",
                    "negativo",
                    "tampoco",
                    "claro que no",
                    "por supuesto que no",
                    "de ninguna manera",
                    "no no"));
    private static final Map<String, Boolean> FR_YES_NO = yesNoTable(
            List.of(
                    "oui",
                    "ouais",
                    "ouai",
                    "d accord",
                    "daccord",
                    "bien sur",
                    "parfait",
                    "exactement",
                    "c est ca",
                    "c est bon",
                    "c est correct",
                    "tout a fait",
                    "volontiers",
                    "entendu",
                    "ok",
                    "okay",
                    "ca marche",
                    "ca me va",
                    "si",
                    "pas de probleme",
                    "pas de souci",
                    "sans probleme",
                    "avec plaisir"),
            List.of(
                    "non",
                    "pas du tout",
                    "non merci",
                    "pas vraiment",
                    "jamais",
                    "surtout pas",
                    "absolument pas",
                    "c est pas ca",
                    "ce n est pas ca",
                    "pas ca",
                    "bien sur que non",
                    "non non"));
    /** Phrases that say neither: "not sure" must not read as "sure". */
    private static final Set<String> UNDECIDED = Set.of(
            "not sure",
            "i m not sure",
            "maybe",
            "perhaps",
            "i don t know",
            "dunno",
            "no se",
            "no lo se",
            "quizas",
            "quiza",
            "tal vez",
            "a lo mejor",
            "je ne sais pas",
            "je sais pas",
            "peut etre",
            "chais pas");

    private static Map<String, Boolean> yesNoTable(List<String> yes, List<String> no) {
        Map<String, Boolean> table = new HashMap<>();
        yes.forEach(p -> table.put(p, Boolean.TRUE));
        no.forEach(p -> table.put(p, Boolean.FALSE));
        return Map.copyOf(table);
    }

    /**
     * Yes or no, from the first word or phrase that decides it: "yeah sure" is yes, "no, make it Wednesday"
     * is no (the engine then looks for the correction), "no problem" is yes, "not sure" is neither.
     */
    public static Optional<Boolean> yesNo(String text, String language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<String, Boolean> table = new HashMap<>(EN_YES_NO);
        for (Lang lang : Lang.forCode(language)) {
            table.putAll(lang == Lang.ES ? ES_YES_NO : lang == Lang.FR ? FR_YES_NO : EN_YES_NO);
        }
        List<String> words = Text.tokenize(text).stream().map(Text.Token::text).toList();
        for (int i = 0; i < words.size(); i++) {
            String longest = null;
            for (int len = Math.min(5, words.size() - i); len >= 1 && longest == null; len--) {
                String phrase = String.join(" ", words.subList(i, i + len));
                if (table.containsKey(phrase) || UNDECIDED.contains(phrase)) {
                    longest = phrase;
                }
            }
            if (longest != null) {
                return UNDECIDED.contains(longest) ? Optional.empty() : Optional.of(table.get(longest));
            }
        }
        return Optional.empty();
    }
}
