package dev.frontdesk.assistant.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach the LLM brain's model.
 *
 * @param provider {@code openai} (any OpenAI-compatible endpoint: OpenAI, Ollama, vLLM, llama.cpp) or
 *     {@code gemini}
 * @param baseUrl the endpoint, up to and including the API version, e.g. {@code https://api.openai.com/v1}
 *     or {@code http://localhost:11434/v1}; LangChain4j posts to {@code baseUrl + "/chat/completions"}.
 *     Optional for Gemini.
 * @param apiKey the API key; may be empty for a local server
 * @param model the model name, e.g. {@code gpt-4o-mini}, {@code llama3.1}, {@code gemini-2.5-flash}
 * @param timeout how long a text turn waits for the model, all its requests together (a phone call's turn
 *     waits less: see {@code LlmTurns})
 * @param maxTokens the most tokens one answer of the model may have ({@code max_tokens}; Gemini's
 *     {@code maxOutputTokens}): replies are a sentence or two, and a runaway answer costs time on a call
 */
public record LlmSettings(
        String provider, String baseUrl, String apiKey, String model, Duration timeout, Integer maxTokens) {

    public static final String OPENAI = "openai";
    public static final String GEMINI = "gemini";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);
    public static final int DEFAULT_MAX_TOKENS = 400;

    public LlmSettings {
        provider = provider == null || provider.isBlank()
                ? OPENAI
                : provider.trim().toLowerCase(Locale.ROOT);
        if (!provider.equals(OPENAI) && !provider.equals(GEMINI)) {
            throw new IllegalArgumentException("FRONTDESK_LLM_PROVIDER must be 'openai' or 'gemini', got: " + provider);
        }
        baseUrl = blankToNull(baseUrl);
        apiKey = blankToNull(apiKey);
        model = blankToNull(model);
        if (model == null) {
            model = provider.equals(GEMINI) ? "gemini-2.5-flash" : "gpt-4o-mini";
        }
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        maxTokens = maxTokens == null || maxTokens < 1 ? DEFAULT_MAX_TOKENS : maxTokens;
    }

    /** Whether the LLM brain is configured: a base URL for an OpenAI-compatible endpoint, a key for Gemini. */
    public boolean enabled() {
        return provider.equals(GEMINI) ? apiKey != null : baseUrl != null;
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", model=" + model + ", timeout=" + timeout + ", maxTokens="
                + maxTokens + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
