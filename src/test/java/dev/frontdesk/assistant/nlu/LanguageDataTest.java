package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The language data under assistant/lang: every listed language has every file, with the same keys, and it loads. */
class LanguageDataTest {

    /** Keys ending in a number are table entries ("month.12", "ordinal.31") and may differ between languages. */
    private static final Pattern TABLE_ENTRY = Pattern.compile(".*\\.-?\\d+$");

    @Test
    void everyLanguageFolderHasEveryDataFileAndTheyParse() {
        assertThat(Languages.listed()).isNotEmpty().doesNotHaveDuplicates();
        for (String code : Languages.listed()) {
            for (String file : Languages.FILES) {
                assertThatCode(() -> Languages.file(code, file))
                        .as("%s/%s", code, file)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyLanguageHasTheSameKeysAsTheFirst() {
        String first = Languages.listed().getFirst();
        for (String file : Languages.FILES) {
            Set<String> expected = keys(Languages.file(first, file));
            for (String code : Languages.listed()) {
                assertThat(keys(Languages.file(code, file)))
                        .as("keys of %s/%s", code, file)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void everyLanguageCompilesAndIsUsed() {
        assertThat(Languages.codes()).isEqualTo(Languages.listed());
        ZonedDateTime now = ZonedDateTime.of(2026, 12, 2, 9, 0, 0, 0, ZoneId.of("UTC"));
        for (Language language : Languages.all()) {
            String code = language.code();
            // every day of the week has a name; texting abbreviations ("sam", "ven") may add more
            assertThat(Set.copyOf(language.lexicon().weekdays().values()))
                    .as(code)
                    .hasSize(7);
            assertThat(language.lexicon().months().values())
                    .as(code)
                    .containsAll(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
            assertThat(language.numbers().small()).as(code).isNotEmpty();
            assertThat(language.intents().list("negated-want-pattern")).as(code).allSatisfy(Pattern::compile);
            // the classes that read the data at start-up load without error
            assertThatCode(() -> {
                        TimeExpressions.parse("x", code, now);
                        Entities.yesNo("x", code);
                        Entities.name("x", code);
                        Entities.bareName("x");
                        Entities.email("x");
                        Entities.phone("x", "US");
                        Entities.service("x", java.util.List.of());
                        LanguageDetector.detect("x");
                        IntentRules.apply("x", java.util.List.of());
                        IntentClassifier.focus("x");
                    })
                    .as(code)
                    .doesNotThrowAnyException();
        }
    }

    private static Set<String> keys(LangFile file) {
        Set<String> keys = new TreeSet<>();
        for (String key : file.keys()) {
            if (!TABLE_ENTRY.matcher(key).matches()) {
                keys.add(key);
            }
        }
        return keys;
    }
}
