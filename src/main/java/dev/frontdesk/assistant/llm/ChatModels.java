package dev.frontdesk.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the chat model for the settings: {@link OpenAiChatModel} with the configured base URL (OpenAI,
 * Ollama, vLLM, llama.cpp and any other Chat Completions server), or {@link GoogleAiGeminiChatModel}.
 * No retries: a failed turn falls back to the offline brain at once rather than keeping a caller waiting.
 */
public final class ChatModels {

    /** Local servers (Ollama, llama.cpp) ignore the key, but a bearer token is always sent. */
    static final String NO_KEY = "not-needed";

    private ChatModels() {}

    /**
     * The model asked for streamed answers: {@code "stream": true} on OpenAI-compatible endpoints, Gemini's
     * {@code streamGenerateContent?alt=sse}.
     */
    static ChatModel create(LlmSettings settings, boolean stream) {
        if (!stream) {
            return create(settings);
        }
        if (settings.provider().equals(LlmSettings.GEMINI)) {
            var gemini = dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel.builder()
                    .apiKey(settings.apiKey())
                    .modelName(settings.model())
                    .timeout(settings.timeout())
                    .maxOutputTokens(settings.maxTokens());
            if (settings.baseUrl() != null) {
                gemini.baseUrl(settings.baseUrl());
            }
            return new StreamingChat(gemini.build());
        }
        return new StreamingChat(dev.langchain4j.model.openai.OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null ? NO_KEY : settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxTokens(settings.maxTokens())
                .build());
    }

    public static ChatModel create(LlmSettings settings) {
        if (settings.provider().equals(LlmSettings.GEMINI)) {
            var gemini = GoogleAiGeminiChatModel.builder()
                    .apiKey(settings.apiKey())
                    .modelName(settings.model())
                    .timeout(settings.timeout())
                    .maxOutputTokens(settings.maxTokens())
                    .maxRetries(0);
            if (settings.baseUrl() != null) {
                gemini.baseUrl(settings.baseUrl());
            }
            return gemini.build();
        }
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null ? NO_KEY : settings.apiKey())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxTokens(settings.maxTokens())
                .maxRetries(0)
                .build();
    }
}
