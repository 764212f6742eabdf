package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.assistant.LateTextReply;
import dev.frontdesk.assistant.speech.ReplyText;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.tenants.Business;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One turn at a time in a text conversation (SMS, WhatsApp, web chat, the simulator), with the same hold
 * and queue as a held call ({@link HeldTurns}), taken for the whole turn: a text that arrives while the turn
 * before it runs is queued in order (and in the transcript at once), and answered after it on its dialogue.
 * Each answer reaches the texter once: on SMS and WhatsApp as a message of its own ({@link LateTextReply}),
 * on web chat and the simulator as the reply to the request that brought it, which waits for it up to the
 * text budget (or, when it no longer waits, with the reply to the next message).
 */
@Component
class HeldTexts {

    private static final Logger log = LoggerFactory.getLogger(HeldTexts.class);

    /** How a text turn began: {@code dialogue} (empty for a new conversation) when it holds, else its reply. */
    record Begun(Optional<Dialogue> dialogue, AssistantReply queued) {}

    private final HeldTurns held;
    private final HeldTurnRunner runner;
    private final DialogueStore dialogues;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();
    /** Requests waiting for the answer to their queued text, by its place in the queue (this node's). */
    private final Map<Long, CompletableFuture<AssistantReply>> waiting = new ConcurrentHashMap<>();

