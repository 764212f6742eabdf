package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.tenants.ServiceOffering;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * German, added as data only (assistant/lang/de, intents/de.tsv): the NLU's rules, names, yes and no, and language
 * detection read it, and its words do not leak into the other languages' matching.
 */
class GermanLanguageTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "hallo ich möchte einen Termin für Dienstag",
                "was kostet eine Rohrreinigung",
                "mein Abfluss ist verstopft",
                "ich muss meinen Termin verschieben",
                "es riecht nach Gas im Keller",
                "danke",
                "tschüss",
                "ja genau",
                "Können Sie morgen um halb drei kommen?",
                "kann ich mit jemandem sprechen",
                "hi, brauche morgen jemanden, boiler kaputt"
            })
    void germanIsDetected(String text) {
        assertThat(LanguageDetector.detect(text)).contains("de");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            will you be there at ten or will it be later       | en
            my tenants will die if the heat is out all weekend | en
            i was in the bad part of town so um                | en
            man the water is so hot                            | en
            es mal día para la cita                            | es
            """)
    void sharedWordsDoNotMakeOtherLanguagesGerman(String text, String language) {
        assertThat(LanguageDetector.detect(text)).contains(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            es riecht nach Gas in der Küche                  | riecht nach gas
            ich glaube, wir haben ein Gasleck                | gasleck
            ich rieche ein bisschen Gas am Boiler            | rieche ~ gas
            es riecht nach faulen Eiern beim Boiler          | faule eier
            aus der Steckdose kommt Rauch                    | rauch
            """)
    void germanDangersToLifeAreLifeThreateningEmergencies(String text, String keyword) {
        IntentRules.Verdict v = IntentRules.apply(text, List.of());
        assertThat(v).isNotNull();
        assertThat(v.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(v.lifeThreatening()).as(text).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"wir haben einen Rohrbruch", "der Keller steht unter Wasser", "die Heizung ist ausgefallen"})
    void germanPropertyEmergencies(String text) {
        IntentRules.Verdict v = IntentRules.apply(text, List.of());
        assertThat(v).isNotNull();
        assertThat(v.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(v.lifeThreatening()).as(text).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "what brand of water heater do you install",
                "der Rauchmelder piept",
                "ich habe kein warmes Wasser"
            })
    void notEmergencies(String text) {
        IntentRules.Verdict v = IntentRules.apply(text, List.of());
        assertThat(v == null ? null : v.intent()).as(text).isNotEqualTo(Intent.EMERGENCY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ja          | AFFIRM
            genau       | AFFIRM
            passt       | AFFIRM
            ja, passt   | AFFIRM
            nein        | DENY
            nein danke  | DENY
            """)
    void bareYesAndNo(String text, Intent expected) {
        assertThat(IntentRules.apply(text, List.of()).intent()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rufen Sie mich nicht mehr an", "STOPP", "bitte abmelden"})
    void optOuts(String text) {
        assertThat(IntentRules.apply(text, List.of()).intent()).isEqualTo(Intent.OPT_OUT);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            ja,                    true
            "ja genau",            true
            passt,                 true
            "das passt",           true
            in ordnung,            true
            nein,                  false
            "nein, lieber Freitag", false
            das passt nicht,       false
            "das stimmt nicht",    false
            """)
    void yesAndNo(String text, boolean expected) {
        assertThat(Entities.yesNo(text, "de")).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is neither")
    @ValueSource(strings = {"ich weiß nicht", "vielleicht", "bin mir nicht sicher"})
    void undecided(String text) {
        assertThat(Entities.yesNo(text, "de")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            mein Name ist Jürgen Müller,            Jürgen Müller
            "hallo, ich heiße Anna Schmidt",        Anna Schmidt
            ich heisse anna schmidt,                Anna Schmidt
            hier spricht Klaus Weber,               Klaus Weber
            """)
    void introducedNames(String text, String expected) {
        assertThat(Entities.name(text, "de")).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ich brauche einen Klempner", "ich bin nicht sicher", "ja bitte"})
    void notNames(String text) {
        assertThat(Entities.name(text, "de")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ich will nicht absagen, sondern verschieben       | sondern verschieben
            ich möchte den Termin nicht absagen, nur verlegen | nur verlegen
            """)
    void negatedWantsAreDropped(String text, String focus) {
        assertThat(IntentClassifier.focus(text)).isEqualTo(focus);
    }

    static final List<ServiceOffering> GERMAN_SERVICES = List.of(
            new ServiceOffering("Rohrreinigung", 60, "ab 120 €", List.of("Abfluss verstopft")),
            new ServiceOffering("Leckreparatur", 90, "ab 95 €", List.of("Leck", "undicht")),
            new ServiceOffering("Warmwasserbereiter-Reparatur", 120, "ab 180 €", List.of("Boiler", "Therme")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ich brauche eine Rohrreinigung morgen um 10   | Rohrreinigung
            unser Boiler ist kaputt                       | Warmwasserbereiter-Reparatur
            die Leitung im Bad ist undicht                | Leckreparatur
            """)
    void germanServiceNamesAndAliases(String text, String expected) {
        assertThat(Entities.service(text, GERMAN_SERVICES).map(ServiceOffering::name))
                .contains(expected);
    }
}
