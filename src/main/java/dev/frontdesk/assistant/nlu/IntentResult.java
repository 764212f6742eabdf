package dev.frontdesk.assistant.nlu;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The classifier's verdict on one utterance.
 *
 * <p>A verdict of the nearest examples may be <em>pending</em> ({@link IntentClassifier#classifyWhenAsked}): the
 * utterance is embedded and compared with the examples the first time one of its parts is read, and never if none
 * is. A pending verdict reads exactly as the verdict {@link IntentClassifier#classify} gives for the same words;
 * it is meant for one turn's thread (reads are nevertheless safe from several).
 *
 * <p>Its parts:
 *
 * <ul>
 *   <li>{@code intent}: what the caller wants
 *   <li>{@code confidence}: 0..1; 1 for a rule, else the similarity-weighted vote share times the best similarity of
 *       the winning intent; for {@link Intent#UNKNOWN} the best similarity found
 *   <li>{@code language}: "en", "es" or "fr": detected, else the hint, else "en"
 *   <li>{@code lifeThreatening}: for {@link Intent#EMERGENCY}: a danger to life (gas, fire, smoke, carbon monoxide,
 *       someone hurt, 911...) rather than to property; the caller is told to call 911 first only when true
 *   <li>{@code matchedKeyword}: the rule keyword or phrase that decided, or null when the nearest neighbours did
 * </ul>
 */
public final class IntentResult {

    private Supplier<IntentResult> pending;
    private Intent intent;
    private double confidence;
    private String language;
    private boolean lifeThreatening;
    private String matchedKeyword;

    public IntentResult(
            Intent intent, double confidence, String language, boolean lifeThreatening, String matchedKeyword) {
        this.intent = Objects.requireNonNull(intent, "intent");
        this.language = Objects.requireNonNull(language, "language");
        this.confidence = confidence;
        this.lifeThreatening = lifeThreatening;
        this.matchedKeyword = matchedKeyword;
    }

    private IntentResult(Supplier<IntentResult> pending) {
        this.pending = Objects.requireNonNull(pending, "pending");
    }

    /** A verdict found by {@code verdict} the first time it is read (at most once). */
    static IntentResult whenAsked(Supplier<IntentResult> verdict) {
        return new IntentResult(verdict);
    }

    /** Whether the verdict is still to be found (nothing has read it yet). */
    public synchronized boolean pending() {
        return pending != null;
    }

    /**
     * The verdict {@code step} makes of this one: at once when this one is known, else when it is first read.
     * {@code step} must depend on nothing but its argument and values fixed when it is given.
     */
    public IntentResult then(UnaryOperator<IntentResult> step) {
        if (!pending()) {
            return step.apply(this);
        }
        return new IntentResult(() -> step.apply(this));
    }

    public Intent intent() {
        known();
        return intent;
    }

    public double confidence() {
        known();
        return confidence;
    }

    public String language() {
        known();
        return language;
    }

    public boolean lifeThreatening() {
        known();
        return lifeThreatening;
    }

    public String matchedKeyword() {
        known();
        return matchedKeyword;
    }

    private synchronized void known() {
        if (pending == null) {
            return;
        }
        IntentResult found = pending.get();
        found.known();
        intent = found.intent;
        confidence = found.confidence;
        language = found.language;
        lifeThreatening = found.lifeThreatening;
        matchedKeyword = found.matchedKeyword;
        pending = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntentResult other
                && intent() == other.intent()
                && Double.compare(confidence(), other.confidence()) == 0
                && language().equals(other.language())
                && lifeThreatening() == other.lifeThreatening()
                && Objects.equals(matchedKeyword(), other.matchedKeyword());
    }

    @Override
    public int hashCode() {
        return Objects.hash(intent(), confidence(), language(), lifeThreatening(), matchedKeyword());
    }

    @Override
    public String toString() {
        return "IntentResult[intent=" + intent() + ", confidence=" + confidence() + ", language=" + language()
                + ", lifeThreatening=" + lifeThreatening() + ", matchedKeyword=" + matchedKeyword() + "]";
    }
}
