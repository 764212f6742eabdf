package dev.frontdesk.assistant.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The assistant's shared sentence-embedding model, as used by the knowledge base. The model is created
 * on first use (it is a lazy bean), once per application.
 */
@Component
class Embeddings {

    private final ObjectProvider<EmbeddingModel> model;

    Embeddings(ObjectProvider<EmbeddingModel> model) {
        this.model = model;
    }

    /**
     * A caller's question, in the form the intent classifier embeds the same words (lower case, single
     * spaces), so that one turn embeds its utterance once. The model is uncased and splits on white
     * space, so the vector is the same as the text's as given (EmbeddingModelTest).
     */
    float[] embed(String text) {
        return model.getObject()
                .embed(text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
                .content()
                .vector();
    }

    /** Embeds texts in one batch, in order. */
    List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.getObject().embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toList();
    }
}
