package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.assistant.speech.ReplyText;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.TurnReads;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conversation engine: one turn at a time, for any channel. The dialogue state is stored after
 * every turn (any node can take the next one), the transcript goes to the CRM turn by turn, and every
 * turn has a time budget: if the brain or a tool is slow, the caller hears a short holding line and the
 * result is delivered on the next turn. Errors are never spoken.
 */
@Service
class AssistantService implements Assistant {

    private static final Logger log = LoggerFactory.getLogger(AssistantService.class);
    private static final Duration IDLE_EXPIRY = Duration.ofHours(4);

    private final Tenants tenants;
    private final Conversations conversations;
    private final AssistantTools tools;
    private final OfflineBrains brains;
    private final DialogueStore dialogues;
    private final Clock clock;
    private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();
    private final TransactionTemplate transactions;
    private final ConversationEndings endings;
    private final LlmTurns llmTurns;
    private final HeldTurns held;
    private final HeldTurnRunner heldRuns;
    private final HeldTexts texts;
    private final Afterwords afterwords;
    /** How long a text turn (web chat, SMS, WhatsApp) may take before the texter gets the holding line. */
    private final Duration textBudget;

    AssistantService(
            Tenants tenants,
            Conversations conversations,
            AssistantTools tools,
            OfflineBrains brains,
            ConversationEndings endings,
            LlmTurns llmTurns,
            DialogueStore dialogues,
            HeldTurns held,
            HeldTurnRunner heldRuns,
            HeldTexts texts,
            Afterwords afterwords,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${frontdesk.assistant.text-turn-budget:10s}") Duration textBudget) {
        this.textBudget = textBudget;
        this.held = held;
        this.heldRuns = heldRuns;
        this.texts = texts;
        this.afterwords = afterwords;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tenants = tenants;
        this.conversations = conversations;
        this.tools = tools;
        this.brains = brains;
        this.endings = endings;
        this.llmTurns = llmTurns;
        this.dialogues = dialogues;
        this.clock = clock;
    }

    @Override
    public boolean callsAModel() {
        return llmTurns.configured();
    }

    @Override
    public AssistantReply greet(InboundTurn opening) {
        return begin(opening, null, null);
    }

    @Override
    public AssistantReply open(InboundTurn opening, String line, String calledName) {
        return llmTurns.opened(begin(opening, line, calledName));
    }

    /**
     * A new conversation's first words: the brain's greeting, or {@code line} when the business placed the call
     * (to {@code calledName}, whose name is then not asked again).
     */
    private AssistantReply begin(InboundTurn opening, String line, String calledName) {
        return TurnReads.during(() -> {
            Business business = business(opening.business());
            Opened opened = open(business, opening);
            Conversation conversation = opened.conversation();
            Dialogue d = opened.dialogue().orElseGet(() -> Dialogue.fresh(business, opening));
            d.provenBy(opening);
            var out = line == null
                    ? brains.brain().greet(context(business, opening, conversation), d)
                    : OfflineBrain.Output.say(line);
            String said = line == null
                    ? ReplyText.forChannel(out.text(), opening.channel(), d.language, business.timezone())
                    : line;
            if (line != null) {
                d.calledBy(calledName);
            }
            inTransaction(() -> {
                dialogues.save(
                        business.id(), conversation.id(), d, opened.dialogue().isPresent());
                conversations.record(business.id(), conversation.id(), "ASSISTANT", said);
            });
            return new AssistantReply(conversation.id(), said, d.language, out.actions());
        });
    }

    /**
     * One turn: a transaction opens the conversation and loads the dialogue, one stores the turn whole once the
     * brain (on a thread of its own) has answered. Both join a channel's transaction around the turn, except a
     * text's opening and hold, which commit apart ({@link HeldTexts#apart}).
     */
    @Override
    public AssistantReply handle(InboundTurn turn) {
        return TurnReads.during(() -> turn(turn));
    }

    private AssistantReply turn(InboundTurn turn) {
        Business business = business(turn.business());
        Optional<AssistantReply> lastWord = afterwords.after(business, turn); // "thx" after the goodbye
        if (lastWord.isPresent()) {
            return lastWord.get();
        }
        Opened opened = open(business, turn);
        Conversation conversation = opened.conversation();
        Dialogue loaded = opened.dialogue().orElseGet(() -> Dialogue.fresh(business, turn));
        if (turn.channel().spoken() && held.held(loaded)) {
            // one held turn at a time: what the caller says meanwhile waits its turn, in order
            return heldRuns.whileHeld(business, conversation, loaded, turn).orElseGet(() -> turn(turn));
        }
        if (turn.channel().spoken() || turn.text().isBlank()) {
            return turn(business, conversation, loaded, opened.dialogue().isPresent(), turn, false);
        }
        // a text: one turn at a time, the texts that come meanwhile queued behind it
        var begun = texts.begin(business, conversation, turn, loaded.language, textBudget);
        if (begun.queued() != null) {
            return begun.queued();
        }
        Dialogue d = begun.dialogue().orElse(loaded);
        return turn(business, conversation, d, true, turn, true);
    }

