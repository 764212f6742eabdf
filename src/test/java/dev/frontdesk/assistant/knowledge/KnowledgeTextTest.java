package dev.frontdesk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.MutableClock;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pure parts of the knowledge base: normalising, splitting, vectors at rest and the cache. */
class KnowledgeTextTest {

    @Test
    void questionsAreComparedWithoutCaseAccentsPunctuationOrExtraSpaces() {
        assertThat(Text.normalise("  What's your   CALL-OUT fee?! ")).isEqualTo("what s your call out fee");
        assertThat(Text.normalise("¿Trabajáis en Mérida?")).isEqualTo("trabajais en merida");
        assertThat(Text.contentWords("Do you take credit cards?")).containsExactly("take", "credit", "card");
        assertThat(Text.overlap(Text.contentWords("credit cards"), Text.contentWords("We accept all credit cards.")))
                .isEqualTo(1.0);
    }

    @Test
    void shortParagraphsStayWholeAndHeadingsJoinTheirText() {
        String text = "Prices:\n\nCall-out fee $89.\r\nHourly   rate $95.\n\n\n"
                + "We serve Boston and Cambridge, and every town inside Route 128, seven days a week, with vans"
                + " stocked for most repairs.";
        assertThat(Passages.split(text))
                .containsExactly(
                        "Prices:\nCall-out fee $89.\nHourly rate $95.",
                        "We serve Boston and Cambridge, and every town inside Route 128, seven days a week, with vans"
                                + " stocked for most repairs.");
    }

    @Test
    void longParagraphsAreCutBetweenSentences() {
        String sentence = "This sentence is exactly sixty characters long, give or take. ";
        String text = sentence.repeat(20).strip() + " " + "x".repeat(1200);
        List<String> passages = Passages.split(text);
        assertThat(passages).allSatisfy(p -> assertThat(p.length()).isBetween(1, Passages.MAX));
        assertThat(passages.getFirst()).startsWith(sentence.strip()).endsWith("take.");
        assertThat(String.join(" ", passages).replace(" ", ""))
                .as("nothing is lost")
                .isEqualTo(text.replace(" ", ""));
    }

    @Test
    void vectorsSurviveStorageAsUnitVectors() {
        float[] vector = {3f, 4f, 0f};
        float[] stored = Vectors.decode(Vectors.encode(vector));
        assertThat(stored).containsExactly(0.6f, 0.8f, 0f);
        assertThat(Vectors.cosine(stored, stored)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Vectors.cosine(stored, new float[] {1f})).isZero();
    }

    @Test
    void theCacheKeepsAnswersUntilTheyExpireOrTheRevisionMoves() {
        var clock = new MutableClock(Instant.parse("2026-11-23T13:00:00Z"));
        var cache = new KnowledgeCache(clock, Duration.ofMinutes(10), 2, 2);
        var business = BusinessId.random();
        var loads = new AtomicInteger();
        var answer = Optional.of(new KnowledgeAnswer(UUID.randomUUID(), "Yes.", 0.9, "Are you insured?"));

        var first = cache.snapshot(business, 1, () -> index(loads));
        first.remember("are you insured", answer);
        clock.advance(Duration.ofMinutes(9));
        assertThat(cache.snapshot(business, 1, () -> index(loads)).answer("are you insured"))
                .hasValue(answer);
        assertThat(loads).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.snapshot(business, 1, () -> index(loads)).answer("are you insured"))
                .as("expired after 10 minutes")
                .isEmpty();
        assertThat(loads).hasValue(2);

        cache.snapshot(business, 1, () -> index(loads)).remember("are you insured", answer);
        assertThat(cache.snapshot(business, 2, () -> index(loads)).answer("are you insured"))
                .as("another revision: the knowledge changed")
                .isEmpty();
        cache.snapshot(business, 2, () -> index(loads)).remember("are you insured", answer);
        cache.forget(business);
        assertThat(cache.snapshot(business, 2, () -> index(loads)).answer("are you insured"))
                .isEmpty();
        assertThat(loads).hasValue(4);

        var snapshot = cache.snapshot(business, 2, () -> index(loads));
        snapshot.remember("a", Optional.empty());
        snapshot.remember("b", Optional.empty());
        snapshot.remember("c", Optional.empty());
        assertThat(snapshot.answer("c")).as("at most 2 answers per business").isEmpty();

        cache.snapshot(BusinessId.random(), 1, () -> index(loads));
        clock.advance(Duration.ofSeconds(1));
        cache.snapshot(BusinessId.random(), 1, () -> index(loads));
        assertThat(cache.size()).as("at most 2 businesses").isEqualTo(2);
    }

    private static KnowledgeIndex index(AtomicInteger loads) {
        loads.incrementAndGet();
        return KnowledgeIndex.EMPTY;
    }
}
