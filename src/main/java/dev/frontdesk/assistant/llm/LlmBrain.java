package dev.frontdesk.assistant.llm;

import dev.frontdesk.assistant.speech.ReplyText;
import dev.frontdesk.assistant.speech.ReplyWords;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM brain: a chat model with the assistant's tools as function calls. One turn: the system prompt,
 * the conversation's memory and the caller's words go to the model; its tool calls run through
 * {@link ToolCatalog} and their results go back, for at most {@value #MAX_ROUNDS} rounds, until it answers
 * in words. Any failure (HTTP error, timeout, malformed response, too many rounds) gives an empty result
 * so that the caller falls back to the offline brain and never hears an error. The memory keeps every turn:
 * a failed one with the caller's words and the tool calls that ran (what they did is a fact of the
 * conversation), then the offline brain's reply ({@link #recordFallback}).
 */
public final class LlmBrain {

    static final int MAX_ROUNDS = 5;

    private static final Logger log = LoggerFactory.getLogger(LlmBrain.class);
    private final ChatModel model;
    private final LlmMemory memory;
    private final ToolCatalog catalog;
    private final Duration turnLimit;
    private boolean holdsCalls;

    /** Runs each model request, so that a turn can stop waiting for it at its deadline. */
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param turnLimit how long a turn may wait for the model, all rounds together (a turn's own budget,
     *     {@link LlmTurn#budget()}, may be shorter); then the offline brain answers
     */
    LlmBrain(ChatModel model, LlmMemory memory, ToolCatalog catalog, Duration turnLimit) {
        this.model = model;
        this.memory = memory;
        this.catalog = catalog;
        this.turnLimit = turnLimit;
    }

    private boolean streams;

    /** See {@link #streams()}; set once, when the brain is built. */
    LlmBrain streaming(boolean streams) {
        this.streams = streams;
        return this;
    }

    /** Whether the model's answers are streamed ({@code FRONTDESK_LLM_STREAM}), word by word, as they are written. */
    public boolean streams() {
        return streams;
    }

    /** See {@link #holdsCalls()}; set once, when the brain is built. */
    LlmBrain holdingCalls(boolean holds) {
        this.holdsCalls = holds;
        return this;
    }

    /**
     * Whether a call's turn waits for the model as long as a text's ({@code FRONTDESK_LLM_HOLD_CALLS}), the
     * caller being held past the voice budget, rather than getting the offline brain's answer within it.
     */
    public boolean holdsCalls() {
        return holdsCalls;
    }

    /**
     * Answers one turn, calling {@code tools} (bound to the turn's business and caller) as the model asks.
     *
     * @return the reply, or empty when the model failed: answer with the offline brain instead
     */
    public Optional<LlmReply> respond(LlmTurn turn, LlmTools tools) {
        return respond(turn, tools, null);
    }

    /**
     * Answers one turn like {@link #respond(LlmTurn, LlmTools)}; with a streaming model
     * ({@code FRONTDESK_LLM_STREAM}), {@code words} hears what the model writes as it comes, each round's
     * words ending with a paragraph break (called from the HTTP client's threads).
     */
    public Optional<LlmReply> respond(LlmTurn turn, LlmTools tools, java.util.function.Consumer<String> words) {
        long started = System.nanoTime();
        Duration budget = turn.budget() == null || turn.budget().compareTo(turnLimit) > 0 ? turnLimit : turn.budget();
        long deadline = started + budget.toNanos();
        List<ChatMessage> history = null;
        List<ChatMessage> added = new ArrayList<>();
        try {
            history = memory.load(turn.conversationId());
            added.add(
                    UserMessage.from(turn.userText() == null || turn.userText().isBlank() ? "…" : turn.userText()));
            Progress progress = new Progress();
            Said said = new Said();
            int endCallRound = 0;
            for (int round = 1; round <= MAX_ROUNDS; round++) {
                List<ChatMessage> messages = new ArrayList<>(history.size() + added.size() + 1);
                messages.add(SystemMessage.from(SystemPrompt.of(turn)));
                messages.addAll(history);
                messages.addAll(added);
                ChatResponse response = chat(
                        ChatRequest.builder()
                                .messages(messages)
                                .toolSpecifications(catalog.specifications(turn.business()))
                                .build(),
                        deadline,
                        words);
                AiMessage ai = response == null ? null : response.aiMessage();
                if (words != null
                        && ai != null
                        && ai.text() != null
                        && !ai.text().isBlank()) {
                    String text = ai.text().strip();
                    words.accept(Character.isLetterOrDigit(text.codePointBefore(text.length())) ? ".\n\n" : "\n\n");
                }
                if (ai == null) {
                    log.warn("The LLM answered without a message; falling back");
                    return failed(turn, history, added);
                }
                added.add(ai);
                // words sent together with tool calls are part of the answer ("Thanks for calling, goodbye!")
                said.add(ai.text());
                if (!ai.hasToolExecutionRequests()) {
                    return finish(turn, history, added, said, progress);
                }
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    String result = catalog.execute(call, tools, turn.zone());
                    progress.record(call.name(), result);
                    added.add(ToolExecutionResultMessage.from(call, result));
                }
                if (tools.handsOver()) {
                    log.info("The LLM's tools handed the turn to the offline brain");
                    return failed(turn, history, added);
                }
                if (progress.transfer) {
                    // the caller is being put through: no more rounds, whatever was said is said before
                    return finish(turn, history, added, said, progress);
                }
                if (progress.endCall) {
                    endCallRound = endCallRound == 0 ? round : endCallRound;
                    // the call ends with what the model said; one more round only if it has said nothing yet
                    if (!said.isEmpty() || round > endCallRound) {
                        return finish(turn, history, added, said, progress);
                    }
                }
            }
            if (progress.endCall) {
                return finish(turn, history, added, said, progress);
            }
            log.warn("The LLM was still calling tools after {} rounds; falling back", MAX_ROUNDS);
            return failed(turn, history, added);
        } catch (RuntimeException e) {
            log.warn(
                    "The LLM brain failed after {} ms ({}); falling back",
                    elapsed(started).toMillis(),
                    summary(e));
            log.debug("LLM failure", e);
            return failed(turn, history, added);
        }
    }

    /**
     * One request to the model, given up at the turn's deadline (the request is cancelled, the circuit
     * breaker counts it as a failure): a turn never waits longer than its budget, however many rounds.
     */
    private ChatResponse chat(ChatRequest request, long deadline, java.util.function.Consumer<String> words) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new OverBudget();
        }
        Future<ChatResponse> call = requests.submit(() -> {
            StreamingChat.LISTENER.set(words);
            try {
                return model.chat(request);
            } finally {
                StreamingChat.LISTENER.remove();
            }
        });
        try {
            return call.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new OverBudget();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new OverBudget();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** The turn's time for the model ran out. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("the turn's time for the model ran out", null, false, false);
        }
    }

    /**
     * A turn the model did not finish: the offline brain answers it. The memory keeps the caller's words
     * and every tool call with its result (a booking made before the failure is a fact the model must
     * know next turn), without words the caller will not hear; {@link #recordFallback} adds the offline
     * brain's reply. Never throws.
     */
    private Optional<LlmReply> failed(LlmTurn turn, List<ChatMessage> history, List<ChatMessage> added) {
        if (history == null || added.isEmpty()) {
            return Optional.empty(); // the memory could not be read: leave it as it is
        }
        List<ChatMessage> kept = new ArrayList<>(added);
        while (kept.size() > 1 && kept.getLast() instanceof AiMessage ai) {
            // a last answer in words is not said; a last tool call without results cannot be sent again
            kept.removeLast();
        }
        try {
            List<ChatMessage> all = new ArrayList<>(history);
            all.addAll(kept);
            memory.save(turn.conversationId(), all);
        } catch (RuntimeException e) {
            log.warn("Could not keep a failed turn in the LLM memory ({})", summary(e));
        }
        return Optional.empty();
    }

    /**
     * The turn's answer: what the model said this turn, cleaned for the channel ({@link ReplyText}); a
     * farewell when it ended the call without a word; empty (fall back) when it said nothing otherwise.
     */
    private Optional<LlmReply> finish(
            LlmTurn turn, List<ChatMessage> history, List<ChatMessage> added, Said said, Progress progress) {
        String text = turn.spoken()
                ? ReplyText.spoken(said.text(), turn.language(), turn.zone())
                : ReplyText.written(said.text(), turn.language(), turn.zone());
        if (text.isBlank() && progress.endCall && !progress.transfer) {
            text = ReplyWords.of(turn.language()).farewell();
        }
        if (text.isBlank() && !progress.transfer) {
            log.warn("The LLM answered with no text; falling back");
            return failed(turn, history, added);
        }
        List<ChatMessage> all = new ArrayList<>(history);
        all.addAll(added);
        memory.save(turn.conversationId(), all);
        return Optional.of(
                new LlmReply(text, progress.endCall, progress.transfer, progress.emergency, progress.outcome));
    }

    /**
     * A one- or two-sentence summary of a finished conversation for the business owner, written by the
     * model; empty when it fails (the caller then keeps the summary built from the dialogue state).
     */
    public Optional<String> summarize(String businessName, List<String> transcript) {
        if (transcript.isEmpty()) {
            return Optional.empty();
        }
        try {
            ChatResponse response = model.chat(ChatRequest.builder()
                    .messages(
                            dev.langchain4j.data.message.SystemMessage.from("Summarise this conversation between a"
                                    + " caller and the virtual receptionist of " + businessName + " for the owner,"
                                    + " in one or two plain sentences: who called, what they wanted, what was done."
                                    + " No markdown."),
                            dev.langchain4j.data.message.UserMessage.from(String.join("\n", transcript)))
                    .build());
            String text =
                    response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            String plain =
                    text.replaceAll("[*#`_]+", "").replaceAll("\\s+", " ").trim();
            return Optional.of(plain.length() <= 500 ? plain : plain.substring(0, 497) + "...");
        } catch (RuntimeException e) {
            log.warn(
                    "The LLM could not summarise a conversation ({})",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Adds words the assistant said without the model: the offline brain's reply to a turn this brain did
     * not finish ({@link #respond} gave no reply and kept the caller's words and the tool calls in the
     * memory), or a line said between turns (a transfer nobody answered). Never throws.
     */
    public void recordFallback(String conversationId, String replyText) {
        if (replyText == null || replyText.isBlank()) {
            return;
        }
        try {
            List<ChatMessage> all = new ArrayList<>(memory.load(conversationId));
            all.add(AiMessage.from(replyText));
            memory.save(conversationId, all);
        } catch (RuntimeException e) {
            log.warn("Could not record a fallback reply in the LLM memory ({})", summary(e));
        }
    }

    /**
     * Adds a turn the model never saw (silence, a one-time code being checked) and the offline brain
     * answered, so that the model knows what was said when it takes the next turn. Never throws.
     */
    public void recordOfflineTurn(String conversationId, String userText, String replyText) {
        try {
            List<ChatMessage> all = new ArrayList<>(memory.load(conversationId));
            all.add(UserMessage.from(userText == null || userText.isBlank() ? "…" : userText));
            if (replyText != null && !replyText.isBlank()) {
                all.add(AiMessage.from(replyText));
            }
            memory.save(conversationId, all);
        } catch (RuntimeException e) {
            log.warn("Could not record an offline turn in the LLM memory ({})", summary(e));
        }
    }

    /** Forgets a conversation's memory (e.g. when it ends). Never throws. */
    public void forget(String conversationId) {
        try {
            memory.forget(conversationId);
        } catch (RuntimeException e) {
            log.warn("Could not forget an LLM conversation ({})", summary(e));
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName()
                + (root != e ? " / " + root.getClass().getSimpleName() : "") + ": "
                + abbreviate(String.valueOf(e.getMessage()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