    HeldTexts(
            HeldTurns held,
            HeldTurnRunner runner,
            DialogueStore dialogues,
            Conversations conversations,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.held = held;
        this.runner = runner;
        this.dialogues = dialogues;
        this.conversations = conversations;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Holds the conversation for this text and records it, or, while another turn holds it, queues it: then
     * the reply is empty on SMS and WhatsApp (the answer follows as a message) and, on web chat, the answer
     * once it is ready.
     */
    Begun begin(Business business, Conversation conversation, InboundTurn turn, String language, Duration wait) {
        CompletableFuture<AssistantReply> answer = new CompletableFuture<>();
        long[] seq = {-1};
        Optional<Dialogue> mine = transactions.execute(status -> {
            while (true) {
                HeldTurns.Taken taken = held.take(business.id(), conversation.id());
                if (taken != HeldTurns.Taken.BUSY) {
                    conversations.record(business.id(), conversation.id(), "CALLER", turn.text());
                    // what the turn before left (it may have ended after this turn's first read)
                    return taken == HeldTurns.Taken.NEW
                            ? Optional.<Dialogue>empty()
                            : dialogues.load(conversation.id());
                }
                Optional<Long> queued = held.enqueue(business.id(), conversation.id(), turn.text(), turn.confidence());
                if (queued.isPresent()) {
                    conversations.record(business.id(), conversation.id(), "CALLER", turn.text());
                    seq[0] = queued.get();
                    if (!outgoing(turn)) {
                        waiting.put(seq[0], answer);
                    }
                    return null;
                }
            }
        });
        if (seq[0] < 0) {
            return new Begun(mine, null);
        }
        if (outgoing(turn)) {
            return new Begun(null, new AssistantReply(conversation.id(), "", language, List.of()));
        }
        try {
            return new Begun(null, answer.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            if (answer.cancel(false)) {
                waiting.remove(seq[0]);
                return new Begun(
                        null,
                        new AssistantReply(conversation.id(), Phrases.say(language, "hold"), language, List.of()));
            }
            return new Begun(null, answer.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.remove(seq[0]);
            answer.cancel(false);
            return new Begun(null, new AssistantReply(conversation.id(), "", language, List.of()));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * After a text turn answered within its budget (and was stored): releases the conversation, or answers
     * the texts queued behind it, in the background.
     */
    void done(
            OfflineBrain brain,
            Business business,
            Conversation conversation,
            Dialogue d,
            InboundTurn turn,
            double threshold,
            HeldTurnRunner.Contexts contexts,
            HeldTurnRunner.Settle settle) {
        Optional<HeldTurns.Queued> next = held.nextOrRelease(business.id(), conversation.id(), d, () -> {});
        next.ifPresent(first -> turns.submit(() -> {
            drain(first, brain, business, conversation, d, turn, threshold, contexts, settle);
            return null;
        }));
    }

    /**
     * A text turn ran over its budget (the texter got the holding line): its answer goes out when ready, then
     * the texts queued behind it are answered.
     */
    void finishLater(
            Future<OfflineBrain.Output> work,
            OfflineBrain brain,
            Business business,
            Conversation conversation,
            Dialogue d,
            InboundTurn turn,
            double threshold,
            HeldTurnRunner.Contexts contexts,
            HeldTurnRunner.Settle settle) {
        turns.submit(() -> {
            OfflineBrain.Output out = HeldTurns.awaitSlowTurn(work, d.language, "slow text turn");
            if (out == null) {
                return null;
            }
            deliver(business, conversation, d, turn, out, -1);
            held.nextOrRelease(business.id(), conversation.id(), d, () -> settle.settle(business, conversation, d))
                    .ifPresent(
                            first -> drain(first, brain, business, conversation, d, turn, threshold, contexts, settle));
            return null;
        });
    }

    private void drain(
            HeldTurns.Queued first,
            OfflineBrain brain,
            Business business,
            Conversation conversation,
            Dialogue d,
            InboundTurn turn,
            double threshold,
            HeldTurnRunner.Contexts contexts,
            HeldTurnRunner.Settle settle) {
        Optional<HeldTurns.Queued> next = Optional.of(first);
        while (next.isPresent()) {
            HeldTurns.Queued queued = next.get();
            if (d.ended) {
                // the conversation ended (an opt-out, a goodbye): what came after it is in the transcript only
                waiting.computeIfPresent(queued.seq(), (seq, answer) -> {
                    answer.complete(new AssistantReply(conversation.id(), "", d.language, List.of()));
                    return null;
                });
            } else {
                OfflineBrain.Output out =
                        runner.answer(brain, business, conversation, d, turn, queued, threshold, contexts);
                deliver(business, conversation, d, turn, out, queued.seq());
            }
            next = held.nextOrRelease(
                    business.id(), conversation.id(), d, () -> settle.settle(business, conversation, d));
        }
    }

    /** The answer reaches the texter: as a message of its own, the reply its request waits for, or later. */
    private void deliver(
            Business business,
            Conversation conversation,
            Dialogue d,
            InboundTurn turn,
            OfflineBrain.Output out,
            long seq) {
        String text = AssistantService.sentence(
                ReplyText.forChannel(out.text(), turn.channel(), d.language, business.timezone()));
        if (text == null || text.isBlank()) {
            return;
        }
        if (outgoing(turn)) {
            transactions.executeWithoutResult(status -> {
                conversations.record(business.id(), conversation.id(), "ASSISTANT", text);
                events.publishEvent(new LateTextReply(
                        business.id(),
                        conversation.id(),
                        turn.channel(),
                        turn.conversationKey(),
                        turn.callerPhone(),
                        text));
            });
            return;
        }
        CompletableFuture<AssistantReply> request = waiting.remove(seq);
        List<AssistantReply.Action> actions = d.ended ? List.of(new AssistantReply.Action.Hangup()) : List.of();
        if (request != null && request.complete(new AssistantReply(conversation.id(), text, d.language, actions))) {
            conversations.record(business.id(), conversation.id(), "ASSISTANT", text);
        } else {
            // nobody waits for it here: it comes with the reply to the next message
            d.deferred = d.deferred == null ? out.text() : d.deferred + " " + out.text();
        }
    }

    /** Whether the channel sends a late answer as a message of its own (not a simulated conversation). */
    private static boolean outgoing(InboundTurn turn) {
        return (turn.channel() == Channel.SMS || turn.channel() == Channel.WHATSAPP)
                && !SimulatorService.simulated(turn.conversationKey());
    }
}
