package dev.frontdesk.assistant.nlu;

import java.util.Objects;

/**
 * The classifier's verdict on one utterance.
 *
 * @param intent what the caller wants
 * @param confidence 0..1; 1 for a rule, else the similarity-weighted vote share times the best similarity of the
 *     winning intent; for {@link Intent#UNKNOWN} the best similarity found
 * @param language "en", "es" or "fr": detected, else the hint, else "en"
 * @param lifeThreatening for {@link Intent#EMERGENCY}: a danger to life (gas, fire, smoke, carbon monoxide,
 *     someone hurt, 911...) rather than to property; the caller is told to call 911 first only when true
 * @param matchedKeyword the rule keyword or phrase that decided, or null when the nearest neighbours did
 */
public record IntentResult(
        Intent intent, double confidence, String language, boolean lifeThreatening, String matchedKeyword) {

    public IntentResult {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(language, "language");
    }
}