    /** The turn on {@code d}; {@code holding} when it is a text turn holding its conversation. */
    private AssistantReply turn(
            Business business,
            Conversation conversation,
            Dialogue d,
            boolean stored,
            InboundTurn turn,
            boolean holding) {
        d.provenBy(turn);
        List<Conversations.Line> lines = new ArrayList<>();
        if (!turn.text().isBlank() && !holding) {
            lines.add(new Conversations.Line("CALLER", turn.text())); // a held text's is recorded already
        }
        String late = null;
        if (d.deferred != null) {
            // the previous turn ran over its budget; its answer is what the caller is waiting for
            late = sentence(ReplyText.forChannel(d.deferred, turn.channel(), d.language, business.timezone()));
            d.deferred = null;
            List<AssistantReply.Action> then = HeldTurns.deferredActions(d);
            if (!late.isBlank()) {
                lines.add(new Conversations.Line("ASSISTANT", late));
            }
            if (turn.text().isBlank() || !then.isEmpty()) {
                inTransaction(() -> {
                    dialogues.save(business.id(), conversation.id(), d, stored);
                    conversations.record(business.id(), conversation.id(), lines);
                    if (d.ended) {
                        endings.finish(business.id(), conversation.id(), d);
                    }
                });
                if (holding) {
                    texts.done(brains.brain(), business, conversation, d, turn, 0, this::context, this::settle);
                }
                return new AssistantReply(conversation.id(), late, d.language, then);
            }
            // the caller said something after it was ready: they hear it, then the answer to their words
        }
        var ctx = context(business, turn, conversation);
        double threshold = business.settings().assistant().speechConfidenceThreshold();
        Duration budget = turn.channel().spoken()
                ? Duration.ofMillis(business.settings().assistant().voiceTurnBudgetMillis())
                : textBudget;
        OfflineBrain brain = brains.brain(); // loading the model is not part of a turn's budget
        // with a streamed model, a call may say the answer's first sentence while the rest is being written
        FirstSentence first = turn.channel().spoken() && llmTurns.streams()
                ? new FirstSentence(d.language, business.timezone())
                : null;
        Callable<OfflineBrain.Output> respond =
                TurnReads.carried(() -> llmTurns.respond(brain, ctx, d, turn, threshold, first));
        CompletableFuture<OfflineBrain.Output> work =
                CompletableFuture.supplyAsync(() -> FirstSentence.call(respond), turns);
        OfflineBrain.Output out;
        boolean heldNow = false;
        try {
            out = FirstSentence.await(work, first, budget);
            if (out == null) {
                heldNow = true; // the turn still owns the dialogue; it saves it when it finishes
                String firstSaid = first == null ? null : first.ready().getNow(null);
                if (firstSaid == null) {
                    log.warn("Turn over its {} ms budget; holding the caller", budget.toMillis());
                }
                if (turn.channel().spoken()) {
                    held.hold(business.id(), conversation.id()); // before the caller is told to wait
                    heldRuns.finish(
                            work,
                            brain,
                            business,
                            conversation,
                            d,
                            turn,
                            threshold,
                            firstSaid,
                            this::context,
                            this::settle);
                    out = new OfflineBrain.Output(
                            firstSaid != null ? firstSaid : Phrases.say(d.language, "hold"),
                            List.of(new AssistantReply.Action.Hold(firstSaid != null)));
                } else if (holding) {
                    texts.finishLater(
                            work, brain, business, conversation, d, turn, threshold, this::context, this::settle);
                    out = OfflineBrain.Output.say(Phrases.say(d.language, "hold"));
                } else {
                    out = heldRuns.finishLater(work, business, conversation.id(), d, stored);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out = OfflineBrain.Output.say(Phrases.say(d.language, "hold"));
        } catch (ExecutionException e) {
            log.error("The assistant failed on a turn", e.getCause());
            out = OfflineBrain.Output.say(Phrases.say(d.language, "notUnderstood"));
        }
        String said = sentence(ReplyText.forChannel(out.text(), turn.channel(), d.language, business.timezone()));
        if (!out.text().isBlank()) {
            lines.add(new Conversations.Line("ASSISTANT", said));
        }
        boolean saveNow = !heldNow;
        inTransaction(() -> {
            if (saveNow) {
                dialogues.save(business.id(), conversation.id(), d, stored);
                if (d.changes(conversation)) {
                    conversations.update(business.id(), conversation.id(), d.language, d.emergency);
                }
            }
            conversations.record(business.id(), conversation.id(), lines);
            if (saveNow && d.ended) {
                endings.finish(business.id(), conversation.id(), d);
            }
        });
        if (holding && saveNow) {
            texts.done(brain, business, conversation, d, turn, threshold, this::context, this::settle);
        }
        String reply = late == null || late.isBlank() ? said : late + " " + said;
        return new AssistantReply(conversation.id(), reply, d.language, out.actions());
    }

    /** What a held turn's conversation records once released: its language, emergency flag and end. */
    private void settle(Business business, Conversation conversation, Dialogue d) {
        if (d.changes(conversation)) {
            conversations.update(business.id(), conversation.id(), d.language, d.emergency);
        }
        if (d.ended) {
            endings.finish(business.id(), conversation.id(), d);
        }
    }

    private void inTransaction(Runnable writes) {
        transactions.executeWithoutResult(status -> writes.run());
    }

    /** Replies start with a capital, whatever phrase or spoken time comes first. */
    static String sentence(String text) {
        if (text == null || text.isEmpty() || !Character.isLowerCase(text.codePointAt(0))) {
            return text;
        }
        return text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }

    @Override
    public void hangUp(BusinessId business, UUID conversationId) {
        TurnReads.during(() -> {
            inTransaction(() -> end(business, conversationId));
            return null;
        });
    }

    private void end(BusinessId business, UUID conversationId) {
        dialogues
                .load(conversationId)
                .ifPresentOrElse(
                        d -> endings.finish(business, conversationId, d),
                        () -> conversations.end(
                                business, conversationId, Conversation.Outcome.ABANDONED, "Caller left.", false));
    }

    @Override
    public AssistantReply transferFailed(BusinessId businessId, dev.frontdesk.assistant.Channel channel, String key) {
        Business business = business(businessId);
        Conversation conversation = conversations
                .findOpen(businessId, channel.name(), key)
                .orElseGet(
                        () -> conversations.openOrContinue(businessId, channel.name(), key, null, null, IDLE_EXPIRY));
        Optional<Dialogue> stored = dialogues.load(conversation.id());
        Dialogue d = stored.orElseGet(
                () -> Dialogue.fresh(business, new InboundTurn(businessId, channel, key, "", null, null, null)));
        d.outcome = null;
        d.summary.removeIf(line -> line.startsWith("Transferred"));
        d.summary.add("A transfer found nobody available.");
        d.resetTask();
        d.task = Dialogue.Task.MESSAGE;
        d.asked = Dialogue.Ask.MESSAGE_TEXT;
        String text = Phrases.say(d.language, "noTransfer");
        dialogues.save(business.id(), conversation.id(), d, stored.isPresent());
        conversations.record(businessId, conversation.id(), "ASSISTANT", text);
        llmTurns.said(conversation.id(), text);
        return new AssistantReply(conversation.id(), text, d.language, List.of());
    }

    @Override
    public void hangUp(BusinessId business, dev.frontdesk.assistant.Channel channel, String conversationKey) {
        TurnReads.during(() -> {
            inTransaction(() -> conversations
                    .findOpen(business, channel.name(), conversationKey)
                    .ifPresent(c -> end(business, c.id())));
            return null;
        });
    }

    private Business business(BusinessId id) {
        Business business = tenants.find(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
        if (!business.isActive()) {
            throw new FrontdeskException(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "business-suspended",
                    "Business suspended",
                    "This business is suspended");
        }
        return business;
    }

    /** The conversation a turn belongs to and its stored dialogue (empty for a new one), read together. */
    private record Opened(Conversation conversation, Optional<Dialogue> dialogue) {}

    private Opened open(Business business, InboundTurn turn) {
        TransactionCallback<Opened> opening = status -> {
            Conversation conversation = conversations.openOrContinue(
                    business.id(),
                    turn.channel().name(),
                    turn.conversationKey(),
                    turn.callerPhone(),
                    turn.language(),
                    IDLE_EXPIRY);
            return new Opened(conversation, dialogues.load(conversation.id()));
        };
        return turn.channel().spoken() || turn.text().isBlank() ? transactions.execute(opening) : texts.apart(opening);
    }

    private OfflineBrain.Context context(Business business, InboundTurn turn, Conversation conversation) {
        return new OfflineBrain.Context(
                business,
                ZonedDateTime.now(clock.withZone(business.timezone())),
                turn.channel(),
                turn.callerPhone(),
                conversation.id());
    }
}
