package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.assistant.knowledge.KnowledgeIndex.Passage;
import dev.frontdesk.assistant.knowledge.KnowledgeIndex.Question;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers a caller's question from the business's own knowledge base, and only from it: the answer is
 * an entry's answer or a passage of its free text, word for word, never composed text. When nothing
 * matches well enough it answers nothing, and the assistant says it does not know and offers to take a
 * message.
 *
 * <p>Matching: an exact match of the normalised question (case, accents, punctuation and spacing
 * ignored) to an entry's question wins without embedding anything. Otherwise the question is embedded
 * (all-MiniLM-L6-v2) and compared by cosine similarity with every Q&A entry's question and its question
 * and answer together, and with every free-text passage; a small bonus goes to candidates sharing the
 * question's content words (names such as "Cambridge" weigh little in the embedding). A Q&A entry whose
 * score clears {@value #QUESTION_THRESHOLD} wins; otherwise a passage clearing
 * {@value #PASSAGE_THRESHOLD}; otherwise there is no answer.
 *
 * <p>Answers are cached per business for {@value #CACHE_MINUTES} minutes (the service's clock) and
 * dropped when that business's knowledge changes.
 */
@Service
public final class KnowledgeBase {

    /**
     * Minimum score of a Q&A entry. Measured on a plumber's knowledge base: paraphrases of a stored
     * question score 0.56-0.96 ("can I pay with a credit card?" 0.56, "do you work in Cambridge?" 0.60,
     * "are you insured?" 0.96); unrelated questions at most 0.40 ("are you available on weekends" with
     * no hours entry, "can you recommend a good restaurant" 0.40).
     */
    static final double QUESTION_THRESHOLD = 0.55;

    /**
     * Minimum score of a free-text passage. A passage is longer than a question and matches a question
     * less closely, so it scores lower when relevant (0.50-0.67: "how much do you charge to come out"
     * 0.50, "where can I park" 0.62) but unrelated questions score lower still (at most 0.25); 0.45 sits
     * between, and Q&A entries are tried first.
     */
    static final double PASSAGE_THRESHOLD = 0.45;

    /** How sure an answer is when it is found only because it is the one answer giving a name the caller said. */
    static final double NAMED_SCORE = 0.5;

    /** Added in proportion to the share of the question's content words the candidate contains. */
    static final double WORD_BONUS = 0.10;

    static final int CACHE_MINUTES = 10;
    static final int MAX_QUESTION_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeRepository repository;
    private final Embeddings embeddings;
    private final KnowledgeCache cache;

    KnowledgeBase(KnowledgeRepository repository, Embeddings embeddings, Clock clock) {
        this.repository = repository;
        this.embeddings = embeddings;
        this.cache = new KnowledgeCache(clock, Duration.ofMinutes(CACHE_MINUTES), 2_000, 1_000);
    }

    /**
     * The business's best grounded answer to a caller's question, or empty when its knowledge base has
     * nothing that answers it (or the question is blank).
     */
    public Optional<KnowledgeAnswer> answer(BusinessId business, String question) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        String asked = question.strip();
        if (asked.length() > MAX_QUESTION_LENGTH) {
            asked = asked.substring(0, MAX_QUESTION_LENGTH);
        }
        String key = Text.normalise(asked);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        long revision = repository.revision(business);
        KnowledgeCache.Snapshot snapshot = cache.snapshot(business, revision, () -> load(business));
        Optional<Optional<KnowledgeAnswer>> cached = snapshot.answer(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<KnowledgeAnswer> answer = search(snapshot.index(), asked, key);
        snapshot.remember(key, answer);
        return answer;
    }

    /**
     * The one answer that gives a name the caller said ("you do Brookline, right?" and "We cover Boston,
     * Cambridge and Brookline"), for a question nothing else answered; empty when no answer or several do.
     */
    public Optional<KnowledgeAnswer> answerNaming(BusinessId business, String question) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        var words = Text.contentWords(
                question.length() > MAX_QUESTION_LENGTH ? question.substring(0, MAX_QUESTION_LENGTH) : question);
        KnowledgeCache.Snapshot snapshot =
                cache.snapshot(business, repository.revision(business), () -> load(business));
        List<Question> naming = snapshot.index().questions().stream()
                .filter(q -> q.names().stream().anyMatch(words::contains))
                .toList();
        if (naming.size() != 1) {
            return Optional.empty();
        }
        Question q = naming.getFirst();
        return Optional.of(new KnowledgeAnswer(q.entryId(), q.answer(), NAMED_SCORE, q.question(), q.translations()));
    }

    /** Drops what is cached for the business; called after each change to its knowledge. */
    void forget(BusinessId business) {
        cache.forget(business);
    }

    private Optional<KnowledgeAnswer> search(KnowledgeIndex index, String asked, String key) {
        if (index.isEmpty()) {
            return Optional.empty();
        }
        Question exact = index.byQuestion().get(key);
        if (exact != null) {
            return Optional.of(
                    new KnowledgeAnswer(exact.entryId(), exact.answer(), 1.0, exact.question(), exact.translations()));
        }
        float[] vector = Vectors.unit(embeddings.embed(asked));
        var words = Text.contentWords(asked);

        Question bestQuestion = null;
        double questionScore = Double.NEGATIVE_INFINITY;
        for (Question q : index.questions()) {
            double similarity =
                    Math.max(Vectors.cosine(vector, q.questionVector()), Vectors.cosine(vector, q.contentVector()));
            double score = similarity + WORD_BONUS * Text.overlap(words, q.words());
            if (score > questionScore) {
                questionScore = score;
                bestQuestion = q;
            }
        }
        if (bestQuestion != null && questionScore >= QUESTION_THRESHOLD) {
            return Optional.of(new KnowledgeAnswer(
                    bestQuestion.entryId(),
                    bestQuestion.answer(),
                    clamp(questionScore),
                    bestQuestion.question(),
                    bestQuestion.translations()));
        }
        Passage bestPassage = null;
        double passageScore = Double.NEGATIVE_INFINITY;
        for (Passage p : index.passages()) {
            double score = Vectors.cosine(vector, p.vector()) + WORD_BONUS * Text.overlap(words, p.words());
            if (score > passageScore) {
                passageScore = score;
                bestPassage = p;
            }
        }
        if (bestPassage != null && passageScore >= PASSAGE_THRESHOLD) {
            return Optional.of(
                    new KnowledgeAnswer(bestPassage.entryId(), bestPassage.content(), clamp(passageScore), null));
        }
        log.debug(
                "No knowledge answer (best question {}, best passage {})",
                String.format("%.3f", questionScore),
                String.format("%.3f", passageScore));
        return Optional.empty();
    }

    private KnowledgeIndex load(BusinessId business) {
        List<Question> questions = new ArrayList<>();
        Map<String, Question> byQuestion = new HashMap<>();
        for (var stored : repository.questions(business)) {
            var question = new Question(
                    stored.id(),
                    stored.question(),
                    stored.answer(),
                    Vectors.decode(stored.embedding()),
                    Vectors.decode(stored.contentEmbedding()),
                    Text.contentWords(stored.question() + " " + stored.answer()),
                    stored.translations(),
                    Text.names(stored.answer()));
            questions.add(question);
            byQuestion.putIfAbsent(Text.normalise(stored.question()), question);
        }
        List<Passage> passages = repository.passages(business).stream()
                .map(p -> new Passage(
                        p.entryId(), p.content(), Vectors.decode(p.embedding()), Text.contentWords(p.content())))
                .toList();
        return new KnowledgeIndex(List.copyOf(questions), passages, Map.copyOf(byQuestion));
    }

    private static double clamp(double score) {
        return Math.min(1.0, Math.max(0.0, score));
    }
}
