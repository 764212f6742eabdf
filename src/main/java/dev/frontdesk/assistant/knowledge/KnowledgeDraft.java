package dev.frontdesk.assistant.knowledge;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The content of an entry as a client gives it, checked and tidied: a blank question makes free text;
 * the answer is required (at most {@value #MAX_ANSWER} characters for a Q&A entry, {@value #MAX_TEXT}
 * for free text); at most {@value #MAX_TAGS} distinct tags (case-insensitively) of at most
 * {@value #MAX_TAG} characters.
 */
record KnowledgeDraft(String question, String answer, List<String> tags, Map<String, String> translations) {

    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 4_000;
    static final int MAX_TEXT = 20_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 40;

    /** Letters, digits, spaces and a few signs; never a quote, comma, backslash or percent sign. */
    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} _.&+/'-]*");

    static final String TAG_RULE =
            "must start with a letter or digit and contain only letters, digits, spaces" + " and - _ . & + / '";

    static final int MAX_TRANSLATIONS = 10;

    /** A language code: "es", "fr", "es-MX". */
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    KnowledgeDraft {
        tags = List.copyOf(tags);
        translations = Map.copyOf(translations);
    }

    static KnowledgeDraft of(String question, String answer, List<String> tags) {
        return of(question, answer, tags, Map.of());
    }

    /** Checks and tidies a draft; a 400 problem lists every invalid field. */
    static KnowledgeDraft of(String question, String answer, List<String> tags, Map<String, String> translations) {
        List<FieldError> errors = new ArrayList<>();
        String q = question == null || question.isBlank() ? null : question.strip();
        if (q != null && q.length() > MAX_QUESTION) {
            errors.add(new FieldError("question", "must be at most " + MAX_QUESTION + " characters"));
        }
        String a = answer == null ? "" : answer.strip();
        if (a.isEmpty()) {
            errors.add(new FieldError("answer", "must not be empty"));
        } else if (q != null && a.length() > MAX_ANSWER) {
            errors.add(new FieldError("answer", "must be at most " + MAX_ANSWER + " characters for a Q&A entry"));
        } else if (q == null && a.length() > MAX_TEXT) {
            errors.add(new FieldError("answer", "must be at most " + MAX_TEXT + " characters for free text"));
        }
        List<String> cleanTags = tags(tags == null ? List.of() : tags, errors);
        Map<String, String> cleanTranslations =
                translations(q != null, translations == null ? Map.of() : translations, errors);
        if (!errors.isEmpty()) {
            throw FrontdeskException.validation(errors);
        }
        return new KnowledgeDraft(q, a, cleanTags, cleanTranslations);
    }

    /** The answer in other languages: Q&A entries only, a language code each, a non-blank answer each. */
    private static Map<String, String> translations(
            boolean questionAndAnswer, Map<String, String> translations, List<FieldError> errors) {
        if (translations.isEmpty()) {
            return Map.of();
        }
        if (!questionAndAnswer) {
            errors.add(new FieldError("translations", "only a Q&A entry (with a question) has translated answers"));
            return Map.of();
        }
        if (translations.size() > MAX_TRANSLATIONS) {
            errors.add(new FieldError("translations", "must have at most " + MAX_TRANSLATIONS + " languages"));
            return Map.of();
        }
        Map<String, String> clean = new TreeMap<>();
        translations.forEach((language, text) -> {
            String field = "translations." + language;
            String t = text == null ? "" : text.strip();
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                errors.add(new FieldError(field, "must be a language code such as es, fr or es-MX"));
            } else if (t.isEmpty()) {
                errors.add(new FieldError(field, "must not be empty"));
            } else if (t.length() > MAX_ANSWER) {
                errors.add(new FieldError(field, "must be at most " + MAX_ANSWER + " characters"));
            } else {
                clean.put(language, t);
            }
        });
        return clean;
    }

    private static List<String> tags(List<String> tags, List<FieldError> errors) {
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "must have at most " + MAX_TAGS + " tags"));
            return List.of();
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip();
            String field = "tags[" + i + "]";
            if (tag.isEmpty()) {
                errors.add(new FieldError(field, "must not be empty"));
            } else if (tag.length() > MAX_TAG) {
                errors.add(new FieldError(field, "must be at most " + MAX_TAG + " characters"));
            } else if (!TAG.matcher(tag).matches()) {
                errors.add(new FieldError(field, TAG_RULE));
            } else {
                distinct.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
            }
        }
        return List.copyOf(distinct.values());
    }

    boolean freeText() {
        return question == null;
    }
}
