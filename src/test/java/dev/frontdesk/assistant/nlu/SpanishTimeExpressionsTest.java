package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.nlu.TimeQuery.DayPart;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spanish, with "now" fixed at Monday 23 November 2026, 08:00 in Madrid. */
class SpanishTimeExpressionsTest {

    static final ZonedDateTime LUNES_8 = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("Europe/Madrid"));

    static TimeQuery parse(String text) {
        return TimeExpressions.parse(text, "es", LUNES_8).orElseThrow(() -> new AssertionError("no parse: " + text));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2} ({3}, vague={4})")
    @CsvSource(nullValues = "-", textBlock = """
            hoy,                                 2026-11-23, -,     ANY,       false
            mañana,                              2026-11-24, -,     ANY,       false
            manana,                              2026-11-24, -,     ANY,       false
            el miércoles no me sirve ¿el viernes a las 3?, 2026-11-27, 15:00, ANY, false
            el primer sábado de diciembre,       2026-12-05, -,     ANY,       false
            el primer lunes de febrero,          2027-02-01, -,     ANY,       false
            pasado mañana,                       2026-11-25, -,     ANY,       false
            pasado manana,                       2026-11-25, -,     ANY,       false
            por la mañana,                       -,          -,     MORNING,   true
            de la mañana,                        -,          -,     MORNING,   true
            mañana por la mañana,                2026-11-24, -,     MORNING,   false
            manana por la manana,                2026-11-24, -,     MORNING,   false
            mañana en la mañana,                 2026-11-24, -,     MORNING,   false
            esta mañana,                         2026-11-23, -,     MORNING,   false
            mañana temprano,                     2026-11-24, -,     MORNING,   false
            mañana por la tarde,                 2026-11-24, -,     AFTERNOON, false
            esta tarde,                          2026-11-23, -,     AFTERNOON, false
            esta noche,                          2026-11-23, -,     EVENING,   false
            el martes por la noche,              2026-11-24, -,     EVENING,   false
            el lunes,                            2026-11-30, -,     ANY,       false
            el martes,                           2026-11-24, -,     ANY,       false
            el miércoles,                        2026-11-25, -,     ANY,       false
            el miercoles,                        2026-11-25, -,     ANY,       false
            el sábado,                           2026-11-28, -,     ANY,       false
            este viernes,                        2026-11-27, -,     ANY,       false
            el martes que viene,                 2026-12-01, -,     ANY,       false
            el próximo martes,                   2026-12-01, -,     ANY,       false
            el proximo jueves,                   2026-11-26, -,     ANY,       false
            el jueves próximo,                   2026-11-26, -,     ANY,       false
            la semana que viene,                 2026-11-30, -,     ANY,       true
            la próxima semana,                   2026-11-30, -,     ANY,       true
            el martes de la semana que viene,    2026-12-01, -,     ANY,       false
            este fin de semana,                  2026-11-28, -,     ANY,       true
            el 14,                               2026-12-14, -,     ANY,       false
            el 3,                                2026-12-03, -,     ANY,       false
            el día 30,                           2026-11-30, -,     ANY,       false
            el catorce,                          2026-12-14, -,     ANY,       false
            el 14 de diciembre,                  2026-12-14, -,     ANY,       false
            14 de diciembre,                     2026-12-14, -,     ANY,       false
            el primero de diciembre,             2026-12-01, -,     ANY,       false
            el 5 de enero,                       2027-01-05, -,     ANY,       false
            el 14 de diciembre de 2027,          2027-12-14, -,     ANY,       false
            el viernes 27,                       2026-11-27, -,     ANY,       false
            14/12,                               2026-12-14, -,     ANY,       false
            5/1,                                 2027-01-05, -,     ANY,       false
            2026-12-14,                          2026-12-14, -,     ANY,       false
            a las diez,                          -,          10:00, ANY,       false
            a las 10,                            -,          10:00, ANY,       false
            a la una,                            -,          13:00, ANY,       false
            a las dos,                           -,          14:00, ANY,       false
            a las diez y media,                  -,          10:30, ANY,       false
            a las diez y cuarto,                 -,          10:15, ANY,       false
            a las tres menos cuarto,             -,          14:45, ANY,       false
            a las ocho menos diez,               -,          07:50, ANY,       false
            a las diez y veinte,                 -,          10:20, ANY,       false
            a las once y veinticinco,            -,          11:25, ANY,       false
            a las cuatro y treinta y cinco,      -,          16:35, ANY,       false
            a las diez en punto,                 -,          10:00, ANY,       false
            a mediodía,                          -,          12:00, ANY,       false
            a mediodia,                          -,          12:00, ANY,       false
            a medianoche,                        -,          00:00, ANY,       false
            a las 14:30,                         -,          14:30, ANY,       false
            a las 16 horas,                      -,          16:00, ANY,       false
            a las diez de la noche,              -,          22:00, EVENING,   false
            a las 7 de la tarde,                 -,          19:00, AFTERNOON, false
            a las 3 de la mañana,                -,          03:00, MORNING,   false
            a las 2 p.m.,                        -,          14:00, ANY,       false
            mañana a las diez,                   2026-11-24, 10:00, ANY,       false
            manana a las 10 y media,             2026-11-24, 10:30, ANY,       false
            mañana por la mañana a las nueve,    2026-11-24, 09:00, MORNING,   false
            el martes que viene a las cinco,     2026-12-01, 17:00, ANY,       false
            el 14 de diciembre a las 11,         2026-12-14, 11:00, ANY,       false
            el lunes sobre las diez,             2026-11-30, 10:00, ANY,       false
            pasado mañana a eso de las cuatro,   2026-11-25, 16:00, ANY,       false
            dentro de dos horas,                 2026-11-23, 10:00, ANY,       false
            en una hora,                         2026-11-23, 09:00, ANY,       false
            en media hora,                       2026-11-23, 08:30, ANY,       false
            en 30 minutos,                       2026-11-23, 08:30, ANY,       false
            dentro de veinte minutos,            2026-11-23, 08:20, ANY,       false
            en una hora y media,                 2026-11-23, 09:30, ANY,       false
            en tres días,                        2026-11-26, -,     ANY,       false
            dentro de una semana,                2026-11-30, -,     ANY,       false
            más tarde,                           -,          -,     ANY,       true
            lo antes posible,                    -,          -,     ANY,       true
            """)
    void spanishExpressions(String text, String date, String time, DayPart part, boolean vague) {
        TimeQuery q = parse(text);
        assertThat(q.date()).as("date").isEqualTo(date == null ? null : LocalDate.parse(date));
        assertThat(q.time()).as("time").isEqualTo(time == null ? null : LocalTime.parse(time));
        assertThat(q.dayPart()).as("day part").isEqualTo(part);
        assertThat(q.vague()).as("vague").isEqualTo(vague);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(textBlock = """
            eh pues mañana a las diez y media si puede ser,       2026-11-24, 10:30
            bueno este viernes como a las cuatro,                 2026-11-27, 16:00
            MAÑANA A LAS 9,                                       2026-11-24, 09:00
            """)
    void messySpanishSpeech(String text, String date, String time) {
        TimeQuery q = parse(text);
        assertThat(q.date()).isEqualTo(LocalDate.parse(date));
        assertThat(q.time()).isEqualTo(LocalTime.parse(time));
    }

    @Test
    void mananaMeansTomorrowUnlessItIsTheMorning() {
        assertThat(parse("mañana").matched()).isEqualTo("mañana");
        assertThat(parse("mañana por la mañana").matched()).isEqualTo("mañana por la mañana");
        assertThat(parse("a las diez de la mañana").date()).isNull();
        assertThat(parse("a las diez de la mañana").time()).isEqualTo(LocalTime.of(10, 0));
    }

    @ParameterizedTest(name = "\"{0}\" has no time in it")
    @ValueSource(strings = {"hola necesito un fontanero", "somos dos personas", "sí", "gracias"})
    void nothingTimeLikeIsEmpty(String text) {
        assertThat(TimeExpressions.parse(text, "es", LUNES_8)).isEmpty();
    }
}
