package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intent examples' vectors come from the build's file only when it was made from these examples with this
 * model; otherwise they are embedded again, so a stale file can never change what the assistant understands.
 */
class ExampleVectorsTest {

    @TempDir
    Path dir;

    @Test
    void theBuildsFileHoldsWhatTheModelSaysForEveryExampleToday() throws Exception {
        List<String> texts = IntentClassifier.exampleTexts();
        ExampleVectors.Matrix stored;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ExampleVectors.RESOURCE)) {
            assertThat(in).as("the build writes " + ExampleVectors.RESOURCE).isNotNull();
            stored = ExampleVectors.read(in).orElseThrow();
        }
        assertThat(stored.rows()).isEqualTo(texts.size());
        assertThat(stored.fingerprint()).isEqualTo(ExampleVectors.fingerprint(texts));
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        float[] again = new float[stored.dimension()];
        for (int row = 0; row < texts.size(); row += 97) {
            ExampleVectors.normaliseInto(model.embed(texts.get(row)).content().vector(), again, 0);
            for (int j = 0; j < again.length; j++) {
                assertThat(stored.values()[row * stored.dimension() + j])
                        .as(texts.get(row))
                        .isCloseTo(again[j], within(1e-4f));
            }
        }
    }

    @Test
    void aFileForTheseExamplesAndThisModelIsReadWithoutEmbeddingThemAgain() throws Exception {
        CountingModel model = new CountingModel(1f);
        Path file = dir.resolve("vectors.bin");
        List<String> texts = List.of("book a drain cleaning", "cancel my appointment", "what are your hours");
        ExampleVectors.Matrix made = write(model, texts, file);
        model.batches.set(0);

        ExampleVectors.Matrix read = ExampleVectors.of(model, texts, Files.newInputStream(file));

        assertThat(model.batches).as("examples embedded again").hasValue(1); // the first example, to check the model
        assertThat(read.values()).containsExactly(made.values());
    }

    @Test
    void aFileMadeFromOtherExamplesIsNotUsed() throws Exception {
        Path file = dir.resolve("vectors.bin");
        write(new CountingModel(1f), List.of("book a drain cleaning", "cancel my appointment"), file);
        CountingModel model = new CountingModel(1f);
        List<String> edited = List.of("book a drain cleaning", "cancel my booking");

        ExampleVectors.Matrix read = ExampleVectors.of(model, edited, Files.newInputStream(file));

        assertThat(read.values()).containsExactly(embedNow(model, edited));
    }

    @Test
    void aFileMadeWithAnotherModelIsNotUsed() throws Exception {
        Path file = dir.resolve("vectors.bin");
        List<String> texts = List.of("book a drain cleaning", "cancel my appointment");
        write(new CountingModel(1f), texts, file);
        CountingModel other = new CountingModel(2f);

        ExampleVectors.Matrix read = ExampleVectors.of(other, texts, Files.newInputStream(file));

        assertThat(read.values()).containsExactly(embedNow(other, texts));
    }

    @Test
    void aTruncatedOrForeignFileIsIgnored() throws Exception {
        Path file = dir.resolve("vectors.bin");
        List<String> texts = List.of("book a drain cleaning", "cancel my appointment");
        write(new CountingModel(1f), texts, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThat(ExampleVectors.read(Files.newInputStream(file))).isEmpty();
        Files.writeString(file, "not vectors at all, just some text long enough to have a header");
        assertThat(ExampleVectors.read(Files.newInputStream(file))).isEmpty();
    }

    private static ExampleVectors.Matrix write(EmbeddingModel model, List<String> texts, Path file) throws Exception {
        ExampleVectors.Matrix made = ExampleVectors.of(model, texts, null);
        Files.write(file, ExampleVectors.bytes(made));
        return made;
    }

    private static float[] embedNow(EmbeddingModel model, List<String> texts) {
        return ExampleVectors.of(model, texts, null).values();
    }

    /** Vectors from the text's characters (scaled by {@code skew}, so two instances can be two models). */
    static final class CountingModel implements EmbeddingModel {
        final AtomicInteger batches = new AtomicInteger();
        final float skew;

        CountingModel(float skew) {
            this.skew = skew;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            batches.incrementAndGet();
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) {
                String t = s.text();
                out.add(Embedding.from(new float[] {t.length(), t.charAt(0) * skew, t.charAt(t.length() - 1), 1f}));
            }
            return Response.from(out);
        }
    }
}
