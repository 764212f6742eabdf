package dev.frontdesk.assistant.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs the conversation corpus (src/test/resources/conversations/{dev,heldout}) through the real
 * conversation engine against a real database, checks what happened in the data, and writes
 * target/conversation-report.md. The held-out split gates the build: task success per language at or
 * above its floor and no dangerous conversation (a wrong appointment booked, moved or cancelled).
 *
 * <p>Held-out conversations are reported only as counts per task and failure class; set
 * {@code -Dcorpus.transcripts=heldout} to also write their transcripts (not to be read while tuning).
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + ConversationCorpusTest.TWILIO_TOKEN,
            "frontdesk.telephony.public-base-url=" + ConversationCorpusTest.PUBLIC_URL
        })
class ConversationCorpusTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String TWILIO_TOKEN = "corpus-twilio-auth-token";
    static final String PUBLIC_URL = "https://frontdesk.example";

    /**
     * Task success floors on the held-out split, per language: the targets themselves, 0.95 (en) and 0.90
     * (es, fr), which the assistant reaches (en 105/110, es 44/45, fr 41/45). The runs are deterministic (a
     * fixed clock, language data in file order, the same model); a change that costs one English or French
     * held-out conversation fails the build.
     */
    static final Map<String, Double> HELD_OUT_FLOOR = Map.of("en", 0.95, "es", 0.90, "fr", 0.90);

    /** Dangerous held-out conversations tolerated: none (none measured since the m-* round). */
    static final int HELD_OUT_DANGEROUS_ALLOWED = 0;

    /**
     * Floors on the dev split, so a change that breaks conversations already fixed fails the build: about ten
     * conversations (en) or five (es, fr) under today's figures. A new writer batch is committed before it is
     * tuned, so a floor may need the batch's fixes before the build passes again.
     */
    static final Map<String, Double> DEV_FLOOR = Map.of("en", 0.975, "es", 0.95, "fr", 0.96, "de", 0.9);

    @Autowired
    TestApi api;

    @Autowired
    Assistant assistant;

    @Autowired
    Conversations conversations;

    @Autowired
    Messages messages;

    @Test
    void heldOutConversationsMeetTheirTargets() throws IOException {
        CorpusReport report = runSplit("heldout");
        report.write(Path.of("target/conversation-report-heldout.md"));
        System.out.println(report.summary());
        for (var floor : HELD_OUT_FLOOR.entrySet()) {
            assertThat(report.successRate(floor.getKey()))
                    .as("held-out task success in " + floor.getKey() + " (target/conversation-report-heldout.md)")
                    .isGreaterThanOrEqualTo(floor.getValue());
        }
        assertThat(report.dangerous())
                .as("dangerous held-out conversations")
                .isLessThanOrEqualTo(HELD_OUT_DANGEROUS_ALLOWED);
    }

    @Test
    void devConversationsAreReportedAndKeepTheirFloors() throws IOException {
        CorpusReport report = runSplit("dev");
        report.write(Path.of("target/conversation-report-dev.md"));
        System.out.println(report.summary());
        assertThat(report.size()).as("dev conversations").isPositive();
        if (!System.getProperty("corpus.only", "").isBlank()) {
            return; // a subset while tuning: reported, not judged
        }
        for (var floor : DEV_FLOOR.entrySet()) {
            assertThat(report.successRate(floor.getKey()))
                    .as("dev task success in " + floor.getKey() + " (target/conversation-report-dev.md)")
                    .isGreaterThanOrEqualTo(floor.getValue());
        }
        assertThat(report.dangerous()).as("dangerous dev conversations").isZero();
    }

    private CorpusReport runSplit(String split) throws IOException {
        // -Dcorpus.only=y- runs only the files whose names start with it (a quicker loop while tuning);
        // several prefixes are separated by commas (-Dcorpus.only=p-,q-)
        List<String> only = List.of(System.getProperty("corpus.only", "").split(","));
        return new CorpusRun(api, assistant, conversations, messages, TWILIO_TOKEN, PUBLIC_URL)
                .runSplit(split, name -> only.stream().anyMatch(name::startsWith), c -> {}, v -> v);
    }
}
