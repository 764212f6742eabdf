package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.assistant.knowledge.KnowledgeJson.EntryRequest;
import dev.frontdesk.assistant.knowledge.KnowledgeJson.EntryResponse;
import dev.frontdesk.assistant.knowledge.KnowledgeJson.SearchResponse;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.Ids;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.CurrentBusiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The business's knowledge base: Q&A entries and free text, and searching it as the assistant does. */
@RestController
@Tag(name = "Knowledge", description = "Q&A entries and free text the assistant answers callers from (X-API-Key)")
@SecurityRequirement(name = "apiKey")
class KnowledgeController {

    private static final int MAX_FILTER = 200;

    private final KnowledgeEntries entries;
    private final KnowledgeBase knowledgeBase;
    private final JsonMapper json;

    KnowledgeController(KnowledgeEntries entries, KnowledgeBase knowledgeBase, JsonMapper json) {
        this.entries = entries;
        this.knowledgeBase = knowledgeBase;
        this.json = json;
    }

    @GetMapping("/api/knowledge")
    @Operation(
            summary = "List knowledge entries",
            description = "Paged, oldest first. tag keeps entries with that tag (any case); q keeps entries whose"
                    + " question or answer contains the text (any case).")
    PageResponse<EntryResponse> list(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(example = "prices") @RequestParam(required = false) String tag,
            @Parameter(example = "estimate") @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        List<FieldError> errors = new ArrayList<>();
        String tagPattern = null;
        if (tag != null && !tag.isBlank()) {
            String clean = tag.strip();
            if (clean.length() > KnowledgeDraft.MAX_TAG
                    || !KnowledgeDraft.TAG.matcher(clean).matches()) {
                errors.add(new FieldError("tag", "is not a valid tag"));
            } else {
                // the tag's JSON form, quotes included: tags hold no quote or comma, so it only matches a whole tag
                tagPattern = "%" + likeEscape(json.writeValueAsString(clean.toLowerCase(Locale.ROOT))) + "%";
            }
        }
        String textPattern = null;
        if (q != null && !q.isBlank()) {
            if (q.length() > MAX_FILTER) {
                errors.add(new FieldError("q", "must be at most " + MAX_FILTER + " characters"));
            } else {
                textPattern = "%" + likeEscape(q.strip().toLowerCase(Locale.ROOT)) + "%";
            }
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return entries.list(businessId, tagPattern, textPattern, PageQuery.of(page, pageSize))
                .map(EntryResponse::of);
    }

    @PostMapping("/api/knowledge")
    @Operation(
            summary = "Add a Q&A entry or free text",
            description = "With a question, a Q&A entry (answer up to 4000 characters); without, free text (up to"
                    + " 20000 characters) that is split into passages of about 300-500 characters for search.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(name = "Q&A", value = KnowledgeJson.QA_EXAMPLE),
                                                @ExampleObject(name = "Free text", value = KnowledgeJson.TEXT_EXAMPLE)
                                            })))
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, each listed in errors",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<EntryResponse> create(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId, @RequestBody EntryRequest request) {
        var draft = KnowledgeDraft.of(request.question(), request.answer(), request.tags(), request.translations());
        KnowledgeEntry entry = entries.create(businessId, draft);
        return ResponseEntity.created(URI.create("/api/knowledge/" + entry.id()))
                .body(EntryResponse.of(entry));
    }

    @GetMapping("/api/knowledge/search")
    @Operation(
            summary = "Answer a question from the knowledge base",
            description = "What the assistant would answer a caller: an entry's own answer, or a passage of free"
                    + " text, word for word, when one matches well enough; otherwise {\"found\": false} (200), and"
                    + " the assistant says it does not know and offers to take a message.")
    @ApiResponse(
            responseCode = "200",
            description = "The best grounded answer, or found: false",
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "Found", value = KnowledgeJson.FOUND_EXAMPLE),
                                @ExampleObject(name = "Not found", value = KnowledgeJson.NOT_FOUND_EXAMPLE)
                            }))
    SearchResponse search(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @Parameter(example = "Do you work in Cambridge?", required = true) @RequestParam(required = false)
                    String q) {
        if (q == null || q.isBlank()) {
            throw FrontdeskException.validation(List.of(new FieldError("q", "is required")));
        }
        if (q.length() > KnowledgeBase.MAX_QUESTION_LENGTH) {
            throw FrontdeskException.validation(List.of(
                    new FieldError("q", "must be at most " + KnowledgeBase.MAX_QUESTION_LENGTH + " characters")));
        }
        return knowledgeBase.answer(businessId, q).map(SearchResponse::of).orElseGet(SearchResponse::none);
    }

    @GetMapping("/api/knowledge/{id}")
    @Operation(summary = "Get a knowledge entry")
    EntryResponse get(@Parameter(hidden = true) @CurrentBusiness BusinessId businessId, @PathVariable String id) {
        return EntryResponse.of(entries.get(businessId, parse(id)));
    }

    @PatchMapping(
            value = "/api/knowledge/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Change a knowledge entry",
            description = "Members given replace the entry's; those left out stay. A null question makes the entry"
                    + " free text; null tags clear them. The result obeys the same rules as a new entry.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = EntryRequest.class),
                                            examples = @ExampleObject(value = KnowledgeJson.CHANGE_EXAMPLE))))
    EntryResponse change(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId,
            @PathVariable String id,
            @RequestBody JsonNode body) {
        UUID entryId = parse(id);
        return EntryResponse.of(entries.change(businessId, entryId, change(body)));
    }

    @DeleteMapping("/api/knowledge/{id}")
    @Operation(summary = "Delete a knowledge entry")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(
            @Parameter(hidden = true) @CurrentBusiness BusinessId businessId, @PathVariable String id) {
        entries.delete(businessId, parse(id));
        return ResponseEntity.noContent().build();
    }

    /** Reads a merge-style change, listing every member of the wrong type or unknown. */
    private static KnowledgeEntries.Change change(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw FrontdeskException.badRequest(
                    "malformed-body", "Malformed request body", "The request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        boolean setsQuestion = false;
        String question = null;
        boolean setsAnswer = false;
        String answer = null;
        boolean setsTags = false;
        List<String> tags = List.of();
        boolean setsTranslations = false;
        Map<String, String> translations = Map.of();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            JsonNode value = member.getValue();
            switch (member.getKey()) {
                case "question" -> {
                    setsQuestion = true;
                    if (value.isString()) {
                        question = value.asString();
                    } else if (!value.isNull()) {
                        errors.add(new FieldError("question", "must be a string or null"));
                    }
                }
                case "answer" -> {
                    setsAnswer = true;
                    if (value.isString()) {
                        answer = value.asString();
                    } else if (!value.isNull()) {
                        errors.add(new FieldError("answer", "must be a string"));
                    }
                }
                case "tags" -> {
                    setsTags = true;
                    if (value.isArray() && value.valueStream().allMatch(JsonNode::isString)) {
                        tags = value.valueStream().map(JsonNode::asString).toList();
                    } else if (!value.isNull()) {
                        errors.add(new FieldError("tags", "must be an array of strings or null"));
                    }
                }
                case "translations" -> {
                    setsTranslations = true;
                    if (value.isObject() && value.valueStream().allMatch(JsonNode::isString)) {
                        var read = new java.util.LinkedHashMap<String, String>();
                        value.properties()
                                .forEach(t -> read.put(t.getKey(), t.getValue().asString()));
                        translations = read;
                    } else if (!value.isNull()) {
                        errors.add(new FieldError("translations", "must be an object of strings or null"));
                    }
                }
                default -> errors.add(new FieldError(member.getKey(), "is not a field of a knowledge entry"));
            }
        }
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return new KnowledgeEntries.Change(
                setsQuestion, question, setsAnswer, answer, setsTags, tags, setsTranslations, translations);
    }

    private static UUID parse(String id) {
        return Ids.uuidOrNotFound(id, "Knowledge entry");
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
