package dev.frontdesk.assistant.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The conversation corpus through the LLM brain, with {@link ScriptedReceptionist} playing a correct model
 * whose script comes from each conversation's expectations: the same runner and the same checks in the data
 * as {@link ConversationCorpusTest} (appointments, emergency, owner alert, message, transfer, opt-out,
 * outcome), except the reply's words and language, which here are the script's. It proves the plumbing of
 * the LLM brain end to end on realistic conversations, not the model's understanding; the held-out split is
 * reported as counts by task and failure class only (target/llm-corpus-report-*.md).
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + ConversationCorpusTest.TWILIO_TOKEN,
            "frontdesk.telephony.public-base-url=" + ConversationCorpusTest.PUBLIC_URL,
            "frontdesk.assistant.llm.timeout=5s",
            "frontdesk.breakers.minimum-calls=1000"
        })
class LlmCorpusTest {

    /**
     * The subset played in the build, to keep it within its time: one conversation in {@code every} by a hash
     * of its file name (dev 1 in 40, held-out 1 in 8), and only the files whose names start with one of
     * {@code -Dllm-corpus.only} when given; {@code -Dllm-corpus.every=1} plays the whole split.
     */
    static java.util.function.Predicate<String> subset(int every) {
        int n = Integer.getInteger("llm-corpus.every", every);
        List<String> only = List.of(System.getProperty("llm-corpus.only", "").split(","));
        return name -> Math.floorMod(name.hashCode(), n) == 0 && only.stream().anyMatch(name::startsWith);
    }

    static final ScriptedReceptionist model = new ScriptedReceptionist();

    @AfterAll
    static void stop() {
        model.close();
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.assistant.llm.base-url", model::baseUrl);
        registry.add("frontdesk.assistant.llm.api-key", () -> "sk-test");
    }

    @Autowired
    TestApi api;

    @Autowired
    Assistant assistant;

    @Autowired
    Conversations conversations;

    @Autowired
    Messages messages;

    /**
     * Task success the plumbing must keep on what is played (the whole splits reach more; the misses left are
     * in docs/assistant.md), and no dangerous conversation.
     */
    static final double FLOOR = 0.9;

    @Test
    void devConversationsThroughTheLlmBrain() throws IOException {
        CorpusReport report = run("dev", 40);
        assertThat(report.size()).isPositive();
        assertThat(report.successRate())
                .as("task success (target/llm-corpus-report-dev.md)")
                .isGreaterThanOrEqualTo(FLOOR);
        assertThat(report.dangerous()).as("dangerous conversations").isZero();
    }

    @Test
    void heldOutConversationsThroughTheLlmBrain() throws IOException {
        CorpusReport report = run("heldout", 8);
        assertThat(report.size()).isPositive();
        assertThat(report.successRate())
                .as("task success (target/llm-corpus-report-heldout.md)")
                .isGreaterThanOrEqualTo(FLOOR);
        assertThat(report.dangerous()).as("dangerous conversations").isZero();
    }

    private CorpusReport run(String split, int every) throws IOException {
        CorpusReport report = new CorpusRun(
                        api,
                        assistant,
                        conversations,
                        messages,
                        ConversationCorpusTest.TWILIO_TOKEN,
                        ConversationCorpusTest.PUBLIC_URL)
                .runSplit(split, subset(every), c -> model.play(c), LlmCorpusTest::plumbingOnly, split.equals("dev"));
        report.write(Path.of("target/llm-corpus-report-" + split + ".md"));
        System.out.println("LLM brain, scripted model: " + report.summary());
        return report;
    }

    /** The reply's words and language are the script's, not the assistant's: they are not judged here. */
    static Verdict plumbingOnly(Verdict verdict) {
        return new Verdict(
                verdict.failures().stream().filter(f -> !f.startsWith("reply:")).toList(), verdict.dangerous());
    }
}
