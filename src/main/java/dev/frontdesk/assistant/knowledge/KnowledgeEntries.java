package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.assistant.knowledge.KnowledgeRepository.EntryVectors;
import dev.frontdesk.assistant.knowledge.KnowledgeRepository.Passage;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating, changing, listing and deleting a business's knowledge entries. An entry is written with
 * its vectors (and passages) and a new knowledge revision in one transaction, so a failure leaves
 * nothing half-written; the knowledge base's cache for the business is dropped after every change.
 */
@Service
class KnowledgeEntries {

    private final KnowledgeRepository repository;
    private final Embeddings embeddings;
    private final KnowledgeBase knowledgeBase;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KnowledgeEntries(
            KnowledgeRepository repository,
            Embeddings embeddings,
            KnowledgeBase knowledgeBase,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.embeddings = embeddings;
        this.knowledgeBase = knowledgeBase;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A change to an entry, merge-style: a member that is present replaces the entry's (a null
     * question turns the entry into free text; null tags clear them); an absent one stays.
     */
    record Change(
            boolean setsQuestion,
            String question,
            boolean setsAnswer,
            String answer,
            boolean setsTags,
            List<String> tags,
            boolean setsTranslations,
            Map<String, String> translations) {}

    KnowledgeEntry create(BusinessId business, KnowledgeDraft draft) {
        EntryVectors vectors = vectors(draft.question(), draft.answer());
        Instant now = now();
        var entry = new KnowledgeEntry(
                UUID.randomUUID(),
                business,
                draft.question(),
                draft.answer(),
                draft.tags(),
                draft.translations(),
                now,
                now);
        transactions.executeWithoutResult(status -> {
            repository.insert(entry, vectors);
            repository.bumpRevision(business);
        });
        knowledgeBase.forget(business);
        return entry;
    }

    KnowledgeEntry change(BusinessId business, UUID id, Change change) {
        KnowledgeEntry changed = transactions.execute(status -> {
            KnowledgeEntry current = repository.lock(business, id).orElseThrow(() -> notFound(id));
            var draft = KnowledgeDraft.of(
                    change.setsQuestion() ? change.question() : current.question(),
                    change.setsAnswer() ? change.answer() : current.answer(),
                    change.setsTags() ? change.tags() : current.tags(),
                    change.setsTranslations()
                            ? change.translations()
                            : change.setsQuestion() && change.question() == null ? Map.of() : current.translations());
            boolean textChanged = !Objects.equals(draft.question(), current.question())
                    || !draft.answer().equals(current.answer());
            var entry = new KnowledgeEntry(
                    id,
                    business,
                    draft.question(),
                    draft.answer(),
                    draft.tags(),
                    draft.translations(),
                    current.createdAt(),
                    now());
            // embedding while the row is locked (milliseconds) keeps two changes of one entry in order
            repository.update(entry, textChanged ? vectors(draft.question(), draft.answer()) : null);
            repository.bumpRevision(business);
            return entry;
        });
        knowledgeBase.forget(business);
        return changed;
    }

    void delete(BusinessId business, UUID id) {
        transactions.executeWithoutResult(status -> {
            if (!repository.delete(business, id)) {
                throw notFound(id);
            }
            repository.bumpRevision(business);
        });
        knowledgeBase.forget(business);
    }

    KnowledgeEntry get(BusinessId business, UUID id) {
        return repository.find(business, id).orElseThrow(() -> notFound(id));
    }

    PageResponse<KnowledgeEntry> list(BusinessId business, String tagPattern, String textPattern, PageQuery page) {
        return PageResponse.of(
                repository.page(business, tagPattern, textPattern, page),
                repository.count(business, tagPattern, textPattern),
                page);
    }

    /** Now, to the microsecond the database keeps, so an entry reads back as it was returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static FrontdeskException notFound(Object id) {
        return FrontdeskException.notFound("Knowledge entry " + id);
    }

    /** A Q&A entry's question and question-and-answer vectors, or free text's passages and theirs. */
    private EntryVectors vectors(String question, String answer) {
        if (question != null) {
            List<float[]> both = embeddings.embedAll(List.of(question, question + "\n" + answer));
            return new EntryVectors(Vectors.encode(both.get(0)), Vectors.encode(both.get(1)), List.of());
        }
        List<String> texts = Passages.split(answer);
        List<float[]> vectors = embeddings.embedAll(texts);
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            passages.add(new Passage(texts.get(i), Vectors.encode(vectors.get(i))));
        }
        return new EntryVectors(null, null, passages);
    }
}
