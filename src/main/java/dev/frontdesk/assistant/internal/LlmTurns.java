package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.llm.LlmBrain;
import dev.frontdesk.assistant.llm.LlmReply;
import dev.frontdesk.assistant.llm.LlmTurn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who answers a turn: the LLM brain when one is configured, with the tools bound to the turn; the offline
 * brain when there is none, when the caller was silent or is reading back a one-time code, and when the
 * model fails or hands the turn over. What the model's tools did before it failed is not done again: the
 * offline brain confirms it ({@link Confirmations}) instead of acting on the caller's words a second time,
 * and the model's memory keeps the calls and their results for the next turn.
 */
@Component
class LlmTurns {

    /** On a call, the offline brain's time to answer when the model runs out of time (at most a third). */
    static final Duration VOICE_RESERVE = Duration.ofMillis(700);

    private final ObjectProvider<LlmBrain> llmBrain;
    private volatile LlmBrain brain;
    private volatile boolean lookedUp;
    private final AssistantTools tools;
    private final ToolLedger ledger;
    private final Confirmations confirmations;

    LlmTurns(ObjectProvider<LlmBrain> llmBrain, AssistantTools tools, ToolLedger ledger) {
        this.llmBrain = llmBrain;
        this.tools = tools;
        this.ledger = ledger;
        this.confirmations = new Confirmations(tools);
    }

    Output respond(OfflineBrain brain, Context ctx, Dialogue d, InboundTurn turn, double threshold) {
        return respond(brain, ctx, d, turn, threshold, null);
    }

    /** Whether a language model answers the turns (else the offline brain, in-process, does). */
    boolean configured() {
        return llm() != null;
    }

    /** Whether the model's answers are streamed, so that a call may say their first sentence early. */
    boolean streams() {
        LlmBrain llm = llm();
        return llm != null && llm.streams();
    }

    /**
     * The model, looked up in the application context once: the bean exists from start-up or never, and a
     * look-up per turn (twice a turn) cost a voice turn about 0.5% of its CPU (docs/performance.md, "Fix 9").
     */
    private LlmBrain llm() {
        if (!lookedUp) {
            brain = llmBrain.getIfAvailable();
            lookedUp = true;
        }
        return brain;
    }

    /** A turn; {@code words}, when given, hears a streamed answer of the model as it is written. */
    Output respond(
            OfflineBrain brain,
            Context ctx,
            Dialogue d,
            InboundTurn turn,
            double threshold,
            java.util.function.Consumer<String> words) {
        LlmBrain llm = llm();
        if (llm == null) {
            return brain.respond(ctx, d, turn.text(), turn.confidence(), threshold);
        }
        String memory = ctx.conversationId().toString();
        if (turn.text().isBlank() || d.asked == Dialogue.Ask.CODE) {
            // a one-time code being checked is the offline brain's conversation, whichever brain asked
            Output offline = brain.respond(ctx, d, turn.text(), turn.confidence(), threshold);
            llm.recordOfflineTurn(memory, turn.text(), offline.text());
            return offline;
        }
        var bound = new BoundLlmTools(
                tools, ledger, ctx.business(), d, ctx.conversationId(), turn.callerPhone(), turn.channel());
        Optional<LlmReply> reply = llm.respond(
                new LlmTurn(
                        memory,
                        ctx.business().name(),
                        ctx.business().timezone(),
                        ctx.now(),
                        d.language,
                        turn.channel().spoken(),
                        ctx.business().settings().assistant().prompt(),
                        turn.callerPhone(),
                        turn.text(),
                        BusinessContext.of(ctx),
                        llm.holdsCalls() ? null : modelBudget(ctx)),
                bound,
                words);
        List<ToolEffect> effects = bound.effects();
        if (reply.isPresent()) {
            return answered(brain, ctx, d, reply.get(), effects, turn.text());
        }
        Output offline = effects.isEmpty()
                ? brain.respond(ctx, d, turn.text(), turn.confidence(), threshold)
                : confirmations.confirm(ctx, d, effects, turn.text());
        llm.recordFallback(memory, offline.text());
        return offline;
    }

    /**
     * Adds to the model's memory what the assistant said outside a turn (a transfer nobody answered: the
     * offer to take a message), so that the model knows when the caller answers it.
     */
    void said(java.util.UUID conversation, String text) {
        LlmBrain llm = llm();
        if (llm != null) {
            llm.recordFallback(conversation.toString(), text);
        }
    }

    /**
     * How long the model may take on this turn: on a call, the voice turn's budget (2.5 s by default) less
     * {@link #VOICE_RESERVE} (1.8 s by default), so that a slow or hung model still leaves the offline brain
     * time to answer within the turn instead of a "just a moment"; in a text conversation the brain's own
     * limit ({@code FRONTDESK_LLM_TIMEOUT}, which also caps a call's).
     */
    static Duration modelBudget(Context ctx) {
        if (!ctx.spoken()) {
            return null;
        }
        Duration voice = Duration.ofMillis(ctx.business().settings().assistant().voiceTurnBudgetMillis());
        Duration reserve = voice.dividedBy(3).compareTo(VOICE_RESERVE) < 0 ? voice.dividedBy(3) : VOICE_RESERVE;
        return voice.minus(reserve);
    }

    /**
     * Adds the line that opened a conversation the business started (a campaign's call: who is calling, for
     * which business and why) to the model's memory, after a silent caller turn (the memory starts with the
     * caller), so that the model knows it placed the call and why when the person answers; the opening, as given.
     */
    dev.frontdesk.assistant.AssistantReply opened(dev.frontdesk.assistant.AssistantReply opening) {
        LlmBrain llm = llm();
        if (llm != null) {
            llm.recordOfflineTurn(opening.conversationId().toString(), "", opening.text());
        }
        return opening;
    }

    /** Forgets a finished conversation's tool calls. */
    void forget(java.util.UUID conversation) {
        ledger.forget(conversation);
    }

    private static Output answered(
            OfflineBrain brain, Context ctx, Dialogue d, LlmReply reply, List<ToolEffect> effects, String callerWords) {
        d.turns++;
        Confirmations.record(d, effects, callerWords);
        if (d.outbound && d.outcome == null && callerWords != null && Cues.has("notInterested", callerWords)) {
            // the person the business called declined; the model only says goodbye, so the words say how it went
            d.achieved("NOT_INTERESTED", "The person called was not interested.");
        }
        if ("ANSWERED".equals(reply.outcomeHint())) {
            d.achieved("ANSWERED", "Answered the caller's question (LLM).");
        } else if (reply.outcomeHint() == null && effects.isEmpty() && !reply.endCall() && !reply.transfer()) {
            // no tool: an answer from the prompt (the hours, the prices it is told) is an answer all the same
            PromptAnswers.summary(
                            brain.asked(ctx, d, callerWords), reply.text(), callerWords, d.language, ctx.business())
                    .ifPresent(line -> d.achieved("ANSWERED", line));
        }
        return Confirmations.reply(ctx, d, reply.text(), reply.endCall(), effects, callerWords);
    }
}
