package dev.frontdesk.benchmarks;

import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.frontdesk.assistant.nlu.IntentResult;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The offline intent classifier on one utterance that goes past the rules to the nearest neighbours: one
 * all-MiniLM-L6-v2 embedding (in-process ONNX) plus a cosine scan of about a thousand labelled examples.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IntentBenchmark {

    static final List<String> KEYWORDS = List.of("grease trap", "server down");

    IntentClassifier classifier;

    @Setup
    public void setUp() {
        classifier = new IntentClassifier(new AllMiniLmL6V2EmbeddingModel());
    }

    @Benchmark
    public IntentResult classify() {
        return classifier.classify("hi um I don't want to cancel, can I move my appointment to Friday", null, KEYWORDS);
    }
}
