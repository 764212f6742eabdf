package dev.frontdesk.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A chat model that asks for a streamed answer ({@code "stream": true}, server-sent events): the request
 * returns when the answer is complete, like any other, but the words written so far go to the turn's
 * listener as they arrive ({@link #LISTENER}, set on the requesting thread), so that a call can start
 * speaking the first sentence before the rest is written.
 */
record StreamingChat(StreamingChatModel model) implements ChatModel {

    /** Who hears the words of the request made on this thread, as they come. */
    static final ThreadLocal<Consumer<String>> LISTENER = new ThreadLocal<>();

    @Override
    public ChatResponse chat(ChatRequest request) {
        Consumer<String> listener = LISTENER.get();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                if (listener != null && text != null) {
                    listener.accept(text);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the model was streaming", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }
}
