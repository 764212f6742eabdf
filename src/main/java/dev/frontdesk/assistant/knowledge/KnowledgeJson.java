package dev.frontdesk.assistant.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the knowledge API. */
final class KnowledgeJson {

    private KnowledgeJson() {}

    static final String QA_EXAMPLE = """
            {"question": "Do you give free estimates?",
             "answer": "Yes, estimates are free for jobs over $500.",
             "tags": ["prices"],
             "translations": {"es": "Sí, los presupuestos son gratis para trabajos de más de 500 $.",
                              "fr": "Oui, les devis sont gratuits pour les travaux de plus de 500 $."}}""";

    static final String TEXT_EXAMPLE = """
            {"answer": "Prices: our call-out fee is $89, which includes the first 30 minutes of work. After that,\
             labour is $95 per hour. Parts are charged at cost plus 15%.",
             "tags": ["prices"]}""";

    static final String CHANGE_EXAMPLE = "{\"answer\": \"Yes, estimates are free for every job.\"}";

    static final String FOUND_EXAMPLE = """
            {"found": true, "entryId": "6f1c2a4e-8d0b-4f4a-9a51-0d6c8f3e2b17",
             "answer": "We cover Boston, Cambridge, Somerville, Brookline and Newton.",
             "score": 0.602, "matchedQuestion": "What areas do you serve?", "source": "QUESTION"}""";

    static final String NOT_FOUND_EXAMPLE = "{\"found\": false}";

    @Schema(
            name = "KnowledgeEntryRequest",
            description = "A Q&A entry (question and answer) or, without a question, free text (company info,"
                    + " service area, prices) that is split into passages for search")
    record EntryRequest(
            @Schema(
                    description = "Omit (or leave blank) for free text; at most 500 characters",
                    example = "Do you give free estimates?")
            String question,

            @Schema(
                    description = "Required; at most 4000 characters for a Q&A entry, 20000 for free text",
                    example = "Yes, estimates are free for jobs over $500.")
            String answer,

            @Schema(description = "At most 20 tags of at most 40 characters", example = "[\"prices\"]")
            List<String> tags,

            @Schema(
                    description = "The answer in other languages, by language code (es, fr, es-MX): a caller"
                            + " speaking one of them hears that answer. Q&A entries only; at most 10",
                    example = "{\"es\": \"Sí, los presupuestos son gratis.\"}")
            Map<String, String> translations) {}

    @Schema(name = "KnowledgeEntry")
    record EntryResponse(
            UUID id,

            @Schema(description = "Null for free text", example = "Do you give free estimates?")
            String question,

            @Schema(example = "Yes, estimates are free for jobs over $500.")
            String answer,

            @Schema(example = "[\"prices\"]") List<String> tags,

            @Schema(example = "{\"es\": \"Sí, los presupuestos son gratis.\"}")
            Map<String, String> translations,

            @Schema(example = "2026-11-23T13:00:00Z") Instant createdAt,
            @Schema(example = "2026-11-23T13:00:00Z") Instant updatedAt) {

        static EntryResponse of(KnowledgeEntry e) {
            return new EntryResponse(
                    e.id(), e.question(), e.answer(), e.tags(), e.translations(), e.createdAt(), e.updatedAt());
        }
    }

    /** Where an answer came from. */
    enum Source {
        /** A Q&A entry's answer. */
        QUESTION,
        /** A passage of free text. */
        PASSAGE
    }

    @Schema(
            name = "KnowledgeSearchResult",
            description = "The best grounded answer, or just {\"found\": false} when nothing in the knowledge"
                    + " base answers the question")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchResponse(
            boolean found,
            UUID entryId,

            @Schema(description = "The entry's answer, or the passage of free text, word for word")
            String answer,

            @Schema(description = "Match quality, 0 to 1 (1: the question matched exactly)", example = "0.602")
            Double score,

            @Schema(description = "The matched entry's question (Q&A answers only)")
            String matchedQuestion,

            Source source) {

        static SearchResponse of(KnowledgeAnswer answer) {
            return new SearchResponse(
                    true,
                    answer.entryId(),
                    answer.answer(),
                    Math.round(answer.score() * 1000) / 1000.0,
                    answer.matchedQuestion(),
                    answer.matchedQuestion() == null ? Source.PASSAGE : Source.QUESTION);
        }

        static SearchResponse none() {
            return new SearchResponse(false, null, null, null, null, null);
        }
    }
}
