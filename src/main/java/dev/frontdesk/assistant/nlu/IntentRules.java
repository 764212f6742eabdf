package dev.frontdesk.assistant.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules that win over the nearest neighbours: emergencies, opt-outs, bare yes/no, goodbyes and bare greetings.
 * The phrases come from {@code assistant/lang/<code>/intents.properties}, every listed language's together (callers
 * mix languages), in the order languages are listed. Immutable, so thread-safe; no model needed.
 */
final class IntentRules {

    /** Built-in dangers to life: the caller is told to call 911 first. */
    static final List<String> LIFE_THREATENING = phrases("emergency.life");

    /** Built-in property emergencies: urgent, but no danger to life. */
    static final List<String> PROPERTY = phrases("emergency.property");

    /** Compounds that mention an emergency word without being one. */
    private static final PhraseMatcher NOT_EMERGENCIES = new PhraseMatcher(phrases("emergency.not"));

    /** Words ignored when testing whether a whole utterance is a yes, no, thanks, goodbye or greeting. */
    static final Set<String> FILLERS = Set.copyOf(phrases("fillers"));

    private static final int SHORT = 8;

    private static final PhraseMatcher LIFE = new PhraseMatcher(LIFE_THREATENING);
    /** Dangers told in two words with others between them ("huele un poquito a gas"): "word ~ word". */
    private static final List<String> LIFE_NEAR = phrases("emergency.life.near");
    /** Property emergencies told the same way ("the heating is not working at all"). */
    private static final List<String> PROPERTY_NEAR = phrases("emergency.property.near");

    /** How many words may stand between the two words of a pair. */
    private static final int NEAR = 5;
    /** A bare emergency number is a danger to life; inside a longer utterance it may be an address or phone. */
    private static final PhraseMatcher EMERGENCY_NUMBERS = new PhraseMatcher(phrases("emergency.numbers"));

    private static final PhraseMatcher PROPERTY_MATCHER = new PhraseMatcher(PROPERTY);
    private static final PhraseMatcher OPT_OUT_MATCHER = new PhraseMatcher(phrases("opt-out"));
    /** Whole-utterance SMS keywords that mean opt out. */
    private static final PhraseMatcher OPT_OUT_WHOLE_MATCHER = new PhraseMatcher(phrases("opt-out.whole"));

    private static final PhraseMatcher AFFIRM_MATCHER = new PhraseMatcher(phrases("affirm"));
    private static final PhraseMatcher DENY_MATCHER = new PhraseMatcher(phrases("deny"));
    private static final PhraseMatcher GOODBYE_MATCHER = new PhraseMatcher(phrases("goodbye"));
    /** Whole-utterance thanks (after an answer, the caller is wrapping up). */
    private static final PhraseMatcher THANKS_MATCHER = new PhraseMatcher(phrases("thanks"));

    private static final PhraseMatcher GREETING_MATCHER = new PhraseMatcher(phrases("greeting"));

    private IntentRules() {}

    /** Every listed language's phrases for one key of intents.properties, in order. */
    static List<String> phrases(String key) {
        return Languages.each(l -> l.intents().list(key));
    }

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

    private static final Set<String> YES_WORDS = Set.copyOf(phrases("polarity.yes"));
    private static final Set<String> NO_WORDS = Set.copyOf(phrases("polarity.no"));

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
            hit = PhraseMatcher.near(masked, LIFE_NEAR, NEAR);
        }
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
        if (hit == null) {
            hit = PhraseMatcher.near(masked, PROPERTY_NEAR, NEAR);
        }
        if (hit != null) {
            return new Verdict(Intent.EMERGENCY, 1.0, false, hit);
        }
        return null;
    }
}
