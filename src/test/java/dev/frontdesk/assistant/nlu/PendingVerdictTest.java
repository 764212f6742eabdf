package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A verdict left pending until read (docs/performance.md, "Fix 8") is the verdict the classifier gives at once: the
 * same intent, confidence, language and keyword for every utterance of the held-out intent set, and the words are
 * embedded only when a part of it is read.
 */
class PendingVerdictTest {

    static final AtomicInteger EMBEDDED = new AtomicInteger();
    static IntentClassifier classifier;

    @BeforeAll
    static void loadModelOnce() {
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        classifier = new IntentClassifier(new EmbeddingModel() {
            @Override
            public Response<Embedding> embed(String text) {
                EMBEDDED.incrementAndGet();
                return model.embed(text);
            }

            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                EMBEDDED.addAndGet(segments.size());
                return model.embedAll(segments);
            }
        });
    }

    @Test
    void aPendingVerdictReadsAsTheVerdictGivenAtOnceForEveryHeldOutUtterance() throws IOException {
        var cases = IntentClassifierAccuracyTest.heldOut();
        int pending = 0;
        for (var c : cases) {
            IntentResult now = classifier.classify(c.text(), null, List.of("grease trap"));
            IntentResult later = classifier.classifyWhenAsked(c.text(), null, List.of("grease trap"));
            pending += later.pending() ? 1 : 0;
            assertThat(later).as(c.text()).isEqualTo(now);
            assertThat(later.toString()).isEqualTo(now.toString());
        }
        // most held-out utterances go past the rules, some are decided by them
        assertThat(pending).isGreaterThan(cases.size() / 2).isLessThan(cases.size());
    }

    @Test
    void wordsAreEmbeddedOnlyWhenThePendingVerdictIsRead() {
        int before = EMBEDDED.get();
        IntentResult verdict = classifier.classifyWhenAsked("Dana Smith", "en", List.of());
        IntentResult then = verdict.then(v -> new IntentResult(v.intent(), v.confidence(), "fr", false, null));
        assertThat(verdict.pending()).isTrue();
        assertThat(then.pending()).isTrue();
        assertThat(EMBEDDED.get() - before).as("embedded before reading").isZero();

        assertThat(then.language()).isEqualTo("fr");
        assertThat(then.intent()).isEqualTo(verdict.intent());
        assertThat(verdict.pending()).isFalse();
        verdict.confidence();
        assertThat(EMBEDDED.get() - before).as("embedded once read").isEqualTo(1);
    }

    @Test
    void aVerdictARuleGivesIsNeverPending() {
        IntentResult yes = classifier.classifyWhenAsked("yes please", "en", List.of());
        assertThat(yes.pending()).isFalse();
        assertThat(yes.matchedKeyword()).isNotNull();
        assertThat(classifier
                        .classifyWhenAsked("the grease trap is overflowing", "en", List.of("grease trap"))
                        .pending())
                .isFalse();
    }
}
