package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.TimeExpressions;
import java.util.Optional;

/**
 * The first answers of a person the business called (a campaign's call), before anything is done on the call.
 * "Not interested" ends the call politely and is recorded as NOT_INTERESTED (it is not a do-not-call: that is
 * "stop calling me"); a plain yes to the opening's "do you have a moment?" goes on to find a time for the
 * meeting; a plain no is thanked and the call ends.
 */
final class CalledAnswers {

    private CalledAnswers() {}

    static Optional<Output> answer(Context ctx, Dialogue d, String text) {
        if (!d.outbound || d.task != Dialogue.Task.NONE || d.outcome != null) {
            return Optional.empty();
        }
        boolean asksForSomething = Requests.service(ctx, text).isPresent()
                || TimeExpressions.parse(text, d.language, ctx.now()).isPresent();
        if (Cues.has("notInterested", text) && !asksForSomething) {
            d.achieved("NOT_INTERESTED", "The person called was not interested.");
            return Optional.of(Flow.end(d, Phrases.say(d.language, "notInterested")));
        }
        boolean opening = d.turns == 1 && d.asked == Dialogue.Ask.NOTHING;
        Optional<Boolean> yes = Entities.yesNo(text, d.language);
        if (!opening || yes.isEmpty() || asksForSomething || Words.count(text) > 4) {
            return Optional.empty();
        }
        if (!yes.get()) {
            return Optional.of(Flow.end(
                    d, Phrases.say(d.language, "goodbyeCalled", ctx.business().name())));
        }
        d.task = Dialogue.Task.BOOK;
        d.asked = Dialogue.Ask.WHEN;
        return Optional.of(Output.say(Phrases.say(d.language, "calledYes")));
    }
}
