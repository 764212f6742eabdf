package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.assistant.KnowledgeEditor;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** {@link KnowledgeEditor} on the knowledge entries and the knowledge base the API and the assistant use. */
@Service
class KnowledgeEditing implements KnowledgeEditor {

    private final KnowledgeEntries entries;
    private final KnowledgeBase knowledgeBase;

    KnowledgeEditing(KnowledgeEntries entries, KnowledgeBase knowledgeBase) {
        this.entries = entries;
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    public PageResponse<Entry> list(BusinessId business, String text, PageQuery page) {
        String pattern = text == null || text.isBlank()
                ? null
                : "%" + KnowledgeController.likeEscape(text.strip().toLowerCase(Locale.ROOT)) + "%";
        return entries.list(business, null, pattern, page).map(KnowledgeEditing::entry);
    }

    @Override
    public Optional<Entry> find(BusinessId business, UUID id) {
        try {
            return Optional.of(entry(entries.get(business, id)));
        } catch (FrontdeskException notFound) {
            return Optional.empty();
        }
    }

    @Override
    public Saved create(BusinessId business, Draft draft) {
        return save(() -> entries.create(
                business, KnowledgeDraft.of(draft.question(), draft.answer(), draft.tags(), draft.translations())));
    }

    @Override
    public Optional<Saved> change(BusinessId business, UUID id, Draft draft) {
        if (find(business, id).isEmpty()) {
            return Optional.empty();
        }
        var change = new KnowledgeEntries.Change(
                true, draft.question(), true, draft.answer(), true, draft.tags(), true, draft.translations());
        try {
            return Optional.of(save(() -> entries.change(business, id, change)));
        } catch (FrontdeskException e) {
            if (e.status().value() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean delete(BusinessId business, UUID id) {
        try {
            entries.delete(business, id);
            return true;
        } catch (FrontdeskException e) {
            if (e.status().value() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Tested> test(BusinessId business, String question, String language) {
        String lang = language == null || language.isBlank() ? null : language.strip();
        return knowledgeBase.answer(business, question).map(a -> {
            String spoken = a.in(lang);
            return new Tested(
                    a.entryId(), a.answer(), spoken, !spoken.equals(a.answer()), a.matchedQuestion(), a.score());
        });
    }

    @SuppressWarnings("unchecked")
    private static Saved save(Supplier<KnowledgeEntry> saving) {
        try {
            return new Saved(entry(saving.get()), List.of());
        } catch (FrontdeskException e) {
            if (!"validation".equals(e.type())) {
                throw e;
            }
            Object errors = e.toProblem().getProperties() == null
                    ? null
                    : e.toProblem().getProperties().get("errors");
            return new Saved(null, errors instanceof List<?> list ? (List<FieldError>) list : List.of());
        }
    }

    private static Entry entry(KnowledgeEntry e) {
        return new Entry(e.id(), e.question(), e.answer(), e.tags(), e.translations(), e.updatedAt());
    }
}
