package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One entry of a business's knowledge base: a Q&A pair, or free text when {@code question} is null. */
record KnowledgeEntry(
        UUID id,
        BusinessId businessId,
        String question,
        String answer,
        List<String> tags,
        Map<String, String> translations,
        Instant createdAt,
        Instant updatedAt) {

    KnowledgeEntry {
        tags = List.copyOf(tags);
        translations = Map.copyOf(translations);
    }

    boolean freeText() {
        return question == null;
    }
}
