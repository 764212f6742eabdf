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
            "cant breathe",
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
            "llame al 911",
            "llamamos al 911",
            "llamar al 112",
            "llame al 112",
            "appeler le 112",
            "appele le 112",
            "appeler le 911",
            "appele le 911",
            "appeler le 15",
            "appele le 15",
            "appeler le 18",
            // es
            "fuga de gas",
            "huele a gas",
            "olor a gas",
            "escape de gas",
            "monoxido de carbono",
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
            "ca sent le gaz",
            "monoxyde de carbone",
            "fumee",
            "feu",
            "incendie",
            "etincelles",
            "inconscient",
            "inconsciente",
            "ne respire plus",
            "ne respire pas",
            "blesse",
            "blessee",
            "saigne",
            "electrocute",
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
            "tuberia rota",
            "se rompio la tuberia",
            "revento",
            "reventado",
            "inundacion",
            "inundado",
            "inundada",
            "sin agua",
            "no tengo agua",
            "no hay agua",
            "sin calefaccion",
            "no hay calefaccion",
            "no tengo calefaccion",
            "fuga de agua",
            "aguas negras",
            // fr
            "inondation",
            "inonde",
            "inondee",
            "degat des eaux",
            "degats des eaux",
            "tuyau eclate",
            "tuyau a eclate",
            "canalisation eclatee",
            "pas deau",
            "plus deau",
            "pas de chauffage",
            "plus de chauffage",
            "fuite deau",
            "refoulement degout",
            "refoulement des egouts",
            "egout qui refoule",
            "les egouts refoulent");

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
            "detecteur de fumee",
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
            "dont contact me",
            "do not contact me",
            "dont call me again",
            "do not call me again",
            "dont call me anymore",
            "dont text me",
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
            "dont call list",
            "leave me alone",
            // es
            "deje de llamar",
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
            "quitenme de",
            "borren mi numero",
            "cancelar suscripcion",
            "desuscribir",
            // fr
            "arretez de mappeler",
            "arrete de mappeler",
            "arretez de me contacter",
            "arretez de mecrire",
            "arretez de menvoyer",
            "arretez les messages",
            "arretez les appels",
            "ne mappelez plus",
            "ne me contactez plus",
            "ne mecrivez plus",
            "ne menvoyez plus",
            "desabonner",
            "desinscrire",
            "desinscription",
            "desabonnement",
            "retirez moi",
            "retirez mon numero",
            "supprimez mon numero",
            "laissez moi tranquille");

    /** Whole-utterance SMS keywords that mean opt out. */
    private static final List<String> OPT_OUT_WHOLE =
            List.of("stop", "stop all", "stopall", "end", "quit", "baja", "alto", "arret", "arreter", "stop svp");

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
            "thats all",
            "that is all",
            "thats it",
            "that is it",
            "have a good day",
            "have a nice day",
            "have a great day",
            "see you",
            "talk to you later",
            "take care",
            "thats everything",
            "nothing else",
            "im all set",
            "im done",
            // es
            "adios",
            "hasta luego",
            "hasta pronto",
            "hasta manana",
            "chao",
            "chau",
            "eso es todo",
            "nada mas",
            "es todo",
            "que tenga buen dia",
            "buen dia",
            // fr
            "au revoir",
            "a bientot",
            "bonne journee",
            "bonne soiree",
            "cest tout",
            "rien dautre",
            "a plus",
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
            "buenos dias",
            "buenas tardes",
            "buenas noches",
            "buenas",
            "bonjour",
            "bonsoir",
            "salut",
            "allo",
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
        if (bare.length() <= SHORT && (hit = GOODBYE_MATCHER.find(bare)) != null) {
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
