package dev.frontdesk.assistant.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.ScriptedModel;
import dev.frontdesk.support.ScriptedModel.Answer;
import dev.frontdesk.support.TestApi;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The corpus through the LLM brain when its model fails, against the offline brain alone: with a model that
 * answers every request with an HTTP 500, and with one that never answers within the model's time, every
 * conversation must end exactly as it ends without a model — the same verdict (appointments, emergency, owner
 * alert, message, transfer, opt-out, outcome, and the reply checks, since the offline brain says every reply),
 * conversation by conversation. The same conversations are played first with the offline brain alone (the
 * application without a model), then through the LLM brain with each failing model; the {@code llm} circuit
 * breaker is kept closed so that every turn really asks the model and falls back.
 *
 * <p>{@code verify} plays a subset (one conversation in 8 of held-out, one in 80 of dev, by a hash of the file
 * name, as {@link LlmCorpusTest} does); {@code -Dllm-fallback.every=1} plays the whole splits and
 * {@code -Dllm-fallback.splits=heldout} one split. Held-out conversations are reported as counts only.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class LlmFallbackCorpusIT {

    /** The offline brain's verdicts, by split and file, from {@link OfflineBrainAlone}. */
    static final Map<String, Verdict> OFFLINE = new ConcurrentHashMap<>();

    /** What the failing model does with every request. */
    static volatile Answer failing = Answer.failure(500);

    static final ScriptedModel MODEL = ScriptedModel.start(request -> failing);

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    static Predicate<String> subset(String split) {
        int n = Integer.getInteger("llm-fallback.every", split.equals("dev") ? 80 : 8);
        return name -> Math.floorMod(name.hashCode(), n) == 0;
    }

    /** The splits played: both, or those of {@code -Dllm-fallback.splits} (comma-separated). */
    static List<String> splits() {
        return List.of(System.getProperty("llm-fallback.splits", "dev,heldout").split(","));
    }

    static CorpusReport play(
            String split,
            TestApi api,
            Assistant assistant,
            Conversations conversations,
            Messages messages,
            Map<String, Verdict> verdicts)
            throws IOException {
        CorpusReport report = new CorpusRun(
                        api,
                        assistant,
                        conversations,
                        messages,
                        ConversationCorpusTest.TWILIO_TOKEN,
                        ConversationCorpusTest.PUBLIC_URL)
                .runSplit(split, subset(split), c -> {}, v -> v, false);
        report.verdicts().forEach((file, verdict) -> verdicts.put(file, verdict));
        return report;
    }

    /** The application without a model: the offline brain answers every turn. */
    @Nested
    @Order(1)
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @ApiTest
    @TestPropertySource(
            properties = {
                "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
                "frontdesk.telephony.auth-token=" + ConversationCorpusTest.TWILIO_TOKEN,
                "frontdesk.telephony.public-base-url=" + ConversationCorpusTest.PUBLIC_URL
            })
    class OfflineBrainAlone {

        @Autowired
        TestApi api;

        @Autowired
        Assistant assistant;

        @Autowired
        Conversations conversations;

        @Autowired
        Messages messages;

        @Test
        void theConversationsArePlayedWithoutAModel() throws IOException {
            for (String split : splits()) {
                CorpusReport report = play(split, api, assistant, conversations, messages, OFFLINE);
                System.out.println("Offline brain alone: " + report.summary());
                assertThat(report.size()).as(split + " conversations played").isPositive();
            }
        }
    }

    /** The LLM brain with a model that fails: HTTP errors, then hangs. */
    @Nested
    @Order(2)
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @ApiTest
    @TestPropertySource(
            properties = {
                "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
                "frontdesk.telephony.auth-token=" + ConversationCorpusTest.TWILIO_TOKEN,
                "frontdesk.telephony.public-base-url=" + ConversationCorpusTest.PUBLIC_URL,
                "frontdesk.assistant.llm.timeout=200ms",
                "frontdesk.breakers.minimum-calls=100000"
            })
    class ModelThatFails {

        @DynamicPropertySource
        static void endpoint(DynamicPropertyRegistry registry) {
            MODEL.register(registry);
        }

        @Autowired
        TestApi api;

        @Autowired
        Assistant assistant;

        @Autowired
        Conversations conversations;

        @Autowired
        Messages messages;

        @Test
        void aModelAnsweringEveryRequestWithAnErrorLeavesEveryConversationAsTheOfflineBrainAlone() throws IOException {
            failing = Answer.failure(500);
            sameAsOffline("HTTP 500");
        }

        @Test
        void aModelThatNeverAnswersInTimeLeavesEveryConversationAsTheOfflineBrainAlone() throws IOException {
            failing = Answer.after(Duration.ofSeconds(5), ScriptedModel.text("Too late."));
            sameAsOffline("a hang");
        }

        private void sameAsOffline(String failure) throws IOException {
            assertThat(OFFLINE)
                    .as("the offline brain's verdicts (run the whole class)")
                    .isNotEmpty();
            int requestsBefore = MODEL.requests().size();
            Map<String, Verdict> withModel = new TreeMap<>();
            for (String split : splits()) {
                CorpusReport report = play(split, api, assistant, conversations, messages, withModel);
                System.out.println("LLM brain, " + failure + ": " + report.summary());
            }
            assertThat(MODEL.requests().size() - requestsBefore)
                    .as("the model was asked")
                    .isPositive();
            assertThat(withModel.keySet()).isEqualTo(new TreeMap<>(OFFLINE).keySet());
            // which conversations differ: dev by name and failures; held-out as counts only
            List<String> devDifferences = new ArrayList<>();
            int heldOutDifferences = 0;
            for (var entry : withModel.entrySet()) {
                Verdict offline = OFFLINE.get(entry.getKey());
                if (!entry.getValue().equals(offline)) {
                    if (entry.getKey().startsWith("dev/")) {
                        devDifferences.add(
                                entry.getKey() + ": offline " + offline + ", with the model " + entry.getValue());
                    } else {
                        heldOutDifferences++;
                    }
                }
            }
            assertThat(devDifferences)
                    .as("dev conversations that ended otherwise")
                    .isEmpty();
            assertThat(heldOutDifferences)
                    .as("held-out conversations that ended otherwise")
                    .isZero();
        }
    }
}
