package dev.frontdesk.assistant.llm;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LLM brain's settings ({@code frontdesk.assistant.llm.*}, from {@code FRONTDESK_LLM_PROVIDER},
 * {@code FRONTDESK_LLM_BASE_URL}, {@code FRONTDESK_LLM_API_KEY}, {@code FRONTDESK_LLM_MODEL} and
 * {@code FRONTDESK_LLM_TIMEOUT}, {@code FRONTDESK_LLM_MAX_TOKENS}). Without a base URL (or, for Gemini, a key) the offline brain answers alone.
 *
 * <p>{@code holdCalls} ({@code FRONTDESK_LLM_HOLD_CALLS}, false by default): on a call, wait for the model up
 * to {@code FRONTDESK_LLM_TIMEOUT} like in a text conversation, holding the caller ("Just a moment…") once
 * the voice turn's budget is spent, instead of giving the turn to the offline brain within the budget.
 *
 * <p>{@code stream} ({@code FRONTDESK_LLM_STREAM}, false by default; OpenAI-compatible endpoints): ask for
 * streamed answers, and on a call say the first sentence as soon as it is written, fetching the rest with a
 * redirect. A call then waits for the model as with {@code holdCalls}.
 */
@ConfigurationProperties("frontdesk.assistant.llm")
record LlmProperties(
        String provider,
        String baseUrl,
        String apiKey,
        String model,
        Duration timeout,
        Integer maxTokens,
        boolean holdCalls,
        boolean stream) {

    static final String PREFIX = "frontdesk.assistant.llm";

    LlmSettings toSettings() {
        return new LlmSettings(provider, baseUrl, apiKey, model, timeout, maxTokens);
    }

    /** The settings when the LLM brain is configured. */
    Optional<LlmSettings> settings() {
        LlmSettings settings = toSettings();
        return settings.enabled() ? Optional.of(settings) : Optional.empty();
    }
}
