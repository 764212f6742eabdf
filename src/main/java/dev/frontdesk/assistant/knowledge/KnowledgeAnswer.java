package dev.frontdesk.assistant.knowledge;

import java.util.Map;
import java.util.UUID;

/**
 * A grounded answer from a business's knowledge base, said to the caller word for word.
 *
 * @param entryId the entry it comes from
 * @param answer the entry's own answer (Q&A), or the passage of free text that answers the question
 * @param score how well it matched, 0 to 1 (1 for an exact match of the question)
 * @param matchedQuestion the entry's question for a Q&A answer; null for a free-text passage
 * @param translations the answer in other languages, by language code (Q&A entries only)
 */
public record KnowledgeAnswer(
        UUID entryId, String answer, double score, String matchedQuestion, Map<String, String> translations) {

    public KnowledgeAnswer {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    public KnowledgeAnswer(UUID entryId, String answer, double score, String matchedQuestion) {
        this(entryId, answer, score, matchedQuestion, Map.of());
    }

    /**
     * The answer in the caller's language when the business wrote one ("es-MX" falls back to "es"),
     * else the answer as written.
     */
    public String in(String language) {
        if (language == null || translations.isEmpty()) {
            return answer;
        }
        String exact = translations.get(language);
        if (exact != null) {
            return exact;
        }
        int dash = language.indexOf('-');
        return dash > 0 ? translations.getOrDefault(language.substring(0, dash), answer) : answer;
    }
}
