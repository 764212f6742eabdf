package dev.frontdesk.assistant.llm;

import dev.frontdesk.shared.Breakers;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The model behind the {@code llm} circuit breaker: while the LLM keeps failing, a turn goes to the
 * offline brain at once instead of waiting for the timeout on every turn.
 */
record GuardedChatModel(ChatModel model, Breakers breakers) implements ChatModel {

    @Override
    public ChatResponse chat(ChatRequest request) {
        return breakers.call("llm", failure -> true, () -> model.chat(request));
    }
}
