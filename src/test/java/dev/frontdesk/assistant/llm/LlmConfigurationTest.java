package dev.frontdesk.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.shared.Breakers;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The LLM brain exists only when a model is configured; the settings bind from frontdesk.assistant.llm.*. */
class LlmConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Support.class, LlmConfiguration.class)
            .withBean(Breakers.class, () -> new Breakers(Duration.ofSeconds(30), 5));

    @Test
    void noBrainWithoutABaseUrl() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LlmBrain.class));
        runner.withPropertyValues("frontdesk.assistant.llm.base-url=", "frontdesk.assistant.llm.api-key=sk-1")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LlmBrain.class));
        runner.withPropertyValues("frontdesk.assistant.llm.provider=gemini")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LlmBrain.class));
    }

    @Test
    void anOpenAiCompatibleBrainWithABaseUrl() {
        runner.withPropertyValues(
                        "frontdesk.assistant.llm.base-url=http://localhost:11434/v1",
                        "frontdesk.assistant.llm.model=llama3.1",
                        "frontdesk.assistant.llm.timeout=3s")
                .run(context -> {
                    assertThat(context).hasSingleBean(LlmBrain.class);
                    LlmSettings settings =
                            context.getBean(LlmProperties.class).settings().orElseThrow();
                    assertThat(settings)
                            .isEqualTo(new LlmSettings(
                                    "openai",
                                    "http://localhost:11434/v1",
                                    null,
                                    "llama3.1",
                                    Duration.ofSeconds(3),
                                    400));
                });
    }

    @Test
    void aGeminiBrainWithAKey() {
        runner.withPropertyValues(
                        "frontdesk.assistant.llm.provider=Gemini", "frontdesk.assistant.llm.api-key=AIza-test")
                .run(context -> {
                    assertThat(context).hasSingleBean(LlmBrain.class);
                    LlmSettings settings =
                            context.getBean(LlmProperties.class).settings().orElseThrow();
                    assertThat(settings.provider()).isEqualTo("gemini");
                    assertThat(settings.model()).isEqualTo("gemini-2.5-flash");
                    assertThat(settings.timeout()).isEqualTo(LlmSettings.DEFAULT_TIMEOUT);
                    assertThat(settings.toString()).doesNotContain("AIza-test");
                });
    }

    @Test
    void anUnknownProviderStopsTheApplication() {
        runner.withPropertyValues(
                        "frontdesk.assistant.llm.provider=anthropic", "frontdesk.assistant.llm.base-url=http://x/v1")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("FRONTDESK_LLM_PROVIDER"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LlmProperties.class)
    static class Support {
        @Bean
        LlmMemory llmMemory() {
            return new LlmMemory(
                    JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:unused", "sa", "")), Clock.systemUTC());
        }
    }
}
