package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classifier with the real in-process model, on a held-out set written apart from the training examples. */
class IntentClassifierAccuracyTest {

    static IntentClassifier classifier;

    record Case(String language, Intent expected, String text) {}

    @BeforeAll
    static void loadModelOnce() {
        long start = System.nanoTime();
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        long loaded = System.nanoTime();
        classifier = new IntentClassifier(model);
        System.out.printf(
                "model loaded in %d ms; %d examples embedded in %d ms%n",
                (loaded - start) / 1_000_000, classifier.exampleCount(), (System.nanoTime() - loaded) / 1_000_000);
    }

    static List<Case> heldOut() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                IntentClassifierAccuracyTest.class
                        .getClassLoader()
                        .getResourceAsStream("assistant/intents-heldout.tsv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                cases.add(new Case(parts[0], Intent.valueOf(parts[1]), parts[2]));
            }
        }
        return cases;
    }

    @Test
    void heldOutAccuracyIsAtLeastNinetyPercent() throws IOException {
        List<Case> cases = heldOut();
        assertThat(cases.stream().filter(c -> c.language().equals("en"))).hasSizeGreaterThanOrEqualTo(80);
        assertThat(cases.stream().filter(c -> c.language().equals("es"))).hasSizeGreaterThanOrEqualTo(20);
        assertThat(cases.stream().filter(c -> c.language().equals("fr"))).hasSizeGreaterThanOrEqualTo(20);

        Map<Intent, int[]> perIntent = new EnumMap<>(Intent.class);
        Map<String, int[]> perLanguage = new java.util.TreeMap<>();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        for (Case c : cases) {
            IntentResult result = classifier.classify(c.text(), null, List.of());
            boolean ok = result.intent() == c.expected();
            int[] counts = perIntent.computeIfAbsent(c.expected(), k -> new int[2]);
            int[] byLanguage = perLanguage.computeIfAbsent(c.language(), k -> new int[2]);
            counts[1]++;
            byLanguage[1]++;
            if (ok) {
                counts[0]++;
                byLanguage[0]++;
                correct++;
            } else {
                misses.add(String.format(
                        "  %s %-16s -> %-16s (%.2f, %s) %s",
                        c.language(), c.expected(), result.intent(), result.confidence(), result.language(), c.text()));
            }
        }
        double accuracy = (double) correct / cases.size();
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("Held-out accuracy: %d/%d = %.1f%%%n", correct, cases.size(), 100 * accuracy));
        perLanguage.forEach((l, n) -> summary.append(String.format("  %s: %d/%d%n", l, n[0], n[1])));
        perIntent.forEach((i, n) -> summary.append(String.format("  %-16s %d/%d%n", i, n[0], n[1])));
        summary.append("Confusions (expected -> got):\n");
        misses.forEach(m -> summary.append(m).append('\n'));
        System.out.println(summary);

        assertThat(accuracy).as(summary.toString()).isGreaterThanOrEqualTo(0.90);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I don't want to cancel, I want to move it        | RESCHEDULE
            i dont want to cancel i want to move it          | RESCHEDULE
            cancel my appointment                            | CANCEL
            can I book a cleaning for next week              | BOOK
            when are you open                                | HOURS
            how much is a drain cleaning                     | PRICES
            I'm not calling to book, I want to know your prices | PRICES
            no quiero cancelar, quiero cambiar la cita       | RESCHEDULE
            je ne veux pas annuler, je veux le déplacer      | RESCHEDULE
            put me through to Sam in billing                 | TRANSFER
            can I talk to a real person                      | HUMAN
            """)
    void negationContrastAndCoreIntents(String text, Intent expected) {
        assertThat(classifier.classify(text, null, List.of()).intent()).isEqualTo(expected);
    }

    @Test
    void offTopicIsUnknownOrLowConfidence() {
        IntentResult result = classifier.classify("the quarterly tax forms for my llama farm", "en", List.of());
        assertThat(result.intent() == Intent.UNKNOWN || result.confidence() < 0.6)
                .as(result.toString())
                .isTrue();
    }

    @Test
    void rulesWinOverNearestNeighboursAndCarryTheLanguage() {
        IntentResult gas = classifier.classify("hola, huele a gas en mi casa", null, List.of());
        assertThat(gas.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(gas.lifeThreatening()).isTrue();
        assertThat(gas.language()).isEqualTo("es");
        assertThat(gas.matchedKeyword()).isEqualTo("huele a gas");

        IntentResult own = classifier.classify("the grease trap is overflowing", "en", List.of("grease trap"));
        assertThat(own.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(own.lifeThreatening()).isFalse();
        assertThat(own.matchedKeyword()).isEqualTo("grease trap");

        IntentResult yes = classifier.classify("ok", "fr", List.of());
        assertThat(yes.intent()).isEqualTo(Intent.AFFIRM);
        assertThat(yes.language()).isEqualTo("fr");
    }

    @Test
    void isThreadSafe() throws Exception {
        List<Case> cases = heldOut().subList(0, 60);
        List<Intent> sequential = cases.stream()
                .map(c -> classifier.classify(c.text(), null, List.of()).intent())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Intent>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(
                        () -> classifier.classify(c.text(), null, List.of()).intent()));
            }
            for (int i = 0; i < cases.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
