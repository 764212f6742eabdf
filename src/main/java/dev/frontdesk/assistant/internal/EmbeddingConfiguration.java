package dev.frontdesk.assistant.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The sentence-embedding model used for intent detection and knowledge search: all-MiniLM-L6-v2, run
 * in-process (ONNX) from the jar LangChain4j ships; loaded once (about a second) and shared.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean
    @Lazy
    EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2EmbeddingModel();
    }
}
