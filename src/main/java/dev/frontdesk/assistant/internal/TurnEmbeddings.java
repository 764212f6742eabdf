package dev.frontdesk.assistant.internal;

import dev.frontdesk.shared.TurnReads;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.micrometer.core.instrument.Counter;
import java.util.List;

/**
 * The embedding model as the application uses it: within one turn ({@link TurnReads}) a text is embedded
 * once, however many steps ask for it — the intent classifier and the knowledge search both embed the
 * caller's utterance. Nothing is kept beyond the turn: no cache keyed by text outlives it, so a caller (or a
 * load test) saying the same thing twice pays for it twice. Each embedding the model actually computes is
 * counted ({@code frontdesk_assistant_embeddings_total}).
 */
final class TurnEmbeddings implements EmbeddingModel {

    /** The key of an utterance's vector among the turn's reads. */
    private record Embedded(String text) {}

    private final EmbeddingModel model;
    private final Counter computed;

    TurnEmbeddings(EmbeddingModel model, Counter computed) {
        this.model = model;
        this.computed = computed;
    }

    @Override
    public Response<Embedding> embed(String text) {
        float[] vector = TurnReads.get(new Embedded(text), () -> {
            computed.increment();
            return model.embed(text).content().vector();
        });
        // a copy each time: a caller may change the array it gets
        return Response.from(Embedding.from(vector.clone()));
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        computed.increment();
        return model.embed(segment);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        computed.increment(segments.size());
        return model.embedAll(segments);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }
}
