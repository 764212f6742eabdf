package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.nlu.TimeExpressions;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Where a caller wants an appointment moved: which words name it, which say where it goes, or by how much. */
class MovesTest {

    private static final ZonedDateTime MONDAY_8AM =
            ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("America/New_York"));

    private static Moves.Move read(String language, String text) {
        return Moves.read(text, words -> TimeExpressions.parse(words, language, MONDAY_8AM));
    }

    @Test
    void theToAfterTheMoveWordSaysWhereNotTheOneInTheAppointmentsOwnTime() {
        var move = read("fr", "Bonjour, mon rdv du mer. 25 nov à 14h, possible de le passer au ven. 27 à 15h ? Merci");

        assertThat(move.source()).contains("mer. 25 nov à 14h");
        assertThat(move.target()).startsWith("ven. 27 à 15h");
    }

    @Test
    void withAShiftTheTimeBeforeTheMoveWordIsTheAppointments() {
        var move = read(
                "es", "tengo la cita de la fuga mañana a las diez, ¿me la podrían pasar un par de horitas más tarde?");

        assertThat(move.shift()).isEqualTo(Duration.ofHours(2));
        assertThat(move.target()).isNull();
        assertThat(move.source()).contains("mañana a las diez");
    }

    @Test
    void anHourWordThatIsATimeOfDayDoesNotHideTheAmountSaidLater() {
        var move = read(
                "fr",
                "j'ai un rendez-vous demain à neuf heures pour le débouchage, pis là j'aurais besoin que vous"
                        + " veniez deux heures plus tard, même journée");

        assertThat(move.shift()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theDayAfterAtTheSameTimeIsADayLater() {
        var move =
                read("en", "I have two visits tomorrow and I need to shift the later one to the day after, same time");

        assertThat(move.shift()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theNextDayAndAnHourLaterAddUp() {
        var move = read("en", "I need to move the nine a.m. leak repair to the next day, an hour later.");

        assertThat(move.shift()).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void anHourOfTheDayBesideTheNextDayIsNoAmount() {
        var move = read(
                "fr",
                "j'ai deux interventions le mardi 1er, et celle de 14 heures, il faudrait la décaler au lendemain,"
                        + " même heure.");

        assertThat(move.shift()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void anHourThatOpensTheSentenceAfterEarlierIsWhereItGoes() {
        var move = read(
                "en",
                "Hi, this is about my drain cleaning on Friday afternoon. Turns out I have to pick my son up at three,"
                        + " so could you come earlier that day? Ten would be perfect.");

        assertThat(move.target()).isEqualTo("at Ten would be perfect");
        assertThat(move.source()).contains("Friday afternoon");
    }

    @Test
    void theDayAfterInsteadIsADayLater() {
        var move = read("en", "It's the leak one I'd like to change. Could you make it the day after instead?");

        assertThat(move.shift()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void twoDaysTheParserJoinsAreTheAppointmentsAndWhereItGoes() {
        var move = read(
                "en", "hey quick one the water heater appointment wednesday can we do friday instead late as you can");

        assertThat(move.target()).startsWith("friday");
        assertThat(move.source()).contains("wednesday").doesNotContain("friday");
    }

    @Test
    void aTimeSaidRightAfterInsteadIsWhereWithNoMoveWord() {
        var move = read("fr", "bjr, mon rdv fuite de mrecredi, plutot jeudi 3 dec a 14h ca irait?");

        assertThat(move.target()).startsWith("jeudi 3 dec a 14h");
        assertThat(move.source()).contains("mon rdv fuite");
    }

    @Test
    void theAppointmentsDayEndingTheSentenceBeforeInsteadIsNotWhere() {
        var move = read(
                "fr",
                "Bonjour, c'est au sujet de mon rendez-vous du chauffe-eau de mercredi. Plutôt lundi prochain à"
                        + " huit heures, ce serait possible ?");

        assertThat(move.target()).startsWith("lundi prochain à huit heures");
        assertThat(move.source()).contains("mercredi");
    }

    @Test
    void aDaySaidJustBeforeInsteadAfterACorrectionIsWhere() {
        var move = read(
                "fr",
                "Mon débouchage de vendredi, ça m'arrangerait mieux mercredi... non, attends, mercredi je travaille."
                        + " Mardi plutôt, à trois heures de l'après-midi.");

        assertThat(move.target()).startsWith("Mardi").contains("trois heures");
    }

    @Test
    void aToWhoseTimeIsCorrectedLaterStillSaysWhere() {
        var move = read(
                "es", "el desatasco del lunes, ¿me lo pasas al sábado a las dos? No, perdona, el sábado a las once.");

        assertThat(move.target()).contains("sábado a las dos").endsWith("el sábado a las once.");
        assertThat(move.source()).contains("lunes");
    }

    @Test
    void anHourAfterABoundWordIsATimeOfDayNotAShift() {
        assertThat(read("fr", "Mardi pareil, mais n'importe quand après 15 heures.")
                        .shift())
                .isNull();
        assertThat(read("fr", "pouvez-vous le repousser de deux heures").shift())
                .isEqualTo(Duration.ofHours(2));
    }
}
