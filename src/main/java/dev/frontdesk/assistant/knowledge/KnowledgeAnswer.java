package dev.frontdesk.assistant.knowledge;

import java.util.UUID;

/**
 * A grounded answer from a business's knowledge base, said to the caller word for word.
 *
 * @param entryId the entry it comes from
 * @param answer the entry's own answer (Q&A), or the passage of free text that answers the question
 * @param score how well it matched, 0 to 1 (1 for an exact match of the question)
 * @param matchedQuestion the entry's question for a Q&A answer; null for a free-text passage
 */
public record KnowledgeAnswer(UUID entryId, String answer, double score, String matchedQuestion) {}
