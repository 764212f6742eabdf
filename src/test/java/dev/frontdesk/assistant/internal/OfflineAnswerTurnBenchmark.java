package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
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
 * One offline-brain turn that answers what the assistant asked, on a booking already under way (drain cleaning):
 * a day and time in answer to "when?", a name in answer to "your name?" (bare and introduced). The same brain,
 * tools and business as {@link OfflineTurnBenchmark}, whose utterances all open a call.
 *
 * <pre>./mvnw -B -q -Pbenchmarks test-compile exec:exec -Djmh.args="OfflineAnswerTurnBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OfflineAnswerTurnBenchmark {

    @Param({"WHEN:tomorrow at 10", "NAME:Dana Smith", "NAME:my name is Dana Smith"})
    public String answer;

    private OfflineBrain brain;
    private OfflineBrain.Context context;
    private Dialogue.Ask asked;
    private String utterance;

    @Setup
    public void setUp() {
        brain = new OfflineBrain(
                new IntentClassifier(new AllMiniLmL6V2EmbeddingModel()), new OfflineTurnBenchmark.InMemoryTools());
        context = OfflineTurnBenchmark.context();
        int colon = answer.indexOf(':');
        asked = Dialogue.Ask.valueOf(answer.substring(0, colon));
        utterance = answer.substring(colon + 1);
    }

    @Benchmark
    public OfflineBrain.Output oneTurn() {
        Dialogue d = new Dialogue();
        d.task = Dialogue.Task.BOOK;
        d.service = "Drain cleaning";
        d.asked = asked;
        return brain.respond(context, d, utterance, 0.9, 0.4);
    }
}
