package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that win before any model is asked; none of these tests loads one. */
class IntentRulesTest {

    private static IntentRules.Verdict rule(String text) {
        return IntentRules.apply(text, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            i smell gas                                      | smell gas
            I can smell gas in the basement                  | smell gas
            there's a gas leak                               | gas leak
            GAS SMELL near the furnace!                      | gas smell
            our carbon monoxide alarm keeps beeping          | carbon monoxide
            sparks coming out of the panel                   | sparks
            electrical fire in the garage                    | electrical fire
            there's smoke coming from the water heater       | smoke
            the kitchen is on fire                           | fire
            my dad is unconscious on the floor               | unconscious
            she can't breathe                                | can't breathe
            someone is hurt                                  | someone is hurt
            we already called 911                            | called 911
            911                                              | 911
            hay una fuga de gas                              | fuga de gas
            huele a gas en la cocina                         | huele a gas
            sale humo del enchufe                            | humo
            hay fuego en el sótano                           | fuego
            saltan chispas del tablero                       | chispas
            mi esposo está inconsciente                      | inconsciente
            ya llamamos a emergencias                        | emergencias
            il y a une fuite de gaz                          | fuite de gaz
            une odeur de gaz dans l'entrée                   | odeur de gaz
            ça sent le gaz                                   | sent le gaz
            de la fumée sort de la prise                     | fumée
            le garage est en feu                             | feu
            des étincelles sortent du compteur               | étincelles
            j'ai appelé les urgences                         | urgences
            i can smell a bit of gas by the stove            | smell ~ gas
            huele un poquito a gas cerca de la estufa        | huele ~ gas
            ça sent un peu le gaz dans la cuisine            | sent ~ gaz
            """)
    void dangersToLifeAreLifeThreateningEmergencies(String text, String keyword) {
        IntentRules.Verdict v = rule(text);
        assertThat(v).isNotNull();
        assertThat(v.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(v.lifeThreatening()).as(text).isTrue();
        assertThat(v.keyword()).isEqualTo(keyword);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a pipe burst in the bathroom                     | pipe burst
            burst pipe under the sink                        | burst pipe
            the pipes burst last night                       | pipe burst
            theres water everywhere flooding                 | flooding
            the basement is flooded                          | flooded
            we have no water                                 | no water
            sewage backup in the basement                    | sewage backup
            no heat and it's freezing                        | no heat
            big water leak in the ceiling                    | water leak in the ceiling
            se rompió una tubería, tubería rota              | tubería rota
            la tubería reventó                               | reventó
            hay una inundación en la cocina                  | inundación
            estamos sin agua                                 | sin agua
            sin calefacción desde ayer                       | sin calefacción
            inondation dans la cave                          | inondation
            un dégât des eaux dans la salle de bain          | dégât des eaux
            un tuyau éclaté                                  | tuyau éclaté
            on n'a pas d'eau                                 | pas d'eau
            pas de chauffage depuis ce matin                 | pas de chauffage
            pu de chauffage depuis hier soir                 | pu de chauffage
            la calefacción no funciona y hace frío           | la calefacción no funciona
            the heating has been out since last night        | heating ~ out
            """)
    void propertyEmergenciesAreNotLifeThreatening(String text, String keyword) {
        IntentRules.Verdict v = rule(text);
        assertThat(v).isNotNull();
        assertThat(v.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(v.lifeThreatening()).as(text).isFalse();
        assertThat(v.keyword()).isEqualTo(keyword);
    }

    @Test
    void emergencyKeywordsAreAccentInsensitiveAndOnWordBoundaries() {
        assertThat(rule("inundacion en el bano").intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(rule("degat des eaux").intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(rule("pas d eau").intent()).isEqualTo(Intent.EMERGENCY);
        // "fire" is not inside "firewall", "smoke" is not a smoke detector, "feu" is not "feuille"
        assertThat(rule("can you check our firewall settings")).isNull();
        assertThat(rule("I'd like to book a smoke detector installation")).isNull();
        assertThat(rule("une feuille de soins")).isNull();
        // a clause break keeps "no" and "water" apart
        assertThat(rule("no, water heater installation please")).isNull();
        // two words far apart or in two clauses are not a pair
        assertThat(rule("it smells great in here, and the gas bill is high")).isNull();
        assertThat(rule("le chauffage marche bien, c'est pour un devis")).isNull();
        // an address is not a call to 911
        assertThat(rule("I live at 911 Elm Street, can you come Tuesday")).isNull();
    }

    @Test
    void theBusinesssOwnKeywordsCountAndDangerToLifeWins() {
        IntentRules.Verdict own = IntentRules.apply("The Grease Trap is overflowing", List.of("grease trap"));
        assertThat(own.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(own.lifeThreatening()).isFalse();
        assertThat(own.keyword()).isEqualTo("grease trap");

        IntentRules.Verdict both = IntentRules.apply("grease trap overflowing and I smell gas", List.of("grease trap"));
        assertThat(both.lifeThreatening()).isTrue();
        assertThat(both.keyword()).isEqualTo("smell gas");

        assertThat(IntentRules.apply("server down", List.of("Server Down")).intent())
                .isEqualTo(Intent.EMERGENCY);
        assertThat(IntentRules.apply("hello", (List<String>) null).intent()).isEqualTo(Intent.GREETING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "stop calling me",
                "Please STOP texting me!",
                "unsubscribe",
                "don't contact me again",
                "dont call me again",
                "take me off your list",
                "STOP",
                "remove my number please",
                "dejen de llamarme",
                "no me llamen más",
                "quiero darme de baja",
                "BAJA",
                "no me contacten",
                "arrêtez de m'appeler",
                "ne m'appelez plus",
                "je veux me désinscrire",
                "ne me contactez plus",
                "arret"
            })
    void optOuts(String text) {
        assertThat(rule(text).intent()).isEqualTo(Intent.OPT_OUT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yes          | AFFIRM
            Yeah.        | AFFIRM
            uh yep       | AFFIRM
            sure         | AFFIRM
            ok           | AFFIRM
            sí           | AFFIRM
            si           | AFFIRM
            claro        | AFFIRM
            vale         | AFFIRM
            oui          | AFFIRM
            ouais        | AFFIRM
            d'accord     | AFFIRM
            no           | DENY
            Nope!        | DENY
            nah          | DENY
            no gracias   | DENY
            non          | DENY
            non merci    | DENY
            """)
    void bareYesAndNo(String text, Intent expected) {
        assertThat(rule(text).intent()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "bye",
                "thanks that's all",
                "ok thank you, bye!",
                "goodbye",
                "that's it, have a good day",
                "thank you",
                "adiós",
                "gracias, hasta luego",
                "eso es todo",
                "gracias",
                "au revoir",
                "merci, bonne journée",
                "merci"
            })
    void goodbyes(String text) {
        assertThat(rule(text).intent()).isEqualTo(Intent.GOODBYE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hi", "Hello!", "good morning", "hola", "buenos días", "bonjour", "allô"})
    void bareGreetings(String text) {
        assertThat(rule(text).intent()).isEqualTo(Intent.GREETING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "can I book a drain cleaning",
                "yes I want to book for Tuesday",
                "no I want to cancel",
                "hi, I'd like to reschedule",
                "bye the way, how much is a checkup",
                "what are your hours"
            })
    void longerUtterancesAreLeftToTheModel(String text) {
        assertThat(rule(text)).isNull();
    }

    @Test
    void leadingYesOrNoDecidesBetweenAffirmAndDeny() {
        assertThat(IntentRules.polarity(Intent.DENY, "yes that works")).isEqualTo(Intent.AFFIRM);
        assertThat(IntentRules.polarity(Intent.AFFIRM, "no that's not a good time"))
                .isEqualTo(Intent.DENY);
        assertThat(IntentRules.polarity(Intent.AFFIRM, "that works")).isEqualTo(Intent.AFFIRM);
        assertThat(IntentRules.polarity(Intent.BOOK, "no I want to book")).isEqualTo(Intent.BOOK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I don't want to cancel, I want to move it            | i want to move it
            i dont want to cancel i want to move it to friday    | i want to move it to friday
            I'm not calling to book, what are your prices        | what are your prices
            no quiero cancelar, quiero cambiar la cita           | quiero cambiar la cita
            je ne veux pas annuler, je veux le déplacer          | je veux le deplacer
            I don't know when you're open                        | I don't know when you're open
            cancel my appointment                                | cancel my appointment
            """)
    void negatedWantsAreDropped(String text, String focus) {
        assertThat(IntentClassifier.focus(text)).isEqualTo(focus);
    }
}
