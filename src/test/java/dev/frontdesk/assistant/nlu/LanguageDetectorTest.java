package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I'd like to book an appointment for Tuesday        | en
            how much is a drain cleaning                        | en
            when are you open                                   | en
            thank you                                           | en
            uh yeah i need somebody to fix my sink              | en
            can I speak to a real person please                 | en
            i smell gas                                         | en
            quiero hacer una cita para el martes                | es
            ¿cuánto cuesta?                                     | es
            hola buenos días                                    | es
            necesito cancelar mi cita                           | es
            cuanto cobran por destapar un bano                  | es
            huele a gas en la cocina                            | es
            sí                                                  | es
            si                                                  | es
            gracias                                             | es
            hola                                                | es
            je voudrais prendre rendez-vous demain              | fr
            c'est combien pour un débouchage                    | fr
            vous êtes ouverts le samedi                         | fr
            ça sent le gaz                                      | fr
            oui                                                 | fr
            merci                                               | fr
            bonjour                                             | fr
            non merci                                           | fr
            est-ce que je peux parler à quelqu'un               | fr
            """)
    void detects(String text, String language) {
        assertThat(LanguageDetector.detect(text)).contains(language);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ok", "yes", "no", "OK.", "uh", "911", "Sam", "12:30"})
    void staysSilentWhenUnsure(String text) {
        assertThat(LanguageDetector.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void nothingToDetect(String text) {
        assertThat(LanguageDetector.detect(text)).isEmpty();
    }
}
