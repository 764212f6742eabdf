package dev.frontdesk.assistant.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules that win over the nearest neighbours: emergencies, opt-outs, bare yes/no, goodbyes and bare greetings.
 * Immutable, so thread-safe; no model needed.
 */
final class IntentRules {

    /** Built-in dangers to life: the caller is told to call 911 first. */
    static final List<String> LIFE_THREATENING = List.of(
            // en
            "gas smell",
            "smell gas",
            "smelling gas",
            "smell of gas",
            "smells like gas",
            "smell like gas",
            "gas leak",
            "leaking gas",
            "carbon monoxide",
            "co alarm",
            "co detector",
            "electrical fire",
            "sparks",
            "sparking",
            "fire",
            "on fire",
            "smoke",
            "smoking outlet",
            "burning smell",
            "smells like burning",
            "unconscious",
            "passed out",
            "not breathing",
            "can't breathe",
            "can not breathe",
            "cannot breathe",
            "someone is hurt",
            "someone hurt",
            "someone got hurt",
            "is injured",
            "got injured",
            "badly hurt",
            "bleeding",
            "electrocuted",
            "heart attack",
            "ambulance",
            "call 911",
            "called 911",
            "calling 911",
            "dial 911",
            "dialed 911",
            "call 999",
            "called 999",
            "call 112",
            "called 112",
            "911 emergency",
            "911 situation",
            "nine one one",
            "9 1 1",
            "emergency services",
            "llamar al 911",
            "llamé al 911",
            "llamamos al 911",
            "llamar al 112",
            "llamé al 112",
            "appeler le 112",
            "appelé le 112",
            "appeler le 911",
            "appelé le 911",
            "appeler le 15",
            "appelé le 15",
            "appeler le 18",
            // es
            "fuga de gas",
            "huele a gas",
            "olor a gas",
            "escape de gas",
            "monóxido de carbono",
            "humo",
            "fuego",
            "incendio",
            "chispas",
            "inconsciente",
            "no respira",
            "no puede respirar",
            "herido",
            "herida",
            "sangrando",
            "electrocutado",
            "ambulancia",
            "emergencias",
            // fr
            "fuite de gaz",
            "odeur de gaz",
            "sent le gaz",
            "ça sent le gaz",
            "monoxyde de carbone",
            "fumée",
            "feu",
            "incendie",
            "étincelles",
            "inconscient",
            "inconsciente",
            "ne respire plus",
            "ne respire pas",
            "blessé",
            "blessée",
            "saigne",
            "électrocuté",
            "samu",
            "pompiers",
            "urgences");

    /** Built-in property emergencies: urgent, but no danger to life. */
    static final List<String> PROPERTY = List.of(
            // en
            "burst pipe",
            "pipe burst",
            "pipe has burst",
            "pipe just burst",
            "pipe bursted",
            "burst",
            "flooding",
            "flooded",
            "flood",
            "no water",
            "no running water",
            "no hot water",
            "sewage backup",
            "sewage back up",
            "sewage backing up",
            "sewer backup",
            "no heat",
            "no heating",
            "heating is out",
            "water leak",
            "leaking water",
            "water everywhere",
            // es
            "tubería rota",
            "se rompió la tubería",
            "reventó",
            "reventado",
            "inundación",
            "inundado",
            "inundada",
            "sin agua",
            "no tengo agua",
            "no hay agua",
            "sin calefacción",
            "no hay calefacción",
            "no tengo calefacción",
            "fuga de agua",
            "aguas negras",
            // fr
            "inondation",
            "inondé",
            "inondée",
            "dégât des eaux",
            "dégâts des eaux",
            "tuyau éclaté",
            "tuyau a éclaté",
            "canalisation éclatée",
            "pas d'eau",
            "plus d'eau",
            "pas de chauffage",
            "plus de chauffage",
            "fuite d'eau",
            "refoulement d'égout",
            "refoulement des égouts",
            "égout qui refoule",
            "les égouts refoulent");

