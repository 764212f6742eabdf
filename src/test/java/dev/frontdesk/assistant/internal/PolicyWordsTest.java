package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.nlu.TimeExpressions;
import dev.frontdesk.tenants.ServiceOffering;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialogue policy's word lists and the small readers built on them. */
class PolicyWordsTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("America/New_York"));

    static final List<ServiceOffering> SERVICES = List.of(
            new ServiceOffering("Drain cleaning", 60, "from $120", List.of("clogged drain")),
            new ServiceOffering("Leak repair", 90, "from $95", List.of("leak")),
            new ServiceOffering("Water heater repair", 120, "from $180", List.of("water heater")));

    @Test
    void everyLanguageHasTheSameKindsOfWords() {
        for (String file : List.of("cues", "moves", "problems")) {
            var english = LanguageData.read("en", file).keySet();
            for (String language : Phrases.LANGUAGES) {
                assertThat(LanguageData.read(language, file).keySet())
                        .as(language + "/" + file)
                        .isEqualTo(english);
            }
        }
    }

    @Test
    void aMoveKeepsWhichAppointmentApartFromWhereItGoes() {
        var move = Moves.read("move tomorrow's appointment to friday at 2pm", this::timeWords);
        assertThat(move.source()).contains("tomorrow").doesNotContain("friday");
        assertThat(move.target()).isEqualTo("friday at 2pm");

        var instead = Moves.read("push my drain cleaning back, eleven instead of nine", this::timeWords);
        assertThat(instead.target()).isEqualTo("eleven");
        assertThat(instead.source()).contains("nine");

        var spanish = Moves.read("quería cambiar mi cita de mañana para el viernes a las dos", this::timeWords);
        assertThat(spanish.target()).contains("el viernes").doesNotContain("mañana");

        var lastTo = Moves.read(
                "i need to move my appointment on tuesday the first to wednesday at two thirty", this::timeWords);
        assertThat(lastTo.target()).isEqualTo("wednesday at two thirty");
        assertThat(lastTo.source()).contains("tuesday the first");

        var insteadAtTheEnd = Moves.read(
                "the water heater thing today at two, could you do the day after tomorrow instead, same time",
                this::timeWords);
        assertThat(insteadAtTheEnd.target())
                .startsWith("the day after tomorrow")
                .endsWith("same time");
        assertThat(insteadAtTheEnd.source()).contains("today at two").doesNotContain("after tomorrow");

        var dayOfMonth = Moves.read(
                "quiero mover la de la fuga al 4 a las 9:30", words -> TimeExpressions.parse(words, "es", NOW));
        assertThat(dayOfMonth.target()).isEqualTo("al 4 a las 9:30");

        var possessive = Moves.read("hi need to move tomorrow's appointment to friday please", this::timeWords);
        assertThat(possessive.source()).contains("tomorrow's").doesNotContain("friday");
        assertThat(possessive.target()).startsWith("friday");

        var sameTimeInstead = Moves.read(
                "ive got you coming at one today but something came up can we do tomorrow same time instead",
                this::timeWords);
        assertThat(sameTimeInstead.source()).contains("at one today").doesNotContain("tomorrow");
        assertThat(sameTimeInstead.target()).startsWith("tomorrow same time");

        var twoTimes = Moves.read("I have you booked tomorrow at 8, could we do a week from today", this::timeWords);
        assertThat(twoTimes.source()).contains("tomorrow at 8");
        assertThat(twoTimes.target()).contains("a week from today");

        var targetFirst = Moves.read(
                "pourriez-vous me mettre samedi matin à neuf heures au lieu de vendredi? C'est pour ma fuite.",
                words -> TimeExpressions.parse(words, "fr", NOW));
        assertThat(targetFirst.target()).startsWith("samedi matin à neuf heures");
        assertThat(targetFirst.source()).startsWith("vendredi");

        var nextSentence = Moves.read(
                "Oiga, mi cita de mañana para el calentador, ¿me la puede mover? Lo que tenga el miércoles en la mañana.",
                words -> TimeExpressions.parse(words, "es", NOW));
        assertThat(nextSentence.source()).contains("de mañana").doesNotContain("miércoles");
        assertThat(nextSentence.target()).contains("el miércoles en la mañana");
    }

    @Test
    void relativeMovesAreShifts() {
        assertThat(Moves.shift("can you push it back a couple of hours")).contains(Duration.ofHours(2));
        assertThat(Moves.shift("same time next week please")).contains(Duration.ofDays(7));
        assertThat(Moves.shift("deux heures plus tard")).contains(Duration.ofHours(2));
        assertThat(Moves.shift("una hora antes")).contains(Duration.ofHours(-1));
        assertThat(Moves.shift("move it to friday")).isEmpty();
        // a direction-less shift verb is later; an hour word without an amount is no shift
        assertThat(Moves.shift("me pueden correr la cita del sábado una hora antes"))
                .contains(Duration.ofHours(-1));
        assertThat(Moves.shift("on peut décaler mon rdv d'une heure")).contains(Duration.ofHours(1));
        assertThat(Moves.shift("on peut mettre ça après-demain à la même heure"))
                .isEmpty();
        // "push it back a day" after "something came up": the "up" of a phrase is no direction
        assertThat(Moves.shift("something came up at work, could you push my monday appointment back a day"))
                .contains(Duration.ofDays(1));
        // the hour of the appointment ("à 16 heures") is a time of day, not sixteen hours
        assertThat(Moves.shift("j'ai un débouchage mercredi à 16 heures, vous auriez vendredi après-midi à la place"))
                .isEmpty();
    }

    @Test
    void aBareWeekdayForAMoveIsTheOneNearestTheAppointment() {
        var ctx = NOW.getZone();
        var tuesdayFirst = java.time.LocalDate.parse("2026-12-01")
                .atTime(9, 0)
                .atZone(NOW.getZone())
                .toInstant();
        var fridayAfter = java.time.LocalDate.parse("2026-11-30")
                .atTime(9, 0)
                .atZone(NOW.getZone())
                .toInstant();
        // said on Monday the 23rd: "my Tuesday-the-1st appointment, to Wednesday" is Wednesday the 2nd
        assertThat(Flow.nearestTo(ctx, java.time.LocalDate.parse("2026-11-25"), tuesdayFirst))
                .hasToString("2026-12-02");
        // "my Monday-the-30th appointment, to Friday" is the Friday before it, three days away
        assertThat(Flow.nearestTo(ctx, java.time.LocalDate.parse("2026-11-27"), fridayAfter))
                .hasToString("2026-11-27");
    }

    @Test
    void aCorrectionInTheSameBreathWins() {
        assertThat(Cues.afterCorrection("thursday no wait friday at nine")).contains("friday at nine");
        assertThat(Cues.afterCorrection("el jueves, no, perdón, el viernes")).contains("el viernes");
        assertThat(Cues.afterCorrection("friday at nine")).isEmpty();
    }

    @Test
    void aDescribedProblemFindsItsService() {
        assertThat(Cues.serviceForProblem("the kitchen faucet keeps dripping", SERVICES))
                .map(ServiceOffering::name)
                .contains("Leak repair");
        assertThat(Cues.serviceForProblem("la ducha está tapada", SERVICES))
                .map(ServiceOffering::name)
                .contains("Drain cleaning");
        assertThat(Cues.serviceForProblem("plus d'eau chaude depuis hier", SERVICES))
                .map(ServiceOffering::name)
                .contains("Water heater repair");
        assertThat(Cues.serviceForProblem("do you cover Brookline", SERVICES)).isEmpty();
    }

    @Test
    void twoProblemsToldAsOftenAreSettledByTheOneToldLastInEveryRun() {
        // as many words for each kind: the answer used to follow the order of a Map.copyOf, drawn anew per JVM
        assertThat(Cues.serviceForProblem("the boiler is fine, it's the drain", SERVICES))
                .map(ServiceOffering::name)
                .contains("Drain cleaning");
        assertThat(Cues.serviceForProblem("the drain is fine, it's the boiler", SERVICES))
                .map(ServiceOffering::name)
                .contains("Water heater repair");
    }

    @Test
    void textingShorthandAndEmojiAreRead() {
        assertThat(Requests.normalise("can u do tmrw 2pm pls 👍")).isEqualTo("can you do tomorrow 2pm please yes");
        assertThat(Requests.normalise("necesito un desatasco mñn")).isEqualTo("necesito un desatasco mañana");
        assertThat(Requests.normalise("um tuesday at to thirty")).isEqualTo("um tuesday at two thirty");
        assertThat(Requests.normalise("can you make it for o'clock")).isEqualTo("can you make it four o'clock");
        assertThat(Requests.normalise("slt un rdv pr dem stp"))
                .isEqualTo("salut un rendez-vous pour demain s'il vous plaît");
    }

    @Test
    void aSignatureClosingAWrittenMessageIsTheName() {
        assertThat(Requests.signature("Pls pass a msg to Dana - my check is in the mail. Beth Carver"))
                .contains("Beth Carver");
        assertThat(Requests.signature("could the owner call me back? Thanks, Linda Park, 617-555-0131"))
                .contains("Linda Park");
        assertThat(Requests.signature("can you come on Friday. Thank You")).isEmpty();
    }

    private java.util.Optional<dev.frontdesk.assistant.nlu.TimeQuery> timeWords(String words) {
        return TimeExpressions.parse(words, "en", NOW).or(() -> TimeExpressions.parse(words, "es", NOW));
    }
}
