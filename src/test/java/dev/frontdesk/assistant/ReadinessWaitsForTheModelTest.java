package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A node loading the assistant's model at start-up answers its readiness probe with 503 until the model
 * is loaded (so a load balancer sends it no calls yet), while liveness stays up. The model here is a
 * stand-in that loads only when the test lets it.
 */
@SpringBootTest(properties = "frontdesk.assistant.warm-up=true")
@AutoConfigureMockMvc
class ReadinessWaitsForTheModelTest {

    static final CountDownLatch modelMayLoad = new CountDownLatch(1);

    @TestConfiguration
    static class SlowModel {
        @Bean
        @Primary
        EmbeddingModel slowEmbeddingModel() {
            return new EmbeddingModel() {
                @Override
                public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                    try {
                        assertThat(modelMayLoad.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return Response.from(segments.stream()
                            .map(s -> Embedding.from(
                                    new float[] {s.text().length(), s.text().hashCode() % 97, 1f}))
                            .toList());
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }

    @Test
    void readinessIsDownUntilTheAssistantsModelIsLoaded() throws Exception {
        assertThat(status("/actuator/health/readiness")).isEqualTo(503);
        assertThat(mvc.perform(get("/actuator/health/readiness"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("OUT_OF_SERVICE");
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);

        modelMayLoad.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);
        assertThat(status("/actuator/health")).isEqualTo(200);
    }
}