    /** Compounds that mention an emergency word without being one. */
    private static final PhraseMatcher NOT_EMERGENCIES = new PhraseMatcher(List.of(
            "smoke detector",
            "smoke alarm",
            "fire alarm",
            "fire extinguisher",
            "fire sprinkler",
            "fire inspection",
            "detector de humo",
            "alarma de incendio",
            "extintor",
            "détecteur de fumée",
            "alarme incendie",
            "extincteur"));

    private static final List<String> OPT_OUT = List.of(
            // en
            "stop calling",
            "stop texting",
            "stop messaging",
            "stop contacting",
            "stop sending",
            "stop emailing",
            "quit calling",
            "quit texting",
            "unsubscribe",
            "don't contact me",
            "do not contact me",
            "don't call me again",
            "do not call me again",
            "don't call me anymore",
            "don't text me",
            "do not text me",
            "never call me",
            "never contact me",
            "remove me from",
            "remove my number",
            "take me off",
            "take my number off",
            "opt out",
            "opt me out",
            "do not call list",
            "don't call list",
            "leave me alone",
            // es
            "deje de llamar",
            "dejen de llamarme",
            "deje de llamarme",
            "deja de llamarme",
            "dejen de escribirme",
            "dejen de enviarme",
            "dejen de mandarme",
            "no me manden",
            "no me envien",
            "dejen de llamar",
            "deja de llamar",
            "dejen de escribir",
            "deje de escribir",
            "dejen de enviar",
            "deje de enviar",
            "dejen de mandar",
            "no me llamen",
            "no me llame",
            "no me escriban",
            "no me contacten",
            "no me contacte",
            "no vuelvan a llamar",
            "darme de baja",
            "dar de baja",
            "denme de baja",
            "quítenme de",
            "borren mi número",
            "cancelar suscripción",
            "desuscribir",
            // fr
            "arrêtez de m'appeler",
            "arrête de m'appeler",
            "arrêtez de me contacter",
            "arrêtez de m'écrire",
            "arrêtez de m'envoyer",
            "arrêtez les messages",
            "arrêtez les appels",
            "ne m'appelez plus",
            "ne me contactez plus",
            "ne m'écrivez plus",
            "ne m'envoyez plus",
            "désabonner",
            "désinscrire",
            "désinscription",
            "désabonnement",
            "retirez-moi",
            "retirez mon numéro",
            "supprimez mon numéro",
            "laissez-moi tranquille");

    /** Whole-utterance SMS keywords that mean opt out. */
    private static final List<String> OPT_OUT_WHOLE =
            List.of("stop", "stop all", "stopall", "end", "quit", "baja", "alto", "arrêt", "arrêter", "stop svp");

    private static final List<String> AFFIRM = List.of(
            "yes",
            "yeah",
            "yea",
            "yep",
            "yup",
            "ya",
            "yes please",
            "yes yes",
            "sure",
            "sure thing",
            "of course",
            "ok",
            "okay",
            "k",
            "alright",
            "all right",
            "correct",
            "thats correct",
            "thats right",
            "right",
            "exactly",
            "absolutely",
            "definitely",
            "affirmative",
            "uh huh",
            "mhm",
            "mm hmm",
            "sounds good",
            "perfect",
            "great",
            "yes thats right",
            "yes it is",
            "yes i do",
            "yes please do",
            "go ahead",
            "please do",
            "that works",
            "si",
            "sí",
            "si si",
            "si claro",
            "claro",
            "claro que si",
            "vale",
            "dale",
            "de acuerdo",
            "correcto",
            "exacto",
            "por supuesto",
            "si por favor",
            "esta bien",
            "perfecto",
            "asi es",
            "oui",
            "ouais",
            "ouaip",
            "oui oui",
            "oui merci",
            "oui svp",
            "oui sil vous plait",
            "daccord",
            "d accord",
            "bien sur",
            "exactement",
            "tout a fait",
            "parfait",
            "cest ca",
            "cest bon",
            "ca marche",
            "volontiers",
            "absolument",
            "entendu");

    private static final List<String> DENY = List.of(
            "no",
            "nope",
            "nah",
            "no no",
            "no thanks",
            "no thank you",
            "not really",
            "negative",
            "no way",
            "never",
            "not at all",
            "thats wrong",
            "wrong",
            "incorrect",
            "no its not",
            "no i dont",
            "no please",
            "not now",
            "no gracias",
            "para nada",
            "nunca",
            "incorrecto",
            "no es correcto",
            "en absoluto",
            "no no no",
            "non",
            "non merci",
            "nan",
            "pas du tout",
            "non non",
            "jamais",
            "cest faux",
            "pas vraiment",
            "non pas du tout");

