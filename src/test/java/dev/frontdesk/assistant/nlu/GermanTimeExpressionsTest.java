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

/** German, read from assistant/lang/de only (no German in Java), with "now" fixed at Monday 23 November 2026, 08:00 in Berlin. */
class GermanTimeExpressionsTest {

    static final ZonedDateTime MONTAG_8_UHR = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    static TimeQuery parse(String text) {
        return TimeExpressions.parse(text, "de", MONTAG_8_UHR)
                .orElseThrow(() -> new AssertionError("no parse: " + text));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2} ({3}, vague={4})")
    @CsvSource(nullValues = "-", quoteCharacter = '"', textBlock = """
            heute,                               2026-11-23, -,     ANY,       false
            morgen,                              2026-11-24, -,     ANY,       false
            übermorgen,                          2026-11-25, -,     ANY,       false
            uebermorgen,                         2026-11-25, -,     ANY,       false
            Dienstag,                            2026-11-24, -,     ANY,       false
            am Freitag,                          2026-11-27, -,     ANY,       false
            diesen Freitag,                      2026-11-27, -,     ANY,       false
            nächsten Donnerstag,                 2026-11-26, -,     ANY,       false
            nächsten Dienstag,                   2026-12-01, -,     ANY,       false
            nächste Woche,                       2026-11-30, -,     ANY,       true
            diese Woche,                         2026-11-23, -,     ANY,       true
            am Wochenende,                       2026-11-28, -,     ANY,       true
            am 14.,                              2026-12-14, -,     ANY,       false
            am 14. Dezember,                     2026-12-14, -,     ANY,       false
            14. Dezember,                        2026-12-14, -,     ANY,       false
            am vierzehnten Dezember,             2026-12-14, -,     ANY,       false
            am ersten Dezember,                  2026-12-01, -,     ANY,       false
            am 5. Januar,                        2027-01-05, -,     ANY,       false
            14/12,                               2026-12-14, -,     ANY,       false
            um 14 Uhr,                           -,          14:00, ANY,       false
            14:30,                               -,          14:30, ANY,       false
            um 14 Uhr 30,                        -,          14:30, ANY,       false
            um 9 Uhr,                            -,          09:00, ANY,       false
            um zehn Uhr,                         -,          10:00, ANY,       false
            um vierzehn Uhr dreißig,             -,          14:30, ANY,       false
            um siebzehn Uhr fünfundvierzig,      -,          17:45, ANY,       false
            halb drei,                           -,          14:30, ANY,       false
            um halb zehn,                        -,          09:30, ANY,       false
            viertel nach zehn,                   -,          10:15, ANY,       false
            um viertel vor drei,                 -,          14:45, ANY,       false
            zehn nach drei,                      -,          15:10, ANY,       false
            fünf vor elf,                        -,          10:55, ANY,       false
            um zwölf Uhr,                        -,          12:00, ANY,       false
            mittags,                             -,          12:00, ANY,       false
            gegen 10 Uhr,                        -,          10:00, ANY,       false
            vormittags,                          -,          -,     MORNING,   true
            heute Vormittag,                     2026-11-23, -,     MORNING,   false
            morgen früh,                         2026-11-24, -,     MORNING,   false
            morgen Nachmittag,                   2026-11-24, -,     AFTERNOON, false
            heute Nachmittag,                    2026-11-23, -,     AFTERNOON, false
            heute Abend,                         2026-11-23, -,     EVENING,   false
            morgen um 14 Uhr,                    2026-11-24, 14:00, ANY,       false
            übermorgen um halb drei,             2026-11-25, 14:30, ANY,       false
            nächsten Dienstag um 10 Uhr,         2026-12-01, 10:00, ANY,       false
            am 14. Dezember um 10:30,            2026-12-14, 10:30, ANY,       false
            Freitag um viertel nach neun,        2026-11-27, 09:15, ANY,       false
            in zwei Stunden,                     2026-11-23, 10:00, ANY,       false
            in einer Stunde,                     2026-11-23, 09:00, ANY,       false
            in einer halben Stunde,              2026-11-23, 08:30, ANY,       false
            in drei Tagen,                       2026-11-26, -,     ANY,       false
            in acht Tagen,                       2026-11-30, -,     ANY,       false
            später,                              -,          -,     ANY,       true
            bald,                                -,          -,     ANY,       true
            """)
    void germanExpressions(String text, String date, String time, DayPart part, boolean vague) {
        TimeQuery q = parse(text);
        assertThat(q.date()).as("date").isEqualTo(date == null ? null : LocalDate.parse(date));
        assertThat(q.time()).as("time").isEqualTo(time == null ? null : LocalTime.parse(time));
        assertThat(q.dayPart()).as("day part").isEqualTo(part);
        assertThat(q.vague()).as("vague").isEqualTo(vague);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            äh morgen so gegen äh halb elf,                          2026-11-24, 10:30
            "ja also nächsten Donnerstag um vierzehn Uhr, geht das", 2026-11-26, 14:00
            MORGEN UM 9 UHR,                                         2026-11-24, 09:00
            ähm übermorgen um halb drei wäre gut,                    2026-11-25, 14:30
            """)
    void messyGermanSpeech(String text, String date, String time) {
        TimeQuery q = parse(text);
        assertThat(q.date()).isEqualTo(LocalDate.parse(date));
        assertThat(q.time()).isEqualTo(LocalTime.parse(time));
    }

    @ParameterizedTest(name = "\"{0}\" has no time in it")
    @ValueSource(strings = {"hallo ich brauche einen Klempner", "wir sind zwei Personen", "ja", "er ist 3 Jahre alt"})
    void nothingTimeLikeIsEmpty(String text) {
        assertThat(TimeExpressions.parse(text, "de", MONTAG_8_UHR)).isEmpty();
    }
}
