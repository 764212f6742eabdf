package dev.frontdesk.assistant;

import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A business's knowledge base for the people who keep it (the dashboard): its entries, changed with the
 * same rules as {@code /api/knowledge}, and the answer the assistant would give to a question. Every
 * method is scoped to one business: another business's entry id is not found.
 */
public interface KnowledgeEditor {

    /** One entry: a Q&A pair, or free text when {@code question} is null. */
    record Entry(
            UUID id,
            String question,
            String answer,
            List<String> tags,
            Map<String, String> translations,
            Instant updatedAt) {

        public boolean freeText() {
            return question == null;
        }
    }

    /** An entry as typed: a blank question makes free text. */
    record Draft(String question, String answer, List<String> tags, Map<String, String> translations) {}

    /**
     * What saving gave: the entry, or the fields the knowledge API refused (by the API's field name:
     * {@code question}, {@code answer}, {@code tags[0]}, {@code translations.es}) and nothing saved.
     */
    record Saved(Entry entry, List<FieldError> errors) {

        public boolean saved() {
            return entry != null;
        }
    }

    /**
     * The answer the assistant would give.
     *
     * @param answer the entry's answer (or the free-text passage) as written
     * @param spoken what a caller in the language asked would hear (the translation, else the answer)
     * @param translated whether {@code spoken} is a translation
     * @param matchedQuestion the entry's question; null for a free-text passage
     */
    record Tested(
            UUID entryId, String answer, String spoken, boolean translated, String matchedQuestion, double score) {}

    /** Entries oldest first; {@code text} keeps those whose question or answer contains it (any case). */
    PageResponse<Entry> list(BusinessId business, String text, PageQuery page);

    Optional<Entry> find(BusinessId business, UUID id);

    Saved create(BusinessId business, Draft draft);

    /** Replaces the entry's question, answer, tags and translations; empty when there is no such entry. */
    Optional<Saved> change(BusinessId business, UUID id, Draft draft);

    /** False when the business has no such entry. */
    boolean delete(BusinessId business, UUID id);

    /** The knowledge base's answer to the question, in the language when one is given; empty for none. */
    Optional<Tested> test(BusinessId business, String question, String language);
}
