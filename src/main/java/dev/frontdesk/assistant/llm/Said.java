package dev.frontdesk.assistant.llm;

import java.util.ArrayList;
import java.util.List;

/** What the model wrote during one turn, in order, each passage once. */
final class Said {
    private final List<String> passages = new ArrayList<>();

    void add(String text) {
        String passage = text == null ? "" : text.strip();
        if (!passage.isEmpty() && passages.stream().noneMatch(passage::equalsIgnoreCase)) {
            passages.add(passage);
        }
    }

    boolean isEmpty() {
        return passages.isEmpty();
    }

    String text() {
        // a passage that stops mid-air ("Let me check") still ends its sentence before the next one
        return passages.stream()
                .map(p -> Character.isLetterOrDigit(p.codePointBefore(p.length())) ? p + "." : p)
                .collect(java.util.stream.Collectors.joining("\n\n"));
    }
}
