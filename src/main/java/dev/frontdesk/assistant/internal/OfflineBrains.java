package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The offline brain, built once: the embedding model and the intent examples it is built from take
 * seconds to load. With warm-up on (the default) they load in the background as soon as the application's
 * beans exist, and {@link AssistantHealthIndicator} keeps the node out of service until then, so a load
 * balancer sends no calls to a cold node; with warm-up off (tests) they load on first use.
 */
@Component
class OfflineBrains implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OfflineBrains.class);

    private final ObjectProvider<EmbeddingModel> embeddings;
    private final AssistantTools tools;
    private final boolean warmUp;
    private volatile OfflineBrain brain;

    OfflineBrains(
            ObjectProvider<EmbeddingModel> embeddings,
            AssistantTools tools,
            @Value("${frontdesk.assistant.warm-up:true}") boolean warmUp) {
        this.embeddings = embeddings;
        this.tools = tools;
        this.warmUp = warmUp;
    }

    /**
     * Starts loading as soon as the application's beans exist, so that the load overlaps the rest of the start
     * (the web server, the first-run set-up, the scheduler) instead of following it.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!warmUp) {
            return;
        }
        Thread.ofVirtual().name("assistant-warm-up").start(() -> {
            long started = System.nanoTime();
            try {
                brain();
                log.info("Assistant ready in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("The assistant's model did not load; the node stays out of service", e);
            }
        });
    }

    /** The brain, loading it first if nobody has yet (the caller waits). */
    OfflineBrain brain() {
        OfflineBrain loaded = brain;
        if (loaded == null) {
            synchronized (this) {
                if (brain == null) {
                    brain = new OfflineBrain(new IntentClassifier(embeddings.getObject()), tools);
                }
                loaded = brain;
            }
        }
        return loaded;
    }

    /** True once the brain is built. */
    boolean loaded() {
        return brain != null;
    }

    /** True when the brain is loaded at start-up rather than on first use. */
    boolean warmsUp() {
        return warmUp;
    }
}
