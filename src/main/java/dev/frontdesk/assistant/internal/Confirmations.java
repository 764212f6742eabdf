package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply.Action;
import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the LLM brain's tools did, as the dialogue records it and as the offline brain confirms it when
 * the model failed after acting: "You're booked for drain cleaning tomorrow at eleven", never "eleven is
 * not available" (it is taken — by this caller) and never a second booking.
 */
final class Confirmations extends Flow {

    Confirmations(AssistantTools tools) {
        super(tools);
    }

    /**
     * The offline brain's answer to a turn whose effects the model did not get to confirm: each effect in
     * the caller's language, emergencies first, then "anything else?". The caller's words are not acted on
     * again; the dialogue continues from a clean task.
     */
    Output confirm(Context ctx, Dialogue d, List<ToolEffect> effects, String callerWords) {
        d.turns++;
        record(d, effects, callerWords);
        d.resetTask();
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        String lang = d.language;
        List<String> said = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (ToolEffect effect : effects.stream()
                .sorted(Comparator.comparing(e -> e.kind() != ToolEffect.Kind.EMERGENCY))
                .toList()) {
            switch (effect.kind()) {
                case EMERGENCY ->
                    said.add(
                            effect.lifeThreatening()
                                    ? Phrases.say(
                                            lang,
                                            "emergencyDanger",
                                            emergencyNumber(ctx),
                                            ctx.business().name())
                                    : Phrases.say(
                                            lang, "emergency", ctx.business().name()));
                case BOOKED ->
                    said.add(Phrases.say(
                            lang,
                            d.phone == null ? "bookedNoReminder" : "booked",
                            service(d, effect),
                            when(ctx, d, effect.start())));
                case RESCHEDULED ->
                    said.add(Phrases.say(lang, "rescheduled", service(d, effect), when(ctx, d, effect.start())));
                case CANCELLED ->
                    said.add(Phrases.say(lang, "cancelled", service(d, effect), when(ctx, d, effect.start())));
                case MESSAGE_TAKEN -> said.add(Phrases.say(lang, "messageTaken"));
                case NOT_INTERESTED -> said.add(Phrases.say(lang, "optedOut"));
                case TRANSFERRED -> {
                    if (ctx.spoken() && actions.isEmpty()) {
                        Output transfer = transfer(d, effect.number(), callerWords);
                        said.add(transfer.text());
                        actions.addAll(transfer.actions());
                    }
                }
            }
        }
        if (actions.isEmpty()) {
            said.add(Phrases.say(lang, "anythingElse"));
        }
        return new Output(String.join(" ", said), actions);
    }

    /**
     * Writes what the tools did into the dialogue: the outcome, the owner's summary, the emergency flag, and
     * for a transfer who the caller asked for (the message offered if nobody answers is for them).
     */
    static void record(Dialogue d, List<ToolEffect> effects, String callerWords) {
        for (ToolEffect effect : effects) {
            d.achieved(effect.outcome(), effect.summary());
            if (effect.kind() == ToolEffect.Kind.EMERGENCY) {
                d.emergency = true;
                d.lifeThreatening |= effect.lifeThreatening();
            }
            if (effect.kind() == ToolEffect.Kind.TRANSFERRED) {
                d.forWhom = callerWords;
            }
        }
    }

    /**
     * The model's reply as the channel carries it out: words, then a hang-up, or the caller put through
     * (the same transfer as the offline brain's, with its "connecting" line when the model said nothing).
     */
    static Output reply(
            Context ctx, Dialogue d, String text, boolean endCall, List<ToolEffect> effects, String callerWords) {
        var transfer = effects.stream()
                .filter(e -> e.kind() == ToolEffect.Kind.TRANSFERRED)
                .reduce((first, second) -> second);
        if (transfer.isPresent() && ctx.spoken()) {
            Output put = transfer(d, transfer.get().number(), callerWords);
            return new Output(text == null || text.isBlank() ? put.text() : text, put.actions());
        }
        if (endCall) {
            return end(d, text);
        }
        return Output.say(text);
    }

    private static String service(Dialogue d, ToolEffect effect) {
        return effect.service() == null ? "" : Speech.service(effect.service(), d.language);
    }
}
