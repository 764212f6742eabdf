package dev.frontdesk.assistant.internal;

/** How long a caller's words are, which several steps weigh ("a short yes", "a story of ten words or more"). */
final class Words {

    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("\\s+");

    private Words() {}

    /** The number of words (runs of non-space characters); 0 for blank text. */
    static int count(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? 0 : SPACE.split(trimmed).length;
    }
}
