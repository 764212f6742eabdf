package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every wording file exists in every language with every key of the English one, and fills placeholders. */
class WordingFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"notifications/words", "messaging/owner"})
    void everyLanguageHasEveryKey(String base) {
        var english = Wording.of(base, "en").keys();
        assertThat(english).isNotEmpty();
        for (String language : Wording.LANGUAGES) {
            assertThat(Wording.of(base, language).keys())
                    .as("%s in %s", base, language)
                    .containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "es-MX", "ES_us"})
    void aRegionalCodeGetsItsLanguage(String code) {
        assertThat(Wording.of("notifications/words", code)
                        .text("customer.cancelled", Map.of("service", "Corte", "business", "Sol", "when", "hoy")))
                .isEqualTo("Cancelada: su cita de Corte con Sol del hoy está cancelada. Responda a este mensaje para"
                        + " reservar de nuevo.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "", "zz-ZZ"})
    void anotherLanguageGetsEnglish(String code) {
        assertThat(Wording.of("notifications/words", code).language()).isEqualTo("en");
    }
}
