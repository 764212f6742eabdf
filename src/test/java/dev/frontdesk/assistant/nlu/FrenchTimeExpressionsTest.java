package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.nlu.TimeQuery.DayPart;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** French, with "now" fixed at Monday 23 November 2026, 08:00 in Paris. */
class FrenchTimeExpressionsTest {

    static final ZonedDateTime LUNDI_8H = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("Europe/Paris"));

    static TimeQuery parse(String text) {
        return TimeExpressions.parse(text, "fr", LUNDI_8H).orElseThrow(() -> new AssertionError("no parse: " + text));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2} ({3}, vague={4})")
    @CsvSource(nullValues = "-", quoteCharacter = '"', textBlock = """
            aujourd'hui,                         2026-11-23, -,     ANY,       false
            aujourd hui,                         2026-11-23, -,     ANY,       false
            demain,                              2026-11-24, -,     ANY,       false
            "mercredi ça ne va pas, vendredi à 15 h ?", 2026-11-27, 15:00, ANY,  false
            le premier samedi de décembre,       2026-12-05, -,     ANY,       false
            le premier vendredi du mois de janvier, 2027-01-01, -,  ANY,       false
            après-demain,                        2026-11-25, -,     ANY,       false
            apres demain,                        2026-11-25, -,     ANY,       false
            lundi,                               2026-11-30, -,     ANY,       false
            mardi,                               2026-11-24, -,     ANY,       false
            mercredi,                            2026-11-25, -,     ANY,       false
            vendredi,                            2026-11-27, -,     ANY,       false
            ce vendredi,                         2026-11-27, -,     ANY,       false
            ce lundi,                            2026-11-23, -,     ANY,       false
            jeudi prochain,                      2026-11-26, -,     ANY,       false
            mardi prochain,                      2026-12-01, -,     ANY,       false
            le mardi suivant,                    2026-12-01, -,     ANY,       false
            "mardi non attendez mardi j'ai un client mercredi mercredi à quinze heures", 2026-11-25, 15:00, ANY, false
            "bouché depuis hier soir, un débouchage mardi après-midi vers une heure et demie", 2026-11-24, 13:30, AFTERNOON, false
            le mardi de la semaine prochaine,    2026-12-01, -,     ANY,       false
            la semaine prochaine,                2026-11-30, -,     ANY,       true
            cette semaine,                       2026-11-23, -,     ANY,       true
            ce week-end,                         2026-11-28, -,     ANY,       true
            le 14,                               2026-12-14, -,     ANY,       false
            le 1er,                              2026-12-01, -,     ANY,       false
            le 30,                               2026-11-30, -,     ANY,       false
            le quatorze,                         2026-12-14, -,     ANY,       false
            le 14 décembre,                      2026-12-14, -,     ANY,       false
            le 14 decembre,                      2026-12-14, -,     ANY,       false
            14 décembre,                         2026-12-14, -,     ANY,       false
            le premier décembre,                 2026-12-01, -,     ANY,       false
            le 5 janvier,                        2027-01-05, -,     ANY,       false
            le 14 décembre 2027,                 2027-12-14, -,     ANY,       false
            vendredi 27,                         2026-11-27, -,     ANY,       false
            mardi 1er décembre,                  2026-12-01, -,     ANY,       false
            14/12,                               2026-12-14, -,     ANY,       false
            à 14h,                               -,          14:00, ANY,       false
            14h30,                               -,          14:30, ANY,       false
            à 14 h 30,                           -,          14:30, ANY,       false
            à 9h,                                -,          09:00, ANY,       false
            à 2h,                                -,          14:00, ANY,       false
            à dix heures,                        -,          10:00, ANY,       false
            dix heures et demie,                 -,          10:30, ANY,       false
            à dix heures et quart,               -,          10:15, ANY,       false
            trois heures moins le quart,         -,          14:45, ANY,       false
            à trois heures moins quart,          -,          14:45, ANY,       false
            huit heures moins dix,               -,          07:50, ANY,       false
            dix heures vingt,                    -,          10:20, ANY,       false
            à quinze heures,                     -,          15:00, ANY,       false
            à dix-sept heures trente,            -,          17:30, ANY,       false
            à vingt et une heures,               -,          21:00, ANY,       false
            à une heure,                         -,          13:00, ANY,       false
            onze heures quarante-cinq,           -,          11:45, ANY,       false
            à midi,                              -,          12:00, ANY,       false
            midi et demi,                        -,          12:30, ANY,       false
            minuit,                              -,          00:00, ANY,       false
            vers 10h,                            -,          10:00, ANY,       false
            à dix heures pile,                   -,          10:00, ANY,       false
            à 10:30,                             -,          10:30, ANY,       false
            le matin,                            -,          -,     MORNING,   true
            ce matin,                            2026-11-23, -,     MORNING,   false
            demain matin,                        2026-11-24, -,     MORNING,   false
            l'après-midi,                        -,          -,     AFTERNOON, true
            demain après-midi,                   2026-11-24, -,     AFTERNOON, false
            demain apres-midi,                   2026-11-24, -,     AFTERNOON, false
            cet après-midi,                      2026-11-23, -,     AFTERNOON, false
            le soir,                             -,          -,     EVENING,   true
            ce soir,                             2026-11-23, -,     EVENING,   false
            vendredi en fin de journée,          2026-11-27, -,     AFTERNOON, false
            demain à la première heure,          2026-11-24, -,     MORNING,   false
            à huit heures du soir,               -,          20:00, EVENING,   false
            à trois heures de l'après-midi,      -,          15:00, AFTERNOON, false
            à six heures du matin,               -,          06:00, MORNING,   false
            demain à 14h,                        2026-11-24, 14:00, ANY,       false
            jeudi prochain à 14h,                2026-11-26, 14:00, ANY,       false
            le 14 décembre à 10h30,              2026-12-14, 10:30, ANY,       false
            ce soir à 20h,                       2026-11-23, 20:00, EVENING,   false
            dans deux heures,                    2026-11-23, 10:00, ANY,       false
            dans une heure,                      2026-11-23, 09:00, ANY,       false
            dans 2h,                             2026-11-23, 10:00, ANY,       false
            dans une demi-heure,                 2026-11-23, 08:30, ANY,       false
            dans trente minutes,                 2026-11-23, 08:30, ANY,       false
            dans une heure et demie,             2026-11-23, 09:30, ANY,       false
            d'ici deux heures,                   2026-11-23, 10:00, ANY,       false
            dans trois jours,                    2026-11-26, -,     ANY,       false
            dans huit jours,                     2026-11-30, -,     ANY,       false
            dans quinze jours,                   2026-12-07, -,     ANY,       false
            plus tard,                           -,          -,     ANY,       true
            bientôt,                             -,          -,     ANY,       true
            """)
    void frenchExpressions(String text, String date, String time, DayPart part, boolean vague) {
        TimeQuery q = parse(text);
        assertThat(q.date()).as("date").isEqualTo(date == null ? null : LocalDate.parse(date));
        assertThat(q.time()).as("time").isEqualTo(time == null ? null : LocalTime.parse(time));
        assertThat(q.dayPart()).as("day part").isEqualTo(part);
        assertThat(q.vague()).as("vague").isEqualTo(vague);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            euh demain vers euh dix heures et demie,              2026-11-24, 10:30
            "bon ben jeudi prochain à quatorze heures, ça irait", 2026-11-26, 14:00
            DEMAIN A 9H,                                          2026-11-24, 09:00
            """)
    void messyFrenchSpeech(String text, String date, String time) {
        TimeQuery q = parse(text);
        assertThat(q.date()).isEqualTo(LocalDate.parse(date));
        assertThat(q.time()).isEqualTo(LocalTime.parse(time));
    }

    @ParameterizedTest(name = "\"{0}\" has no time in it")
    @ValueSource(
            strings = {
                "bonjour j'ai besoin d'un plombier",
                "nous sommes deux personnes",
                "oui",
                "il a 3 ans",
                "on a une fuite sous l'évier",
                "il y a une fuite",
                "on a mis une bassine"
            })
    void nothingTimeLikeIsEmpty(String text) {
        assertThat(TimeExpressions.parse(text, "fr", LUNDI_8H)).isEmpty();
    }
}
