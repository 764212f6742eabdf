package dev.frontdesk.assistant.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One sentence embedded by all-MiniLM-L6-v2, float32 or int8-quantised, on the application's ONNX session options
 * (one thread, no spinning), one thread calling: the sentences are the intent examples of every language in turn
 * ({@link EmbeddingModelCpu#sentences()}), so the figure is the mean over their lengths.
 *
 * <pre>./mvnw -B -q -Pbenchmarks test-compile exec:exec -Djmh.args="EmbeddingBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EmbeddingBenchmark {

    @Param({"float", "int8"})
    public String model;

    private EmbeddingModel embeddings;
    private List<String> sentences;
    private int next;

    @Setup
    public void setUp() throws IOException {
        for (String[] variant : EmbeddingModelCpu.VARIANTS) {
            if (variant[0].equals(model)) {
                embeddings = EmbeddingConfiguration.load(variant[1], variant[2]);
            }
        }
        sentences = EmbeddingModelCpu.sentences();
    }

    @Benchmark
    public Embedding embed() {
        String sentence = sentences.get(next);
        next = next + 1 == sentences.size() ? 0 : next + 1;
        return embeddings.embed(sentence).content();
    }
}
