package dev.frontdesk.assistant.internal;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two all-MiniLM-L6-v2 models LangChain4j ships, side by side, on the application's ONNX session options (one
 * thread, no spinning: {@link EmbeddingConfiguration#options()}): the float32 one ({@code all-minilm-l6-v2.onnx}) and
 * the int8-quantised one ({@code all-minilm-l6-v2-q.onnx}). For one model per JVM (so that the load and the memory
 * are that model's alone): the time to load it, the heap and resident memory it adds, and the CPU and wall time per
 * sentence over the intent examples of every language ({@code assistant/intents/*.tsv}, about 1,200 sentences of 2–20
 * words), after a pass over them to warm up. With {@code agree}: both models in one JVM, and how close their vectors
 * are (cosine of the two vectors of each sentence).
 *
 * <pre>./mvnw -B -q -Pbenchmarks test-compile exec:exec -Dbench.main=dev.frontdesk.assistant.internal.EmbeddingModelCpu -Djmh.args="int8 3"</pre>
 *
 * (arguments: {@code float}, {@code int8} or {@code agree}; then the measured passes over the sentences).
 */
public final class EmbeddingModelCpu {

    /** The model files of each variant, as on the class path. */
    static final String[][] VARIANTS = {
        {"float", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json"},
        {"int8", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json"},
    };

    private EmbeddingModelCpu() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "int8";
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> sentences = sentences();
        if (which.equals("agree")) {
            agree(sentences);
            return;
        }
        String[] variant = variant(which);
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapBefore = heapAfterGc();
        long rssBefore = rssKb();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        EmbeddingModel model = EmbeddingConfiguration.load(variant[1], variant[2]);
        double loadWallMs = (System.nanoTime() - wall) / 1e6;
        double loadCpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
        long heapLoaded = heapAfterGc();
        long rssLoaded = rssKb();
        for (String s : sentences) {
            model.embed(s);
        }
        long rssWarm = rssKb();
        cpu = os.getProcessCpuTime();
        wall = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (String s : sentences) {
                model.embed(s);
            }
        }
        int n = passes * sentences.size();
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / n;
        double wallMs = (System.nanoTime() - wall) / 1e6 / n;
        System.out.printf(
                Locale.ROOT,
                "%s (%s): load %.0f ms wall / %.0f ms CPU; heap +%.1f MiB; RSS +%.1f MiB loaded, +%.1f MiB after the"
                        + " warm-up pass; %d sentences x %d passes: %.3f ms CPU, %.3f ms wall per sentence%n",
                which,
                variant[1],
                loadWallMs,
                loadCpuMs,
                (heapLoaded - heapBefore) / 1048576.0,
                (rssLoaded - rssBefore) / 1024.0,
                (rssWarm - rssBefore) / 1024.0,
                sentences.size(),
                passes,
                cpuMs,
                wallMs);
    }

    /** How close the two models' vectors of the same sentence are. */
    private static void agree(List<String> sentences) {
        EmbeddingModel full = EmbeddingConfiguration.load(VARIANTS[0][1], VARIANTS[0][2]);
        EmbeddingModel quantised = EmbeddingConfiguration.load(VARIANTS[1][1], VARIANTS[1][2]);
        double[] cosines = new double[sentences.size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = cosine(
                    full.embed(sentences.get(i)).content().vector(),
                    quantised.embed(sentences.get(i)).content().vector());
        }
        java.util.Arrays.sort(cosines);
        double sum = 0;
        for (double c : cosines) {
            sum += c;
        }
        System.out.printf(
                Locale.ROOT,
                "cosine(float, int8) over %d sentences: mean %.4f, min %.4f, 1st percentile %.4f, median %.4f%n",
                cosines.length,
                sum / cosines.length,
                cosines[0],
                cosines[cosines.length / 100],
                cosines[cosines.length / 2]);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static String[] variant(String name) {
        for (String[] v : VARIANTS) {
            if (v[0].equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("float, int8 or agree, not " + name);
    }

    /** The intent examples of every language, as the classifier embeds them (lower case). */
    static List<String> sentences() throws IOException {
        List<String> out = new ArrayList<>();
        ClassLoader loader = EmbeddingModelCpu.class.getClassLoader();
        for (String language : List.of("en", "es", "fr", "de")) {
            InputStream in = loader.getResourceAsStream("assistant/intents/" + language + ".tsv");
            if (in == null) {
                continue;
            }
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (!line.isBlank() && !line.startsWith("#") && tab > 0) {
                        out.add(line.substring(tab + 1).strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** The process's resident memory (Linux), in KiB; 0 elsewhere. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedOperationException e) {
            return 0;
        }
    }
}
