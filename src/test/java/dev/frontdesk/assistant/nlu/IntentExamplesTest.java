package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The labelled examples shipped on the classpath, checked without the model. */
class IntentExamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, 25", "es, 12", "fr, 12"})
    void everyIntentHasEnoughDistinctExamples(String language, int minimum) {
        List<IntentClassifier.Example> examples = IntentClassifier.load(language);
        Map<Intent, Integer> counts = new EnumMap<>(Intent.class);
        Set<String> seen = new HashSet<>();
        for (IntentClassifier.Example e : examples) {
            counts.merge(e.intent(), 1, Integer::sum);
            assertThat(seen.add(Utterances.fold(e.text())))
                    .as("duplicate %s example: %s", language, e.text())
                    .isTrue();
        }
        for (Intent intent : Intent.values()) {
            if (intent != Intent.UNKNOWN) {
                assertThat(counts.getOrDefault(intent, 0))
                        .as(language + " " + intent)
                        .isGreaterThanOrEqualTo(minimum);
            }
        }
    }
}
