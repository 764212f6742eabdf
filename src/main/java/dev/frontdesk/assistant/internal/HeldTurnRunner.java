package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.assistant.speech.ReplyText;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.TurnReads;
import dev.frontdesk.tenants.Business;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes a held voice turn in the background: waits for its answer, then answers what the caller said
 * while it ran ({@link HeldTurns}), one utterance after the other on the same dialogue, each as a turn of
 * its own (the LLM brain when there is one, else the offline brain), and releases the conversation with
 * the last answer to be said when the caller's next request comes (the hold's silence or their words).
 * Words queued after the call ended or a transfer was decided are in the transcript but not acted upon.
 */
@Component
class HeldTurnRunner {

    private static final Logger log = LoggerFactory.getLogger(HeldTurnRunner.class);

    /** The turn's surroundings for a queued utterance (its time is when it is answered). */
    interface Contexts {
        OfflineBrain.Context of(Business business, InboundTurn turn, Conversation conversation);
    }

    /** What the conversation records once released (language, emergency flag, its end). */
    interface Settle {
        void settle(Business business, Conversation conversation, Dialogue d);
    }

    private final HeldTurns held;
    private final LlmTurns llmTurns;
    private final DialogueStore dialogues;
    private final Conversations conversations;
    private final TransactionTemplate transactions;
    private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();

    HeldTurnRunner(
            HeldTurns held,
            LlmTurns llmTurns,
            DialogueStore dialogues,
            Conversations conversations,
            PlatformTransactionManager transactionManager) {
        this.held = held;
        this.llmTurns = llmTurns;
        this.dialogues = dialogues;
        this.conversations = conversations;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * A turn while the conversation's held turn is running: the words are queued (and in the transcript), a
     * silence keeps the caller waiting; empty when the held turn was released meanwhile (then the words are
     * a turn of their own).
     */
    Optional<AssistantReply> whileHeld(Business business, Conversation conversation, Dialogue d, InboundTurn turn) {
        boolean waiting = Boolean.TRUE.equals(transactions.execute(status -> {
            if (turn.text().isBlank()) {
                return true;
            }
            if (held.enqueue(business.id(), conversation.id(), turn.text(), turn.confidence())
                    .isEmpty()) {
                return false;
            }
            conversations.record(business.id(), conversation.id(), "CALLER", turn.text());
            return true;
        }));
        return waiting
                ? Optional.of(new AssistantReply(
                        conversation.id(), "", d.language, List.of(new AssistantReply.Action.Hold(false))))
                : Optional.empty();
    }

    /**
     * A text conversation's turn took too long: the holding line now, the answer at the next message (text
     * channels have no hold to come back from; their messages are not queued).
     */
    OfflineBrain.Output finishLater(
            Future<OfflineBrain.Output> work, Business business, UUID conversation, Dialogue d, boolean stored) {
        turns.submit(() -> {
            try {
                OfflineBrain.Output late = work.get(30, TimeUnit.SECONDS);
                d.deferred = late.text();
                dialogues.save(business.id(), conversation, d, stored);
            } catch (Exception e) {
                log.warn("A slow turn did not finish", e);
            }
            return null;
        });
        return OfflineBrain.Output.say(Phrases.say(d.language, "hold"));
    }

    /**
     * Finishes {@code work} (the held turn on {@code d}) and the utterances queued behind it; {@code firstSaid}
     * is the first sentence of its answer, already said (or null).
     */
    void finish(
            Future<OfflineBrain.Output> work,
            OfflineBrain brain,
            Business business,
            Conversation conversation,
            Dialogue d,
            InboundTurn turn,
            double threshold,
            String firstSaid,
            Contexts contexts,
            Settle settle) {
        turns.submit(() -> {
            OfflineBrain.Output out = HeldTurns.awaitSlowTurn(work, d.language, "held turn");
            if (out == null) {
                return null;
            }
            if (firstSaid != null) {
                // its first sentence was said while the rest was written: what is left
                out = new OfflineBrain.Output(
                        ReplyText.afterSaid(out.text(), firstSaid, d.language, business.timezone()), out.actions());
            }
            while (true) {
                HeldTurns.defer(d, out);
                Optional<HeldTurns.Queued> next = held.nextOrRelease(
                        business.id(), conversation.id(), d, () -> settle.settle(business, conversation, d));
                if (next.isEmpty()) {
                    return null;
                }
                if (d.ended || d.deferredTransfer != null) {
                    continue; // the call is ending or being put through
                }
                out = answer(brain, business, conversation, d, turn, next.get(), threshold, contexts);
            }
        });
    }

    OfflineBrain.Output answer(
            OfflineBrain brain,
            Business business,
            Conversation conversation,
            Dialogue d,
            InboundTurn held,
            HeldTurns.Queued queued,
            double threshold,
            Contexts contexts) {
        var turn = new InboundTurn(
                business.id(),
                held.channel(),
                held.conversationKey(),
                queued.text(),
                null,
                queued.confidence(),
                held.callerPhone(),
                held.callerVerified());
        try {
            return TurnReads.during(
                    () -> llmTurns.respond(brain, contexts.of(business, turn, conversation), d, turn, threshold));
        } catch (RuntimeException e) {
            log.error("The assistant failed on an utterance queued during a held turn", e);
            return OfflineBrain.Output.say(Phrases.say(d.language, "notUnderstood"));
        }
    }
}
