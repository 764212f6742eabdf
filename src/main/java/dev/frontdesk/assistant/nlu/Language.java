package dev.frontdesk.assistant.nlu;

/**
 * One language the offline assistant understands, as read from {@code assistant/lang/<code>/}: the words for
 * time expressions and numbers, already compiled, and the other data files for the classes that use them.
 */
record Language(
        String code, Lexicon lexicon, Numbers.Words numbers, LangFile entities, LangFile intents, LangFile detector) {}
