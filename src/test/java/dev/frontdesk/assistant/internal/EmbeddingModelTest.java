package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared model runs on the caller's thread without spinning (EmbeddingConfiguration), and says the
 * same as LangChain4j's own all-MiniLM-L6-v2 with ONNX Runtime's default threads: the intents and
 * knowledge answers cannot change with the threading.
 */
class EmbeddingModelTest {

    @Test
    void theSingleThreadedSessionGivesTheSameVectorsAsTheDefaultOne() {
        EmbeddingModel tuned = EmbeddingConfiguration.sharedModel();
        EmbeddingModel stock = new AllMiniLmL6V2EmbeddingModel();
        for (String text : List.of(
                "hi I need a drain cleaning tomorrow at 10",
                "what time do you open on saturday",
                "um yeah can somebody look at my water heater like thursday morning",
                "necesito cancelar mi cita del martes",
                "est-ce que vous êtes ouverts le samedi")) {
            float[] a = tuned.embed(text).content().vector();
            float[] b = stock.embed(text).content().vector();
            assertThat(a).as(text).hasSize(384);
            double cosine = 0, na = 0, nb = 0;
            for (int i = 0; i < a.length; i++) {
                cosine += (double) a[i] * b[i];
                na += (double) a[i] * a[i];
                nb += (double) b[i] * b[i];
            }
            assertThat(cosine / Math.sqrt(na * nb)).as(text).isGreaterThan(0.999999);
            assertThat(a).as(text).containsExactly(b, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void theModelIsUncasedSoAQuestionEmbedsLikeTheLowerCaseFormTheIntentsUse() {
        // the knowledge search embeds a question lower-cased with single spaces, as the intent classifier
        // does, so that one turn embeds its utterance once (TurnEmbeddings); its answers cannot change
        EmbeddingModel model = EmbeddingConfiguration.sharedModel();
        for (String text : List.of(
                "Are You  Licensed and INSURED?",
                "What time do you open on Saturday",
                "¿Ustedes Aceptan TARJETA de crédito?",
                "Est-ce que vous êtes ouverts le Samedi")) {
            String prepared = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            assertThat(model.embed(prepared).content().vector())
                    .as(text)
                    .containsExactly(model.embed(text).content().vector(), org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
