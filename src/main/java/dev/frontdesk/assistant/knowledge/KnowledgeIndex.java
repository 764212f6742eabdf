package dev.frontdesk.assistant.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A business's knowledge in memory, ready to be searched: Q&A entries with their question and
 * question-and-answer vectors, free-text passages with theirs, and the Q&A entries by normalised
 * question for exact matches. Vectors are unit length.
 */
record KnowledgeIndex(List<Question> questions, List<Passage> passages, Map<String, Question> byQuestion) {

    static final KnowledgeIndex EMPTY = new KnowledgeIndex(List.of(), List.of(), Map.of());

    record Question(
            UUID entryId,
            String question,
            String answer,
            float[] questionVector,
            float[] contentVector,
            Set<String> words,
            Map<String, String> translations,
            Set<String> names) {}

    record Passage(UUID entryId, String content, float[] vector, Set<String> words) {}

    boolean isEmpty() {
        return questions.isEmpty() && passages.isEmpty();
    }
}
