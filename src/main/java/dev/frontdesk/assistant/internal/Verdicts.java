package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.frontdesk.assistant.nlu.IntentResult;

/**
 * What the offline brain takes a turn's words to ask: the classifier's verdict, with an emergency or opt-out that
 * no rule backs dropped when it is weak or when the caller is answering ({@link #trusted}), and an emergency told
 * only in words reread ({@link EmergencyWords#reread}).
 *
 * <p>When no rule decides and the caller is answering what we asked or asks a question, the verdict can be neither
 * an emergency nor an opt-out whatever the nearest examples say, so it is left {@linkplain IntentResult#pending()
 * pending}: the words are embedded only if a later step asks for the intent. A name given when asked for, or a day
 * given in answer to "when?", is then read without the embedding; what the turn does is the same.
 */
final class Verdicts {

    /**
     * An emergency or opt-out told only by the nearest examples (no rule matched) must be at least this
     * sure before the assistant alerts the owner or ends the call: "the leak repair" or "je m'appelle Luc"
     * sit near such examples without being either.
     */
    private static final double SURE_WITHOUT_RULE = 0.35;

    private Verdicts() {}

    /**
     * The verdict on the turn's words (normalised). A pending verdict is neither an emergency nor an opt-out:
     * callers test {@link IntentResult#pending()} before asking those of it.
     */
    static IntentResult of(IntentClassifier intents, Context ctx, Dialogue d, String text) {
        IntentResult classified =
                intents.classifyWhenAsked(text, d.language, ctx.business().emergencyKeywords());
        if (classified.pending() && answersOrAsks(d, text)) {
            // what trusted() gives here depends only on the verdict; rereading changes only an emergency
            return classified.then(Verdicts::whenAnsweringOrAsking);
        }
        return EmergencyWords.reread(ctx, text, trusted(ctx, d, text, classified));
    }

    /**
     * Drops a consequential verdict (emergency, opt-out) that no rule backs when it is weak, or when the
     * caller is answering a question we asked (a service, a name, a message): the turn is then read as an
     * answer or an unknown request instead.
     */
    static IntentResult trusted(Context ctx, Dialogue d, String text, IntentResult intent) {
        if (!consequentialWithoutRule(intent)) {
            return intent;
        }
        // ending the call on an opt-out cannot be undone: without a rule it needs a strong match
        // "water dripping from the pipe under the sink": a plain job, unless the likeness is strong
        boolean job = Cues.serviceForProblem(text, ctx.business().services()).isPresent();
        double needed = intent.intent() == Intent.OPT_OUT || job ? Flow.STRONG : SURE_WITHOUT_RULE;
        if (!answersOrAsks(d, text) && intent.confidence() >= needed) {
            return intent;
        }
        return whenAnsweringOrAsking(intent);
    }

    /**
     * Whether {@link #trusted} drops every emergency and opt-out that no rule backs: the caller is answering what
     * we asked, or asks a question ("¿ustedes instalan ablandadores de agua?" is not an emergency unless a rule
     * says so).
     */
    private static boolean answersOrAsks(Dialogue d, String text) {
        boolean answering = switch (d.asked) {
            case NOTHING, ANYTHING_ELSE -> false;
            default -> true;
        };
        return answering || text.contains("?");
    }

    /** {@link #trusted} when {@link #answersOrAsks}: an emergency or opt-out that no rule backs is unknown. */
    private static IntentResult whenAnsweringOrAsking(IntentResult intent) {
        if (!consequentialWithoutRule(intent)) {
            return intent;
        }
        return new IntentResult(Intent.UNKNOWN, intent.confidence(), intent.language(), false, null);
    }

    private static boolean consequentialWithoutRule(IntentResult intent) {
        boolean consequential = intent.intent() == Intent.EMERGENCY || intent.intent() == Intent.OPT_OUT;
        return consequential && intent.matchedKeyword() == null;
    }
}