    private static final List<String> GOODBYE = List.of(
            // en
            "bye",
            "bye bye",
            "goodbye",
            "good bye",
            "that's all",
            "that is all",
            "that's it",
            "that is it",
            "have a good day",
            "have a nice day",
            "have a great day",
            "see you",
            "talk to you later",
            "take care",
            "that's everything",
            "nothing else",
            "i'm all set",
            "i'm done",
            // es
            "adiós",
            "hasta luego",
            "hasta pronto",
            "hasta mañana",
            "chao",
            "chau",
            "eso es todo",
            "nada mas",
            "es todo",
            "que tenga buen día",
            "buen día",
            // fr
            "au revoir",
            "à bientôt",
            "bonne journée",
            "bonne soiree",
            "c'est tout",
            "rien d'autre",
            "à plus",
            "ciao");

    /** Whole-utterance thanks (after an answer, the caller is wrapping up). */
    private static final List<String> THANKS = List.of(
            "thanks",
            "thank you",
            "thanks a lot",
            "thank you so much",
            "thanks so much",
            "ok thanks",
            "okay thanks",
            "ok thank you",
            "great thanks",
            "perfect thanks",
            "cheers",
            "gracias",
            "muchas gracias",
            "mil gracias",
            "ok gracias",
            "vale gracias",
            "merci",
            "merci beaucoup",
            "merci bien",
            "ok merci",
            "daccord merci",
            "parfait merci");

    private static final List<String> GREETING = List.of(
            "hi",
            "hello",
            "hey",
            "hey there",
            "hi there",
            "hello there",
            "good morning",
            "good afternoon",
            "good evening",
            "hiya",
            "howdy",
            "hola",
            "buenos días",
            "buenas tardes",
            "buenas noches",
            "buenas",
            "bonjour",
            "bonsoir",
            "salut",
            "allô",
            "coucou");

    /** Words ignored when testing whether a whole utterance is a yes, no, thanks, goodbye or greeting. */
    static final Set<String> FILLERS = Set.of(
            "uh", "um", "umm", "uhm", "er", "erm", "ah", "oh", "hmm", "well", "so", "eh", "em", "este", "pues", "euh",
            "ben", "bah", "bon", "alors", "hum");

    private static final int SHORT = 8;

    private static final PhraseMatcher LIFE = new PhraseMatcher(LIFE_THREATENING);
    /** A bare emergency number is a danger to life; inside a longer utterance it may be an address or phone. */
    private static final PhraseMatcher EMERGENCY_NUMBERS =
            new PhraseMatcher(List.of("911", "112", "999", "911 911", "its a 911", "this is a 911"));

    private static final PhraseMatcher PROPERTY_MATCHER = new PhraseMatcher(PROPERTY);
    private static final PhraseMatcher OPT_OUT_MATCHER = new PhraseMatcher(OPT_OUT);
    private static final PhraseMatcher OPT_OUT_WHOLE_MATCHER = new PhraseMatcher(OPT_OUT_WHOLE);
    private static final PhraseMatcher AFFIRM_MATCHER = new PhraseMatcher(AFFIRM);
    private static final PhraseMatcher DENY_MATCHER = new PhraseMatcher(DENY);
    private static final PhraseMatcher GOODBYE_MATCHER = new PhraseMatcher(GOODBYE);
    private static final PhraseMatcher THANKS_MATCHER = new PhraseMatcher(THANKS);
    private static final PhraseMatcher GREETING_MATCHER = new PhraseMatcher(GREETING);

    private IntentRules() {}

    /** A rule's verdict, before the language is attached. */
    record Verdict(Intent intent, double confidence, boolean lifeThreatening, String keyword) {}

    /**
     * The rules in order: emergencies (built-in dangers to life first, then the business's keywords, then built-in
     * property emergencies), opt-outs, bare yes/no, goodbyes, bare greetings. Null when no rule applies.
     */
    static Verdict apply(String text, List<String> emergencyKeywords) {
        return apply(text, emergencyKeywords == null ? null : new PhraseMatcher(lowercase(emergencyKeywords)));
    }

