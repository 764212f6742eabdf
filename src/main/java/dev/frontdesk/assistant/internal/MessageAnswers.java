package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentResult;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Answers to "what's your message?" and to the offer to take one. */
final class MessageAnswers {

    private MessageAnswers() {}

    static Optional<Output> answer(
            Flows flows,
            Context ctx,
            Dialogue d,
            String text,
            IntentResult intent,
            BooleanSupplier switching,
            Optional<Boolean> yesNo) {
        if (d.asked == Dialogue.Ask.MESSAGE_TEXT) {
            // "i don't need to leave a message then, could i talk to mike turner instead": the call, not a message
            boolean asksForSomeoneElse = Cues.has("askPerson", text)
                    && (!Cues.has("relay", text) || Cues.has("noMessage", text))
                    && flows.booking().tools.namesStaff(ctx.business(), text);
            // "can you pass a message along to Mike Turner for me", "yes pls leave him a msg": who it is for or
            // only the wish to leave one; the message is still to come
            int words = Words.count(text);
            if (Cues.has("relay", text) && !Cues.carriesMessage(text) && Cues.endsWithRequest(text) && words <= 14) {
                boolean namesRecipient = flows.booking().tools.namesStaff(ctx.business(), text);
                if (namesRecipient || words <= 8) {
                    d.forWhom = namesRecipient ? text : d.forWhom;
                    return Optional.of(Output.say(Phrases.say(d.language, "askMessage")));
                }
            }
            if (Cues.asksSomething(text) && !Cues.carriesMessage(text) && !Cues.has("relay", text) && words <= 12) {
                // "oh shes out today do you know when shes back": a question, not the message
                return Optional.of(Output.say(Phrases.say(d.language, "askMessage")));
            }
            if ((!switching.getAsBoolean() || intent.intent() == Intent.MESSAGE) && !asksForSomeoneElse) {
                d.messageText = d.verbatim(text);
                return Optional.of(flows.talk().advanceMessage(ctx, d));
            }
        }
        if (d.asked == Dialogue.Ask.OFFER_MESSAGE) {
            // "ok and are your guys licensed?": the new question, not a yes to the message
            boolean asksAnew = TalkFlow.faqTopic(text) && !Cues.carriesMessage(text);
            if (yesNo.isPresent() && !asksAnew) {
                if (yesNo.get() && Cues.carriesMessage(text)) {
                    // "sure, have the owner call me about a softener for my three family house"
                    d.task = Dialogue.Task.MESSAGE;
                    d.messageText = d.verbatim(text);
                    return Optional.of(flows.talk().advanceMessage(ctx, d));
                }
                if (TaskSwitches.asksMore(flows, ctx, d, text)) {
                    // "no need. pls just cancel the afternoon one on wed", "okay. Well, please go ahead and cancel my
                    // appointment for tomorrow": the request, not the message
                    return Optional.empty();
                }
                if (yesNo.get()) {
                    d.task = Dialogue.Task.MESSAGE;
                    d.asked = Dialogue.Ask.MESSAGE_TEXT;
                    if (flows.booking().tools.namesStaff(ctx.business(), text)) {
                        d.forWhom = text; // "sure, can i leave it for dana reyes"
                    }
                    return Optional.of(Output.say(Phrases.say(d.language, "askMessage")));
                }
                d.asked = Dialogue.Ask.ANYTHING_ELSE;
                return Optional.of(Output.say(Phrases.say(d.language, "anythingElse")));
            }
        }
        return Optional.empty();
    }
}
