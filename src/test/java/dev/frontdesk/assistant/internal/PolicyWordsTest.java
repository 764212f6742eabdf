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
        assertThat(spanish.target()).startsWith("el viernes");

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

        var twoTimes = Moves.read("I have you booked tomorrow at 8, could we do a week from today", this::timeWords);
        assertThat(twoTimes.source()).contains("tomorrow at 8");
        assertThat(twoTimes.target()).contains("a week from today");
    }

    @Test
    void relativeMovesAreShifts() {
        assertThat(Moves.shift("can you push it back a couple of hours")).contains(Duration.ofHours(2));
        assertThat(Moves.shift("same time next week please")).contains(Duration.ofDays(7));
        assertThat(Moves.shift("deux heures plus tard")).contains(Duration.ofHours(2));
        assertThat(Moves.shift("una hora antes")).contains(Duration.ofHours(-1));
        assertThat(Moves.shift("move it to friday")).isEmpty();
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
    void textingShorthandAndEmojiAreRead() {
        assertThat(Requests.normalise("can u do tmrw 2pm pls 👍")).isEqualTo("can you do tomorrow 2pm please yes");
        assertThat(Requests.normalise("necesito un desatasco mñn")).isEqualTo("necesito un desatasco mañana");
        assertThat(Requests.normalise("um tuesday at to thirty")).isEqualTo("um tuesday at two thirty");
    }

    private java.util.Optional<String> timeWords(String words) {
        return TimeExpressions.parse(words, "en", NOW)
                .or(() -> TimeExpressions.parse(words, "es", NOW))
                .map(dev.frontdesk.assistant.nlu.TimeQuery::matched);
    }
}
