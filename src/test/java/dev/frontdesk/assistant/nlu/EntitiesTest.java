package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.ServiceOffering;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntitiesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            dana@example.com,                                   dana@example.com
            "my email is Dana.Smith@Example.co.uk, thanks",     dana.smith@example.co.uk
            dana at example dot com,                            dana@example.com
            it's dana dot smith at gmail dot com,               dana.smith@gmail.com
            d a n a at example dot com,                         dana@example.com
            dana underscore smith at example dot co dot uk,     dana_smith@example.co.uk
            dana at gmail.com,                                  dana@gmail.com
            ana arroba gmail punto com,                         ana@gmail.com
            mi correo es ana guion bajo garcía arroba correo punto es, ana_garcia@correo.es
            marie arobase orange point fr,                      marie@orange.fr
            marie point dupont at free point fr,                marie.dupont@free.fr
            """)
    void emailsWrittenOrSpoken(String text, String expected) {
        assertThat(Entities.email(text)).contains(expected);
    }

    @ParameterizedTest(name = "no email in \"{0}\"")
    @ValueSource(strings = {"I'm at home", "call me at 5", "at some point", "dana at example", ""})
    void noEmail(String text) {
        assertThat(Entities.email(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" ({1}) is {2}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            (617) 555-0123,                                               US, +16175550123
            my number is 617-555-0123,                                    US, +16175550123
            617.555.0123,                                                 US, +16175550123
            +1 617 555 0123,                                              GB, +16175550123
            six one seven five five five zero one two three,              US, +16175550123
            six one seven five five five oh one two three,                US, +16175550123
            "um six one seven, double five five, zero one two three",     US, +16175550123
            six one seven five fifty five zero one twenty three,          US, +16175550123
            it's 617 five five five 0123,                                 US, +16175550123
            seis uno siete cinco cinco cinco cero uno dos tres,           US, +16175550123
            mi número es 912 345 678,                                     ES, +34912345678
            nueve uno dos tres cuatro cinco seis siete ocho,              ES, +34912345678
            six un sept cinq cinq cinq zéro un deux trois,                US, +16175550123
            zéro un quarante-deux soixante-huit cinquante-trois zéro zéro, FR, +33142685300
            01 42 68 53 00,                                               FR, +33142685300
            plus three three one four two six eight five three zero zero, US, +33142685300
            """)
    void phoneNumbersWrittenOrSpoken(String text, String region, String e164) {
        assertThat(Entities.phone(text, region)).map(PhoneNumber::e164).contains(e164);
    }

    @ParameterizedTest(name = "the code in \"{0}\" is {1}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            481293,                                      481293
            the code is 481 293,                          481293
            "it's 4 8 1, 2 9 3",                          481293
            four eight one two nine three,                481293
            forty eight twelve ninety three,              481293
            oh four eight one two nine,                   048129
            cuatro ocho uno dos nueve tres,               481293
            le code c'est quatre huit un deux neuf trois, 481293
            "481293, for my appointment on the 5th",      481293
            """)
    void oneTimeCodesTypedOrSpoken(String text, String code) {
        assertThat(Entities.code(text, 6)).contains(code);
    }

    @ParameterizedTest(name = "no six-digit code in \"{0}\"")
    @ValueSource(strings = {"I didn't get it", "12345", "1234567", "the one at 10 30", ""})
    void noCode(String text) {
        assertThat(Entities.code(text, 6)).isEmpty();
    }

    @ParameterizedTest(name = "no phone number in \"{0}\"")
    @ValueSource(strings = {"call me tomorrow", "five five five", "12345", "at 10 30", ""})
    void noPhone(String text) {
        assertThat(Entities.phone(text, "US")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" ({1}) is {2}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            my name is Dana Smith,                         en, Dana Smith
            my name is dana smith,                         en, Dana Smith
            "hi, this is Dana, I'd like to book",          en, Dana
            it's dana,                                     en, Dana
            I'm Dana Smith and I need a plumber,           en, Dana Smith
            i am dana o'brien,                             en, Dana O'Brien
            name's Patrick McDonald,                       en, Patrick McDonald
            you can call me jean-pierre,                   en, Jean-Pierre
            me llamo Ana,                                  es, Ana
            "hola, soy Ana García",                        es, Ana García
            soy ana garcía de Madrid,                      es, Ana García
            mi nombre es josé luis,                        es, José Luis
            je m'appelle Marie,                            fr, Marie
            je m’appelle marie dupont,                     fr, Marie Dupont
            "bonjour, c'est Marie Dupont",                 fr, Marie Dupont
            c'est élodie,                                  fr, Élodie
            moi c'est Marie,                               fr, Marie
            my name is Ludwig van Beethoven,               -,  Ludwig van Beethoven
            a nombre de guadalupe torres,                  es, Guadalupe Torres
            "sí por favor, a nombre de Antonio Gil",       es, Antonio Gil
            de parte de la señora elena vázquez,           es, Elena Vázquez
            de la part de madame isabelle roux,            fr, Isabelle Roux
            "c'est au nom de nathalie girard",             fr, Nathalie Girard
            "alors vendredi, au nom d'Hélène Garnier",     fr, Hélène Garnier
            sure it's mr howard finch,                     en, Howard Finch
            "it's Rachel, Rachel Kim",                     en, Rachel Kim
            """)
    void introducedNames(String text, String language, String expected) {
        assertThat(Entities.name(text, "-".equals(language) ? null : language)).contains(expected);
    }

    @ParameterizedTest(name = "no name in \"{0}\" ({1})")
    @CsvSource(quoteCharacter = '"', textBlock = """
            I'm calling about a leak,    en
            it's urgent,                 en
            this is for tomorrow,        en
            I'm looking for a plumber,   en
            it's 42,                     en
            I am not sure,               en
            yes,                         en
            soy cliente,                 es
            soy de Madrid,               es
            c'est urgent,                fr
            c'est pour demain,           fr
            je suis disponible,          fr
            "c'est ça",                  fr
            "it's faint but it's definitely there", en
            it's really loud,            en
            au nom de la loi,            fr
            "oui, c'est beau",           fr
            "Non, c'est tout, merci là", fr
            "je suis coincée au travail demain", fr
            """)
    void notNames(String text, String language) {
        assertThat(Entities.name(text, language)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(textBlock = """
            Dana Smith,              Dana Smith
            dana,                    Dana
            um dana smith,           Dana Smith
            yeah it's Dana,          Dana
            ana garcía por favor,    Ana García
            MARIE DUPONT,            Marie Dupont
            jean-luc picard,         Jean-Luc Picard
            'Chloé Martin, merci bcp', Chloé Martin
            ana garcía muchas gracias, Ana García
            """)
    void bareNamesAfterTheAssistantAsked(String text, String expected) {
        assertThat(Entities.bareName(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is not a bare name")
    @ValueSource(
            strings = {"yes", "no", "tomorrow", "42", "I don't know", "what do you mean by that exactly", "oui", ""})
    void notBareNames(String text) {
        assertThat(Entities.bareName(text)).isEmpty();
    }

    static final ServiceOffering DRAIN =
            new ServiceOffering("Drain cleaning", 60, "from $120", List.of("clogged drain", "blocked drain", "unclog"));
    static final ServiceOffering LEAK = new ServiceOffering("Leak repair", 90, "from $150", List.of("leaking pipe"));
    static final ServiceOffering HEATER =
            new ServiceOffering("Water heater repair", 120, "from $200", List.of("no hot water", "water heater"));
    static final ServiceOffering INSTALL =
            new ServiceOffering("Water heater installation", 240, "quote", List.of("new water heater"));
    static final ServiceOffering INSPECTION = new ServiceOffering("Camera inspection", 45, "$99", null);
    static final List<ServiceOffering> SERVICES = List.of(DRAIN, LEAK, HEATER, INSTALL, INSPECTION);

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(textBlock = """
            drain cleaning,                             Drain cleaning
            I need my drains cleaned,                   Drain cleaning
            my kitchen drain is clogged,                Drain cleaning
            can you unclog my sink,                     Drain cleaning
            the pipe under the sink is leaking,         Leak repair
            I have a leak,                              Leak repair
            there's no hot water,                       Water heater repair
            my water heater is broken needs repair,     Water heater repair
            I want a new water heater installed,        Water heater installation
            water heater instalation,                   Water heater installation
            a camera inspection of the sewer,           Camera inspection
            a camra inspection,                         Camera inspection
            limpieza de drain,                          Drain cleaning
            water heater,                               Water heater repair
            """)
    void servicesMatchOnNamesAndAliases(String text, String expected) {
        assertThat(Entities.service(text, SERVICES)).map(ServiceOffering::name).contains(expected);
    }

    @Test
    void aWordOneLetterFromAnAliasOfTheSameLengthIsAnotherWord() {
        ServiceOffering drain = new ServiceOffering("Drain cleaning", 60, "from $120", List.of("blocked drain"));
        assertThat(Entities.service("could somebody come out friday black friday i mean", List.of(drain, LEAK)))
                .isEmpty();
        assertThat(Entities.service("it's blocked", List.of(drain, LEAK))).contains(drain);
    }

    @ParameterizedTest(name = "\"{0}\" matches no service")
    @ValueSource(strings = {"hello", "I need a repair", "what are your hours", "heater", "my heater", ""})
    void noServiceWhenNothingOrSeveralFit(String text) {
        // "repair" and "heater" are shared by two services each: the engine should ask which.
        assertThat(Entities.service(text, SERVICES)).isEmpty();
    }

    @Test
    void noServicesNoMatch() {
        assertThat(Entities.service("drain cleaning", List.of())).isEmpty();
        assertThat(Entities.service("drain cleaning", null)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" ({1}) is {2}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            yes,                                en, true
            yeah sure,                          en, true
            yep,                                en, true
            sure,                               en, true
            correct,                            en, true
            "that's right",                     en, true
            "ok, sounds good",                  en, true
            no problem,                         en, true
            no,                                 en, false
            nope,                               en, false
            not really,                         en, false
            "no, make it Wednesday",            en, false
            "no thanks",                        en, false
            "that's wrong",                     en, false
            "um, I don't think so",             en, false
            of course not,                      en, false
            sí,                                 es, true
            si claro,                           es, true
            claro,                              es, true
            vale,                               es, true
            de acuerdo,                         es, true
            "no, gracias",                      es, false
            no gracias,                         es, false
            para nada,                          es, false
            oui,                                fr, true
            "d'accord",                         fr, true
            ouais,                              fr, true
            "oui, c'est ça",                    fr, true
            non,                                fr, false
            pas du tout,                        fr, false
            "non merci",                        fr, false
            pas de problème,                    fr, true
            okay,                               es, true
            non,                                -,  false
            vale,                               -,  true
            """)
    void yesAndNo(String text, String language, boolean expected) {
        assertThat(Entities.yesNo(text, "-".equals(language) ? null : language)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" ({1}) is neither yes nor no")
    @CsvSource(quoteCharacter = '"', textBlock = """
            "I'm not sure",              en
            maybe,                       en
            what time is it,             en
            no sé,                       es
            je ne sais pas,              fr
            peut-être,                   fr
            "",                          en
            """)
    void undecided(String text, String language) {
        assertThat(Entities.yesNo(text, language)).isEmpty();
    }
}
