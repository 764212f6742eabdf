package dev.frontdesk.assistant.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The sentence-embedding model used for intent detection and knowledge search: all-MiniLM-L6-v2, run
 * in-process (ONNX) from the jar LangChain4j ships; loaded once per JVM (about a second) and shared by every
 * request.
 *
 * <p>One ONNX session for the process, run on the calling thread: one intra-op thread, no inter-op
 * threads and no spinning. ONNX Runtime's default (a thread per core, each spinning after its share of
 * a run) made one sentence a little faster on an idle machine, but under load the spinning threads burnt
 * a fifth of the node's CPU (docs/performance.md, "The embedding model"); concurrent requests already
 * keep the cores busy, so a run needs no parallelism of its own.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    static final String MODEL = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    /** The shared model, each text embedded at most once per turn ({@link TurnEmbeddings}). */
    @Bean
    @Lazy
    EmbeddingModel embeddingModel(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Counter computed = Counter.builder("frontdesk.assistant.embeddings")
                .description("Texts embedded by the sentence-embedding model (each at most once per turn)")
                .register(registry);
        return new TurnEmbeddings(sharedModel(), computed);
    }

    /**
     * The model, loaded on first use and then shared by every application context in the JVM (tests start many;
     * a session is about a second to load and 90 MB to hold, and is thread-safe).
     */
    static synchronized EmbeddingModel sharedModel() {
        if (shared == null) {
            shared = load(MODEL, TOKENIZER);
        }
        return shared;
    }

    /** A model of this family from its ONNX file and tokenizer on the class path, on a session of {@link #options()}. */
    static EmbeddingModel load(String model, String tokenizer) {
        return new MiniLm(session(model, tokenizer));
    }

    private static EmbeddingModel shared;

    /** The session options: everything on the caller's thread, nothing spinning. */
    static OrtSession.SessionOptions options() throws OrtException {
        var options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    private static OnnxBertBiEncoder session(String modelFile, String tokenizerFile) {
        ClassLoader loader = EmbeddingConfiguration.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(modelFile);
                InputStream tokenizer = loader.getResourceAsStream(tokenizerFile);
                var options = options()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException(modelFile + " is not on the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("could not load " + modelFile, e);
        }
    }

    /** all-MiniLM-L6-v2 on the session above (384 dimensions, mean pooling, as LangChain4j's own). */
    static final class MiniLm extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        MiniLm(OnnxBertBiEncoder encoder) {
            super(null); // batches (the intent examples at start-up) spread over a thread per core
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