    /** As {@link #apply(String, List)} with the business's keywords already compiled. */
    static Verdict apply(String text, PhraseMatcher businessKeywords) {
        PhraseMatcher.Folded folded = PhraseMatcher.Folded.of(text);
        Verdict emergency = emergency(folded, businessKeywords);
        if (emergency != null) {
            return emergency;
        }
        String hit = OPT_OUT_MATCHER.find(folded);
        if (hit != null) {
            return new Verdict(Intent.OPT_OUT, 1.0, false, hit);
        }
        PhraseMatcher.Folded bare = folded.without(FILLERS);
        if (bare.length() == 0) {
            return null;
        }
        if ((hit = OPT_OUT_WHOLE_MATCHER.whole(bare)) != null) {
            return new Verdict(Intent.OPT_OUT, 1.0, false, hit);
        }
        if ((hit = AFFIRM_MATCHER.whole(bare)) != null) {
            return new Verdict(Intent.AFFIRM, 1.0, false, hit);
        }
        if ((hit = DENY_MATCHER.whole(bare)) != null) {
            return new Verdict(Intent.DENY, 1.0, false, hit);
        }
        if ((hit = THANKS_MATCHER.whole(bare)) != null) {
            return new Verdict(Intent.GOODBYE, 0.9, false, hit);
        }
        if ((hit = GREETING_MATCHER.whole(bare)) != null) {
            return new Verdict(Intent.GREETING, 1.0, false, hit);
        }
        // "ok thank you, bye", "eso es todo, muchas gracias": a short utterance that ends with a goodbye
        if (bare.length() <= SHORT && (hit = GOODBYE_MATCHER.suffix(THANKS_MATCHER.dropSuffix(bare))) != null) {
            return new Verdict(Intent.GOODBYE, 1.0, false, hit);
        }
        return null;
    }

    private static final Set<String> YES_WORDS = Set.of(
            "yes", "yeah", "yea", "yep", "yup", "sure", "ok", "okay", "si", "claro", "vale", "oui", "ouais", "daccord");
    private static final Set<String> NO_WORDS = Set.of("no", "nope", "nah", "non", "nan");

    /**
     * Embeddings hear "yes that works" and "no that works" alike: between {@link Intent#AFFIRM} and {@link
     * Intent#DENY} the leading yes/no word decides.
     */
    static Intent polarity(Intent intent, String text) {
        if (intent != Intent.AFFIRM && intent != Intent.DENY) {
            return intent;
        }
        PhraseMatcher.Folded bare = PhraseMatcher.Folded.of(text).without(FILLERS);
        if (bare.length() == 0) {
            return intent;
        }
        String first = bare.joined()[0];
        if (YES_WORDS.contains(first)) {
            return Intent.AFFIRM;
        }
        if (NO_WORDS.contains(first)) {
            return Intent.DENY;
        }
        return intent;
    }

    static List<String> lowercase(List<String> keywords) {
        List<String> own = new ArrayList<>(keywords.size());
        for (String k : keywords) {
            if (k != null && !k.isBlank()) {
                own.add(k.toLowerCase(Locale.ROOT));
            }
        }
        return own;
    }

    private static Verdict emergency(PhraseMatcher.Folded folded, PhraseMatcher businessKeywords) {
        PhraseMatcher.Folded masked = NOT_EMERGENCIES.mask(folded);
        String hit = LIFE.find(masked);
        if (hit == null) {
            hit = EMERGENCY_NUMBERS.whole(folded.without(FILLERS));
        }
        if (hit != null) {
            return new Verdict(Intent.EMERGENCY, 1.0, true, hit);
        }
        if (businessKeywords != null) {
            hit = businessKeywords.find(folded);
            if (hit != null) {
                return new Verdict(Intent.EMERGENCY, 1.0, false, hit);
            }
        }
        hit = PROPERTY_MATCHER.find(masked);
        if (hit != null) {
            return new Verdict(Intent.EMERGENCY, 1.0, false, hit);
        }
        return null;
    }
}
