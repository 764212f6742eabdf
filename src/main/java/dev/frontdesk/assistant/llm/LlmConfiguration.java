package dev.frontdesk.assistant.llm;

import dev.frontdesk.shared.Breakers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Creates the {@link LlmBrain} bean only when the LLM is configured (a base URL, or a key for Gemini);
 * otherwise there is no such bean and the offline brain answers alone. Inject it as
 * {@code ObjectProvider<LlmBrain>} or {@code Optional<LlmBrain>}.
 */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

    @Bean
    @Conditional(Configured.class)
    LlmBrain llmBrain(LlmProperties properties, LlmMemory memory, Breakers breakers) {
        LlmSettings settings = properties.settings().orElseThrow();
        return new LlmBrain(
                        new GuardedChatModel(ChatModels.create(settings, properties.stream()), breakers),
                        memory,
                        new ToolCatalog(),
                        settings.timeout())
                .holdingCalls(properties.holdCalls() || properties.stream())
                .streaming(properties.stream());
    }

    /** Whether {@code frontdesk.assistant.llm.*} configures a model. */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            String prefix = LlmProperties.PREFIX + ".";
            try {
                return new LlmSettings(
                                env.getProperty(prefix + "provider"),
                                env.getProperty(prefix + "base-url"),
                                env.getProperty(prefix + "api-key"),
                                null,
                                null,
                                null)
                        .enabled();
            } catch (IllegalArgumentException e) {
                // a wrong provider: let the properties binding report it
                return true;
            }
        }
    }
}
