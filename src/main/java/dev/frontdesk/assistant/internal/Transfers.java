package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import java.util.Optional;

/**
 * Putting the caller through to someone of the staff: at once when they ask for them, with an offer when they
 * only spoke of them ("mike turner came by last week and gave me a price"), and a message when nobody can take
 * the call or the caller would rather leave one.
 */
final class Transfers {

    /** Fewer words than this naming someone is a request for them, not a story about them. */
    private static final int STORY_WORDS = 10;

    private Transfers() {}

    static Output transfer(Flows flows, Context ctx, Dialogue d, String text) {
        return transfer(flows, ctx, d, text, spokenOf(text));
    }

    private static Output transfer(Flows flows, Context ctx, Dialogue d, String text, boolean offer) {
        d.forWhom = text;
        Optional<String> target = flows.booking().tools.transferCall(ctx.business(), text);
        boolean declines = Cues.has("noTransfer", text); // "give mike a message, i don't need to talk to him"
        if (target.isPresent() && ctx.spoken() && !declines) {
            if (offer) {
                d.resetTask();
                // "this is george pappas. mike turner came by": the caller's name, if it is not the staff's
                Entities.name(text, d.language)
                        .filter(name -> d.name == null && !flows.booking().tools.namesStaff(ctx.business(), name))
                        .ifPresent(name -> d.name = name);
                d.asked = Dialogue.Ask.OFFER_TRANSFER;
                return Output.say(Phrases.say(d.language, "offerTransfer"));
            }
            d.achieved("TRANSFERRED", "Transferred the caller.");
            return Flow.transfer(d, target.get(), text);
        }
        d.resetTask();
        d.task = Dialogue.Task.MESSAGE;
        if (Cues.carriesMessage(text)) {
            d.messageText = d.verbatim(text);
            return flows.talk().advanceMessage(ctx, d);
        }
        d.asked = Dialogue.Ask.MESSAGE_TEXT;
        return Output.say(Phrases.say(d.language, declines ? "askMessage" : "noTransfer"));
    }

    /** The answer to "shall I put you through, or take a message?". */
    static Optional<Output> answerOffer(Flows flows, Context ctx, Dialogue d, String text, Optional<Boolean> yesNo) {
        // "no no don't put me through he's probably busy just leave him a message please"
        boolean message = Cues.has("relay", text) || Cues.has("noTransfer", text) || Cues.carriesMessage(text);
        if (message || yesNo.filter(yes -> !yes).isPresent()) {
            d.task = Dialogue.Task.MESSAGE;
            if (Cues.carriesMessage(text)) {
                d.messageText = d.verbatim(text);
                return Optional.of(flows.talk().advanceMessage(ctx, d));
            }
            if (message) {
                d.asked = Dialogue.Ask.MESSAGE_TEXT;
                return Optional.of(Output.say(Phrases.say(d.language, "askMessage")));
            }
            d.resetTask();
            d.asked = Dialogue.Ask.ANYTHING_ELSE;
            return Optional.of(Output.say(Phrases.say(d.language, "anythingElse")));
        }
        if (yesNo.orElse(false) || Cues.has("askPerson", text)) {
            return Optional.of(transfer(flows, ctx, d, d.forWhom + " " + text, false));
        }
        return Optional.empty();
    }

    /** Someone of the staff spoken of in a story, not asked for: no words asking for a person, no question. */
    private static boolean spokenOf(String text) {
        return !Cues.has("askPerson", text)
                && !text.contains("?")
                && !Cues.asksSomething(text)
                && Words.count(text) >= STORY_WORDS;
    }
}
