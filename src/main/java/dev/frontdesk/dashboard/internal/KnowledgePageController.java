package dev.frontdesk.dashboard.internal;

import dev.frontdesk.assistant.KnowledgeEditor;
import dev.frontdesk.assistant.KnowledgeEditor.Draft;
import dev.frontdesk.assistant.KnowledgeEditor.Entry;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The knowledge base editor: entries (Q&A and free text) with a search, adding, changing and deleting
 * them (OWNER and STAFF) with their translated answers, and trying a question to see the answer the
 * assistant would give. Everything goes through the assistant's {@link KnowledgeEditor}.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgePageController implements DashboardPage {

    /** Empty language rows under an entry's translations, to add languages without JavaScript. */
    static final int BLANK_TRANSLATIONS = 2;

    private final Tenants tenants;
    private final KnowledgeEditor knowledge;

    KnowledgePageController(Tenants tenants, KnowledgeEditor knowledge) {
        this.tenants = tenants;
        this.knowledge = knowledge;
    }

    /** An entry as a row of the list. */
    record Row(String id, String kind, String question, String answer, String tags, String languages) {}

    /** One "language code + answer" row of the form, with its error. */
    record Translation(int index, String language, String text, String error) {}

    /** The entry form as typed, with the knowledge API's errors by field. */
    record Form(
            String id,
            String question,
            String answer,
            String tags,
            List<Translation> translations,
            Map<String, String> errors) {

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The answer the assistant would give to a tried question. */
    record Tried(String question, String language, boolean answered, KnowledgeEditor.Tested answer, String score) {}

    @GetMapping
    ModelAndView page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page) {
        Business business = Pages.business(tenants, user);
        String text = q == null ? "" : q.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        var found = knowledge.list(business.id(), text, new PageQuery(Pager.number(page), Pager.PAGE_SIZE));
        return Pages.page("dashboard/knowledge", user, business)
                .addObject("q", text)
                .addObject(
                        "rows",
                        found.items().stream().map(KnowledgePageController::row).toList())
                .addObject("pager", Pager.of(found, "/knowledge", Map.of("q", text)));
    }

    @GetMapping("/test")
    ModelAndView test(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String question,
            @RequestParam(required = false) String language,
            HttpServletRequest request) {
        Business business = Pages.business(tenants, user);
        String asked = question == null ? "" : question.strip();
        String lang = language == null ? "" : language.strip();
        var answer = asked.isEmpty()
                ? null
                : knowledge.test(business.id(), asked, lang).orElse(null);
        var tried = new Tried(
                asked,
                Views.language(lang),
                answer != null,
                answer,
                answer == null ? "" : String.format(Locale.ROOT, "%.2f", answer.score()));
        String view = Pages.htmx(request) ? "dashboard/knowledge-test :: result" : "dashboard/knowledge-test";
        return Pages.page(view, user, business).addObject("tried", tried);
    }

    @GetMapping("/new")
    ModelAndView newEntry(@AuthenticationPrincipal SignedInUser user) {
        Business business = Pages.business(tenants, user);
        return form(user, business, new Form(null, "", "", "", blanks(new ArrayList<>()), Map.of()), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String question,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String tags,
            @RequestParam(name = "language", required = false) List<String> languages,
            @RequestParam(name = "translation", required = false) List<String> translations) {
        Business business = Pages.business(tenants, user);
        var typed = typed(languages, translations);
        var saved = knowledge.create(business.id(), draft(question, answer, tags, typed));
        if (saved.saved()) {
            return new ModelAndView("redirect:/knowledge?saved");
        }
        return form(user, business, form(null, question, answer, tags, typed, saved.errors()), HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/{id}")
    ModelAndView edit(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        Business business = Pages.business(tenants, user);
        Entry entry = entry(business, id);
        List<Translation> rows = new ArrayList<>();
        entry.translations().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(t -> rows.add(new Translation(rows.size(), t.getKey(), t.getValue(), null)));
        var form = new Form(
                entry.id().toString(),
                entry.question() == null ? "" : entry.question(),
                entry.answer(),
                String.join(", ", entry.tags()),
                blanks(rows),
                Map.of());
        return form(user, business, form, HttpStatus.OK);
    }

    @PostMapping("/{id}")
    ModelAndView change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String question,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String tags,
            @RequestParam(name = "language", required = false) List<String> languages,
            @RequestParam(name = "translation", required = false) List<String> translations) {
        Business business = Pages.business(tenants, user);
        UUID entryId = entry(business, id).id();
        var typed = typed(languages, translations);
        var saved = knowledge
                .change(business.id(), entryId, draft(question, answer, tags, typed))
                .orElseThrow(KnowledgePageController::notFound);
        if (saved.saved()) {
            return new ModelAndView("redirect:/knowledge?saved");
        }
        return form(
                user,
                business,
                form(entryId.toString(), question, answer, tags, typed, saved.errors()),
                HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        Business business = Pages.business(tenants, user);
        boolean deleted = ConversationsController.parse(id)
                .map(entryId -> knowledge.delete(business.id(), entryId))
                .orElse(false);
        if (!deleted) {
            throw notFound();
        }
        return new ModelAndView("redirect:/knowledge?deleted");
    }

    private Entry entry(Business business, String id) {
        return ConversationsController.parse(id)
                .flatMap(entryId -> knowledge.find(business.id(), entryId))
                .orElseThrow(KnowledgePageController::notFound);
    }

    private static FrontdeskException notFound() {
        return FrontdeskException.notFound("Knowledge entry");
    }

    private static ModelAndView form(SignedInUser user, Business business, Form form, HttpStatus status) {
        var view = Pages.page("dashboard/knowledge-entry", user, business).addObject("form", form);
        view.setStatus(status);
        return view;
    }

    /** The language rows as typed, blank ones left out, in order. */
    private static List<Translation> typed(List<String> languages, List<String> texts) {
        List<Translation> rows = new ArrayList<>();
        int n = Math.max(languages == null ? 0 : languages.size(), texts == null ? 0 : texts.size());
        for (int i = 0; i < n && i < 50; i++) {
            String language = at(languages, i).strip();
            String text = at(texts, i);
            if (!language.isEmpty() || !text.isBlank()) {
                rows.add(new Translation(rows.size(), language, text, null));
            }
        }
        return rows;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }

    private static Draft draft(String question, String answer, String tags, List<Translation> translations) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (Translation t : translations) {
            // a row without a code still reaches the API's check, as an invalid language code
            byLanguage.merge(t.language(), t.text(), (first, second) -> first);
        }
        List<String> tagList = tags == null || tags.isBlank()
                ? List.of()
                : Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
        return new Draft(question, answer, tagList, byLanguage);
    }

    /** The form again with the API's errors: a translation's error beside its row, the others by field. */
    private static Form form(
            String id, String question, String answer, String tags, List<Translation> typed, List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            String field = e.field().startsWith("tags") ? "tags" : e.field();
            byField.merge(field, e.message(), (a, b) -> a + "; " + b);
        }
        List<Translation> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Translation t : typed) {
            String error = byField.remove("translations." + t.language());
            if (!seen.add(t.language())) {
                error = "this language is already above";
                byField.putIfAbsent("translations", "Each language once, please");
            }
            rows.add(new Translation(rows.size(), t.language(), t.text(), error));
        }
        return new Form(
                id,
                question == null ? "" : question,
                answer == null ? "" : answer,
                tags == null ? "" : tags,
                blanks(rows),
                byField);
    }

    private static List<Translation> blanks(List<Translation> rows) {
        for (int i = 0; i < BLANK_TRANSLATIONS; i++) {
            rows.add(new Translation(rows.size(), "", "", null));
        }
        return List.copyOf(rows);
    }

    private static Row row(Entry e) {
        return new Row(
                e.id().toString(),
                e.freeText() ? "Free text" : "Q&A",
                e.question() == null ? "" : e.question(),
                e.answer(),
                String.join(", ", e.tags()),
                e.translations().keySet().stream()
                        .sorted()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""));
    }
}
