package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import java.util.Optional;

/**
 * Proving the caller holds the number whose appointments they ask about, before anything is read out or
 * changed. A signed text or WhatsApp message from the number, or a call whose caller ID the carrier
 * attested, proves it already; otherwise (web chat, a withheld or unattested caller ID, a number the caller
 * only said) the assistant texts a one-time code to the number on file and asks for it back. A number with
 * nothing booked gets no text but the same words, so a stranger learns nothing about whose number it is.
 */
final class Verification extends Flow {

    Verification(AssistantTools tools) {
        super(tools);
    }

    /** The caller's number, when this conversation has proven they hold it; null otherwise. */
    static String proven(Dialogue d) {
        return d.phone != null && d.phone.equals(d.verifiedPhone) ? d.phone : null;
    }

    /** Texts a code to the number on file and asks for it; the task waits until it is read back. */
    Output start(Context ctx, Dialogue d) {
        return send(ctx, d, "codeSent");
    }

    /** Asks again for the code already sent. */
    Output askAgain(Context ctx, Dialogue d) {
        d.asked = Dialogue.Ask.CODE;
        return Output.say(Phrases.say(d.language, "codeMissing", ending(ctx, d)));
    }

    /**
     * The caller's answer while a code is awaited: the code (proven, wrong, dead), a request for a new one,
     * or, when {@code switching} to another request, nothing (the request is handled instead).
     */
    Optional<Output> answer(Context ctx, Dialogue d, String text, boolean switching, Flows flows) {
        Optional<String> code = Entities.code(text, CallerCodes.LENGTH);
        if (code.isEmpty()) {
            if (Cues.has("newCode", text)) {
                return Optional.of(send(ctx, d, "codeResent"));
            }
            if (switching) {
                return Optional.empty();
            }
            if (++d.codeMisses > 2) {
                // "I don't have that phone with me": no point asking a fourth time
                return Optional.of(giveUp(d, "codeLocked"));
            }
            return Optional.of(askAgain(ctx, d));
        }
        return Optional.of(
                switch (tools.checkCode(ctx.conversationId(), d.phone, code.get())) {
                    case PROVEN -> {
                        d.verifiedPhone = d.phone;
                        d.asked = Dialogue.Ask.NOTHING;
                        Output next = flows.resume(ctx, d);
                        yield new Output(Phrases.say(d.language, "codeProven") + " " + next.text(), next.actions());
                    }
                    case WRONG -> Output.say(Phrases.say(d.language, "codeWrong"));
                    case LOCKED, NONE -> giveUp(d, "codeLocked");
                });
    }

    private Output send(Context ctx, Dialogue d, String sentKey) {
        String business = ctx.business().name();
        String language = d.language;
        var sent = tools.sendCode(
                ctx.business(),
                ctx.conversationId(),
                d.phone,
                code -> Phrases.say(language, "codeText", business, code));
        return switch (sent) {
            case SENT -> {
                d.asked = Dialogue.Ask.CODE;
                d.codeMisses = 0;
                yield Output.say(Phrases.say(d.language, sentKey, ending(ctx, d)));
            }
            case TOO_MANY -> giveUp(d, "codeLimit");
            case NOT_DELIVERED -> giveUp(d, "codeNotSent");
        };
    }

    /** The number could not be proven: nothing about its bookings is said; a message is offered. */
    private static Output giveUp(Dialogue d, String key) {
        d.achieved(
                "ANSWERED", "Could not confirm the caller's number; their appointments were not read out or changed.");
        d.resetTask();
        d.asked = Dialogue.Ask.OFFER_MESSAGE;
        return Output.say(Phrases.say(d.language, key));
    }

    /** The last four digits of the number, spaced out when spoken so they are read one by one. */
    private static String ending(Context ctx, Dialogue d) {
        String digits = d.phone.substring(Math.max(0, d.phone.length() - 4));
        return ctx.spoken() ? String.join(" ", digits.split("")) : digits;
    }
}
