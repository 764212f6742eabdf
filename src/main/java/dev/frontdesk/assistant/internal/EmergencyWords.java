package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentResult;

/**
 * Emergency verdicts that are only words: "do you do emergency call-outs?", "it's not urgent, just a drip",
 * "si jamais l'ouvrier se blesse, qu'est-ce qui se passe". A danger to life said plainly is never reread.
 */
final class EmergencyWords {

    private EmergencyWords() {}

    /** An urgent-sounding word in a question about the service or beside "it's not urgent". */
    static boolean notAnEmergency(Context ctx, String text) {
        return Cues.has("notUrgent", text)
                || Cues.has("hypothetical", text)
                || (Cues.has("serviceQuestion", text)
                        && Cues.serviceForProblem(text, ctx.business().services())
                                .isEmpty());
    }

    /**
     * The verdict for the turn: an emergency told only in words becomes a question, or a visit when the caller
     * says it is not urgent and names the trouble ("a little water under the sink, not much, I need somebody").
     */
    static IntentResult reread(Context ctx, String text, IntentResult intent) {
        if (intent.intent() != Intent.EMERGENCY || !Cues.mereDanger(intent, text) || !notAnEmergency(ctx, text)) {
            return intent;
        }
        boolean visit = Cues.has("notUrgent", text)
                && !Cues.asksPrice(text)
                && !Cues.has("hypothetical", text)
                && Requests.service(ctx, text).isPresent();
        return new IntentResult(
                visit ? Intent.BOOK : Intent.QUESTION, intent.confidence(), intent.language(), false, null);
    }
}
