package dev.frontdesk.assistant.nlu;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells English, Spanish and French apart from stop words, diacritics and characteristic words, with no model.
 * Says nothing ({@link Optional#empty()}) when unsure, as for "ok", "yes" or "no"; short utterances such as "sí",
 * "oui", "gracias" or "merci" are recognised from a list of telling words. Stateless and thread-safe.
 */
public final class LanguageDetector {

    private static final String[] LANGUAGES = {"en", "es", "fr"};
    private static final double MIN_SCORE = 2.0;
    private static final double MIN_MARGIN = 1.0;

    /** Accent-free word → weight per language (en, es, fr). */
    private static final Map<String, double[]> WEIGHTS = new HashMap<>();

    static {
        words(
                0,
                1.0,
                "the",
                "and",
                "to",
                "of",
                "is",
                "are",
                "you",
                "your",
                "my",
                "i",
                "it",
                "for",
                "with",
                "can",
                "could",
                "would",
                "do",
                "does",
                "what",
                "when",
                "how",
                "have",
                "has",
                "please",
                "thanks",
                "thank",
                "want",
                "need",
                "like",
                "this",
                "that",
                "there",
                "we",
                "be",
                "will",
                "just",
                "about",
                "hi",
                "hello",
                "im",
                "dont",
                "its",
                "thats",
                "whats",
                "get",
                "got",
                "somebody",
                "someone",
                "tomorrow",
                "today",
                "much",
                "how",
                "an",
                "at",
                "in",
                "me",
                "our",
                "from",
                "if",
                "or",
                "not",
                "was",
                "am",
                "they",
                "hey",
                "morning",
                "afternoon",
                "bye",
                "goodbye",
                "yeah",
                "sure",
                "okay",
                "leave",
                "message",
                "speak",
                "talk",
                "call",
                "book",
                "cancel",
                "open",
                "appointment",
                "schedule",
                "price",
                "cost",
                "hours",
                "stop",
                "person",
                "real",
                "any",
                "some",
                "here",
                "should",
                "did",
                "by",
                "up",
                "out");
        words(
                1,
                1.0,
                "el",
                "los",
                "las",
                "un",
                "una",
                "del",
                "y",
                "por",
                "para",
                "con",
                "es",
                "esta",
                "estoy",
                "quiero",
                "necesito",
                "mi",
                "mis",
                "tengo",
                "hay",
                "cita",
                "hola",
                "gracias",
                "buenos",
                "buenas",
                "dias",
                "tardes",
                "noches",
                "cuanto",
                "cuando",
                "donde",
                "como",
                "puedo",
                "puede",
                "usted",
                "ustedes",
                "favor",
                "pero",
                "lo",
                "le",
                "se",
                "al",
                "muy",
                "manana",
                "hoy",
                "hora",
                "horario",
                "cuesta",
                "precio",
                "cancelar",
                "cambiar",
                "llamar",
                "hablar",
                "persona",
                "agua",
                "casa",
                "tambien",
                "nada",
                "vale",
                "claro",
                "adios",
                "hasta",
                "luego",
                "nos",
                "su",
                "sus",
                "este",
                "ese",
                "esa",
                "ya",
                "mas",
                "porque",
                "o",
                "si",
                "quisiera",
                "podria",
                "tienen",
                "abren",
                "cierran",
                "cobran",
                "mensaje",
                "dejar",
                "alguien",
                "algun",
                "hacer",
                "cual",
                "seria",
                "verdad",
                "eso",
                "todo",
                "sabado",
                "lunes",
                "viernes",
                "semana",
                "tiene",
                "soy",
                "señor",
                "senor",
                "senora",
                "reservar",
                "agendar",
                "llamen",
                "pasar",
                "comunicar",
                "comunicarme",
                "estan",
                "hacen",
                "trabajan",
                "ustedes",
                "gustaria",
                "bueno");
        words(
                2,
                1.0,
                "le",
                "les",
                "une",
                "des",
                "du",
                "et",
                "est",
                "je",
                "j",
                "vous",
                "votre",
                "vos",
                "mon",
                "ma",
                "mes",
                "pour",
                "avec",
                "pas",
                "ne",
                "qui",
                "quoi",
                "quand",
                "comment",
                "combien",
                "ou",
                "bonjour",
                "bonsoir",
                "merci",
                "oui",
                "non",
                "rendez",
                "rdv",
                "au",
                "aux",
                "il",
                "elle",
                "nous",
                "c",
                "ca",
                "ce",
                "cette",
                "suis",
                "ai",
                "avez",
                "voudrais",
                "veux",
                "peux",
                "pouvez",
                "parler",
                "annuler",
                "demain",
                "aujourd",
                "hui",
                "heure",
                "heures",
                "ouvert",
                "ouverts",
                "prix",
                "coute",
                "allo",
                "salut",
                "revoir",
                "bien",
                "tres",
                "plait",
                "plaît",
                "d",
                "l",
                "n",
                "qu",
                "sur",
                "dans",
                "faire",
                "fait",
                "cest",
                "jai",
                "quel",
                "quelle",
                "quels",
                "est-ce",
                "etes",
                "fermez",
                "ouvrez",
                "tarif",
                "tarifs",
                "laisser",
                "quelqu",
                "quelquun",
                "passer",
                "merci",
                "daccord",
                "ouais",
                "chez",
                "moi",
                "mais",
                "aussi",
                "deja",
                "samedi",
                "lundi",
                "vendredi",
                "semaine",
                "monsieur",
                "madame",
                "reserver",
                "prendre",
                "deplacer",
                "rappeler",
                "eau",
                "chauffage",
                "svp",
                "sil",
                "voulez",
                "pourriez",
                "pourrais",
                "faut");
        // the trades' words
        words(
                1,
                1.0,
                "huele",
                "cocina",
                "bano",
                "tuberia",
                "calefaccion",
                "fuga",
                "humo",
                "fuego",
                "luz",
                "llave",
                "techo",
                "sotano",
                "ayuda",
                "ayudenme",
                "urgente",
                "emergencia",
                "medico",
                "plomero",
                "tecnico",
                "reservacion",
                "digale",
                "diga",
                "mensaje",
                "llamada",
                "dejen",
                "llamarme",
                "numero",
                "otro",
                "otra");
        words(
                2,
                1.0,
                "fuite",
                "gaz",
                "fumee",
                "feu",
                "cuisine",
                "salle",
                "plafond",
                "cave",
                "urgence",
                "aidez",
                "plombier",
                "technicien",
                "medecin",
                "docteur",
                "dites",
                "rappelez",
                "appeler",
                "mappeler",
                "autre",
                "sent",
                "numero");
        shared("numero", 1, 2);
        // shared words count for neither
        shared("la", 1, 2);
        shared("de", 1, 2);
        shared("que", 1, 2);
        shared("en", 1, 2);
        shared("a", 0, 1, 2);
        shared("me", 0, 1, 2);
        shared("no", 0, 1);
        shared("on", 0, 2);
        shared("te", 1, 2);
        shared("si", 1, 2);
        shared("son", 0, 1, 2);
        shared("plan", 0, 1, 2);
        // strong words
        strong(0, "the", "you", "please", "thanks", "thank", "what", "appointment", "i", "my", "hello", "hi");
        strong(
                1,
                "gracias",
                "hola",
                "cita",
                "quiero",
                "necesito",
                "por",
                "usted",
                "ustedes",
                "adios",
                "buenos",
                "buenas",
                "cuanto",
                "cuando",
                "tengo",
                "hay",
                "y",
                "esta",
                "manana",
                "quisiera",
                "podria",
                "vale");
        strong(
                2,
                "merci",
                "oui",
                "bonjour",
                "bonsoir",
                "je",
                "vous",
                "rendez",
                "est",
                "pour",
                "avec",
                "pas",
                "non",
                "combien",
                "quand",
                "voudrais",
                "revoir",
                "allo",
                "salut",
                "daccord",
                "ouais",
                "cest",
                "jai",
                "svp");
    }

    /** Single-word utterances that tell the language on their own. */
    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("si", "es"),
            Map.entry("gracias", "es"),
            Map.entry("hola", "es"),
            Map.entry("adios", "es"),
            Map.entry("vale", "es"),
            Map.entry("claro", "es"),
            Map.entry("bueno", "es"),
            Map.entry("dale", "es"),
            Map.entry("chao", "es"),
            Map.entry("exacto", "es"),
            Map.entry("correcto", "es"),
            Map.entry("perfecto", "es"),
            Map.entry("nunca", "es"),
            Map.entry("buenas", "es"),
            Map.entry("oui", "fr"),
            Map.entry("ouais", "fr"),
            Map.entry("non", "fr"),
            Map.entry("merci", "fr"),
            Map.entry("bonjour", "fr"),
            Map.entry("bonsoir", "fr"),
            Map.entry("salut", "fr"),
            Map.entry("allo", "fr"),
            Map.entry("daccord", "fr"),
            Map.entry("parfait", "fr"),
            Map.entry("exactement", "fr"),
            Map.entry("jamais", "fr"),
            Map.entry("thanks", "en"),
            Map.entry("hello", "en"),
            Map.entry("goodbye", "en"),
            Map.entry("yeah", "en"),
            Map.entry("yep", "en"),
            Map.entry("nope", "en"));

    private LanguageDetector() {}

    /** "en", "es" or "fr", or empty when unsure. */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        double[] score = new double[3];
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            switch (lower.charAt(i)) {
                case '¿', '¡' -> score[1] += 3;
                case 'ñ' -> score[1] += 2;
                case 'á', 'í', 'ó', 'ú' -> score[1] += 1;
                case 'ç', 'è', 'ê', 'à', 'ù', 'â', 'î', 'ô', 'û', 'ë', 'ï', 'œ' -> score[2] += 1;
                default -> {}
            }
        }
        String[] words = Utterances.tokens(Utterances.foldSplit(text));
        int counted = 0;
        for (String word : words) {
            if (IntentRules.FILLERS.contains(word)) {
                continue;
            }
            counted++;
            double[] w = WEIGHTS.get(word);
            if (w != null) {
                score[0] += w[0];
                score[1] += w[1];
                score[2] += w[2];
            }
        }
        String joined = Utterances.fold(text);
        if (counted <= 1) {
            String shortLanguage = SHORT.get(joined);
            if (shortLanguage != null) {
                return Optional.of(shortLanguage);
            }
        }
        int best = 0;
        int second = -1;
        for (int i = 1; i < 3; i++) {
            if (score[i] > score[best]) {
                second = best;
                best = i;
            } else if (second < 0 || score[i] > score[second]) {
                second = i;
            }
        }
        if (score[best] >= MIN_SCORE && score[best] - score[second] >= MIN_MARGIN) {
            return Optional.of(LANGUAGES[best]);
        }
        return Optional.empty();
    }

    private static void words(int language, double weight, String... words) {
        for (String word : words) {
            WEIGHTS.computeIfAbsent(word, k -> new double[3])[language] = weight;
        }
    }

    private static void shared(String word, int... languages) {
        double[] w = WEIGHTS.computeIfAbsent(word, k -> new double[3]);
        for (int language : languages) {
            w[language] = 0;
        }
    }

    private static void strong(int language, String... words) {
        words(language, 2.0, words);
    }
}
