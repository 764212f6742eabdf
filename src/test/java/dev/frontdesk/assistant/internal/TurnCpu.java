package dev.frontdesk.assistant.internal;

import com.sun.management.OperatingSystemMXBean;
import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process's CPU time per offline-brain turn, and the texts it embeds, for the turns of {@link
 * OfflineTurnBenchmark} (opening a call) and {@link OfflineAnswerTurnBenchmark} (answering what was asked), on the
 * application's own ONNX session (one thread, no spinning: {@link EmbeddingConfiguration}). CPU time
 * of the whole process (every thread: the ONNX runtime's, the JIT's, the collector's) divided by the turns, so a
 * machine shared with other work changes the figure far less than it changes a wall-clock time: what the turn costs,
 * not how long it waited for a core.
 *
 * <pre>./mvnw -B -q -Pbenchmarks test-compile exec:exec -Dbench.main=dev.frontdesk.assistant.internal.TurnCpu -Djmh.args="2000 4000"</pre>
 *
 * (arguments: warm-up turns, then measured turns, per utterance; a third, {@code int8}, runs the turns on the
 * int8-quantised model instead of the application's float32 one: {@link EmbeddingModelCpu}).
 */
public final class TurnCpu {

    private static final String[][] TURNS = {
        {"NOTHING", "hi I need a drain cleaning tomorrow at 10"},
        {"NOTHING", "what time do you open on saturday"},
        {"NOTHING", "um yeah can somebody look at my water heater like thursday morning"},
        {"WHEN", "tomorrow at 10"},
        {"NAME", "Dana Smith"},
        {"NAME", "my name is Dana Smith"},
    };

    private TurnCpu() {}

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        var counted = new Counted(model(args.length > 2 ? args[2] : "float"));
        var brain = new OfflineBrain(new IntentClassifier(counted), new OfflineTurnBenchmark.InMemoryTools());
        var context = OfflineTurnBenchmark.context();
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String[] turn : TURNS) {
            for (int i = 0; i < warmUp; i++) {
                turn(brain, context, turn);
            }
        }
        System.out.printf(
                "%-10s %-70s %14s %14s %10s%n", "asked", "utterance", "CPU ms/turn", "wall ms/turn", "embedded");
        for (String[] turn : TURNS) {
            long embedded = counted.texts.get();
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                turn(brain, context, turn);
            }
            double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / measured;
            double wallMs = (System.nanoTime() - wall) / 1e6 / measured;
            double texts = (double) (counted.texts.get() - embedded) / measured;
            System.out.printf("%-10s %-70s %14.3f %14.3f %10.2f%n", turn[0], turn[1], cpuMs, wallMs, texts);
        }
        // the intent detection of an embedded turn, split: the embedding alone, then embedding plus nearest examples
        String said = "um yeah can somebody look at my water heater like thursday morning";
        var classifier = new IntentClassifier(counted);
        double embedding = cpuMs(os, warmUp, measured, () -> counted.embed(said));
        double rules = cpuMs(os, warmUp, measured, () -> classifier.classifyWhenAsked(said, "en", List.of()));
        double classified = cpuMs(os, warmUp, measured, () -> classifier.classify(said, "en", List.of()));
        System.out.printf(
                "intent of \"%s\" (CPU per call): language and rules %.3f ms; embedding %.3f ms; all of it, with the"
                        + " nearest examples, %.3f ms%n",
                said, rules, embedding, classified);
    }

    /** The application's model ({@code float}) or another variant of {@link EmbeddingModelCpu#VARIANTS}. */
    private static EmbeddingModel model(String variant) {
        if (variant.equals("float")) {
            return EmbeddingConfiguration.sharedModel();
        }
        for (String[] v : EmbeddingModelCpu.VARIANTS) {
            if (v[0].equals(variant)) {
                return EmbeddingConfiguration.load(v[1], v[2]);
            }
        }
        throw new IllegalArgumentException("float or int8, not " + variant);
    }

    /** The CPU time per call of {@code work}, after as many calls to warm up. */
    private static double cpuMs(OperatingSystemMXBean os, int warmUp, int measured, Runnable work) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        long cpu = os.getProcessCpuTime();
        for (int i = 0; i < measured; i++) {
            work.run();
        }
        return (os.getProcessCpuTime() - cpu) / 1e6 / measured;
    }

    private static OfflineBrain.Output turn(OfflineBrain brain, OfflineBrain.Context context, String[] turn) {
        Dialogue d = new Dialogue();
        d.asked = Dialogue.Ask.valueOf(turn[0]);
        if (d.asked != Dialogue.Ask.NOTHING) {
            d.task = Dialogue.Task.BOOK;
            d.service = "Drain cleaning";
        }
        return brain.respond(context, d, turn[1], 0.9, 0.4);
    }

    /** The model, counting the texts it embeds. */
    private static final class Counted implements EmbeddingModel {
        final AtomicLong texts = new AtomicLong();
        private final EmbeddingModel model;

        Counted(EmbeddingModel model) {
            this.model = model;
        }

        @Override
        public Response<Embedding> embed(String text) {
            texts.incrementAndGet();
            return model.embed(text);
        }

        @Override
        public Response<Embedding> embed(TextSegment segment) {
            texts.incrementAndGet();
            return model.embed(segment);
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            texts.addAndGet(segments.size());
            return model.embedAll(segments);
        }

        @Override
        public int dimension() {
            return model.dimension();
        }
    }
}
