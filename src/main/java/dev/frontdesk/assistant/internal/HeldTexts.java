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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One turn at a time in a text conversation (SMS, WhatsApp, web chat, the simulator), with the same hold
 * and queue as a held call ({@link HeldTurns}), taken for the whole turn: a text that arrives while the turn
 * before it runs is queued in order (and in the transcript at once), and answered after it on its dialogue.
 * Each answer reaches the texter once: on SMS and WhatsApp as a message of its own ({@link LateTextReply}),
 * on web chat and the simulator as the reply to the request that brought it, which waits for it up to the
 * text budget on whichever node it reached (or, when it no longer waits, with the reply to the next message,
 * on any node): those answers are kept in the database ({@link HeldAnswers}) until a request takes them.
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
    /** Commits on its own, even inside a webhook's transaction (see {@link #apart}). */
    private final TransactionTemplate apart;

    private final HeldAnswers answers;
    private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Wakes a request of this node waiting for the answer to its queued text (by its place in the queue) as soon
     * as the answer is kept here; a request whose answer is written by another node finds it by polling.
     */
    private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** How often a waiting request looks for an answer another node may have kept. */
    static final Duration POLL = Duration.ofMillis(100);

    HeldTexts(
            HeldTurns held,
            HeldTurnRunner runner,
            DialogueStore dialogues,
            Conversations conversations,
            ApplicationEventPublisher events,
            HeldAnswers answers,
            PlatformTransactionManager transactionManager) {
        this.answers = answers;
        this.held = held;
        this.runner = runner;
        this.dialogues = dialogues;
        this.conversations = conversations;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.apart = new TransactionTemplate(transactionManager);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code work} in a transaction of its own, committed at once even when the text's webhook holds a
     * transaction around the whole turn (an SMS answered in place): opening a text's conversation and holding
     * it. Those rows are what the sender's next text looks at, so they are never locked for longer than that:
     * a text arriving meanwhile sees the hold and is queued behind the turn instead of waiting on a lock.
     */
    <T> T apart(TransactionCallback<T> work) {
        return apart.execute(work);
    }

    /**
     * Holds the conversation for this text and records it, or, while another turn holds it, queues it: then
     * the reply is empty on SMS and WhatsApp (the answer follows as a message) and, on web chat, the answer
     * once it is ready.
     */
    Begun begin(Business business, Conversation conversation, InboundTurn turn, String language, Duration wait) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        long[] seq = {-1};
        Optional<Dialogue> mine = apart(status -> {
            while (true) {
                HeldTurns.Taken taken = held.take(business.id(), conversation.id());
                if (taken != HeldTurns.Taken.BUSY) {
                    conversations.record(business.id(), conversation.id(), "CALLER", turn.text());
                    // what the turn before left (it may have ended after this turn's first read)
                    return taken == HeldTurns.Taken.NEW
                            ? Optional.<Dialogue>empty()
                            : dialogues.load(conversation.id()).map(d -> withHeldAnswers(business, conversation, d));
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
            return new Begun(null, await(business, conversation, seq[0], answer, language, wait));
        } finally {
            waiting.remove(seq[0]);
        }
    }

    /**
     * The answer to the text queued as {@code seq}, taken (and recorded in the transcript) once it is kept, by
     * this node or another, within {@code wait}; else the holding line, and the answer comes with the next reply.
     */
    private AssistantReply await(
            Business business,
            Conversation conversation,
            long seq,
            CompletableFuture<Void> kept,
            String language,
            Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        CompletableFuture<Void> wake = kept;
        while (true) {
            Optional<HeldAnswers.Held> answer = transactions.execute(status -> {
                Optional<HeldAnswers.Held> taken = answers.take(business.id(), conversation.id(), seq);
                taken.filter(held -> !held.text().isBlank())
                        .ifPresent(held ->
                                conversations.record(business.id(), conversation.id(), "ASSISTANT", held.text()));
                return taken;
            });
            if (answer.isPresent()) {
                List<AssistantReply.Action> actions =
                        answer.get().hangUp() ? List.of(new AssistantReply.Action.Hangup()) : List.of();
                return new AssistantReply(conversation.id(), answer.get().text(), language, actions);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new AssistantReply(conversation.id(), Phrases.say(language, "hold"), language, List.of());
            }
            long nap = Math.min(left, POLL.toNanos());
            try {
                if (wake == null || wake.isDone()) {
                    wake = null; // woken once (another request took the answer): only polling from now on
                    TimeUnit.NANOSECONDS.sleep(nap);
                } else {
                    wake.get(nap, TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException e) {
                // not kept on this node yet: look again in the database
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AssistantReply(conversation.id(), "", language, List.of());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * The dialogue with the answers kept for the conversation (ones nobody waited for any more) to be said first
     * in this turn, stored with them: taken from the database, so they are handed back once, on any node. Call
     * inside the transaction that holds the conversation.
     */
    private Dialogue withHeldAnswers(Business business, Conversation conversation, Dialogue d) {
        answers.takeAll(business.id(), conversation.id()).ifPresent(text -> {
            d.deferred = d.deferred == null ? text : d.deferred + " " + text;
            dialogues.save(business.id(), conversation.id(), d, true);
        });
        return d;
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
                if (!outgoing(turn)) {
                    keep(business, conversation, queued.seq(), "", true);
                }
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
        // the request waiting for it (on any node) takes it; if none does, it comes with the next reply
        keep(business, conversation, seq < 0 ? null : seq, text, d.ended);
    }

    /** Keeps a web chat or simulator answer in the database and wakes its request if it waits on this node. */
    private void keep(Business business, Conversation conversation, Long seq, String text, boolean hangUp) {
        transactions.executeWithoutResult(status -> answers.keep(business.id(), conversation.id(), seq, text, hangUp));
        if (seq != null) {
            CompletableFuture<Void> request = waiting.remove(seq);
            if (request != null) {
                request.complete(null);
            }
        }
    }

    /** Whether the channel sends a late answer as a message of its own (not a simulated conversation). */
    private static boolean outgoing(InboundTurn turn) {
        return (turn.channel() == Channel.SMS || turn.channel() == Channel.WHATSAPP)
                && !SimulatorService.simulated(turn.conversationKey());
    }
}
