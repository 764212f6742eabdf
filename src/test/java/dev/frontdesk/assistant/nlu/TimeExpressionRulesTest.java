package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interpretation rules that depend on what day it is, and the language fallback. */
class TimeExpressionRulesTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static ZonedDateTime at(String date) {
        return LocalDate.parse(date).atTime(9, 0).atZone(NEW_YORK);
    }

    static LocalDate dateOf(String text, String language, String today) {
        return TimeExpressions.parse(text, language, at(today)).orElseThrow().date();
    }

    @ParameterizedTest(name = "on {0} \"{1}\" is {2}")
    @CsvSource(textBlock = """
            2026-11-23, next Tuesday,   2026-12-01
            2026-11-23, next Wednesday, 2026-11-25
            2026-11-25, next Tuesday,   2026-12-01
            2026-11-26, next Friday,    2026-12-04
            2026-11-26, next Saturday,  2026-11-28
            2026-11-27, next Monday,    2026-11-30
            2026-11-29, next Monday,    2026-12-07
            2026-11-24, Tuesday,        2026-12-01
            2026-11-24, this Tuesday,   2026-11-24
            2026-11-28, Sunday,         2026-11-29
            """)
    void nextWeekdayIsTheNearestOneAtLeastTwoDaysAway(String today, String text, String expected) {
        assertThat(dateOf(text, "en", today)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "on {0} \"{1}\" is {2}")
    @CsvSource(textBlock = """
            2026-01-31, the 30th,      2026-03-30
            2026-01-31, the 31st,      2026-01-31
            2026-02-01, the 29th,      2026-03-29
            2026-12-20, the 5th,       2027-01-05
            2026-12-20, the 20th,      2026-12-20
            2026-04-30, the 31st,      2026-05-31
            2026-12-20, January 3,     2027-01-03
            2027-03-01, February 29,   2028-02-29
            2026-11-23, 2/29,          2028-02-29
            """)
    void daysOfTheMonthRollOverToTheNextMonthOrYearThatHasThem(String today, String text, String expected) {
        assertThat(dateOf(text, "en", today)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\" in {1} is {2}")
    @CsvSource(textBlock = """
            12/11, en, 2026-12-11
            12/11, es, 2027-11-12
            12/11, fr, 2027-11-12
            11/12, fr, 2026-12-11
            13/12, en, 2026-12-13
            12/13, fr, 2026-12-13
            """)
    void slashDatesFollowTheLanguagesOrder(String text, String language, String expected) {
        assertThat(dateOf(text, language, "2026-11-23")).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "unknown language: \"{0}\"")
    @CsvSource(nullValues = "-", textBlock = """
            tomorrow at 10,        2026-11-24, 10:00
            mañana a las diez,     2026-11-24, 10:00
            demain à dix heures,   2026-11-24, 10:00
            jeudi prochain à 14h,  2026-11-26, 14:00
            el martes que viene,   2026-12-01, -
            """)
    void anUnknownLanguageTriesEveryListedOne(String text, String date, String time) {
        for (String language : new String[] {"it", "", null}) {
            TimeQuery q =
                    TimeExpressions.parse(text, language, at("2026-11-23")).orElseThrow();
            assertThat(q.date()).isEqualTo(LocalDate.parse(date));
            assertThat(q.time()).isEqualTo(time == null ? null : LocalTime.parse(time));
        }
    }

    @Test
    void regionalLanguageCodesAreUnderstood() {
        assertThat(dateOf("mañana", "es-MX", "2026-11-23")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(dateOf("demain", "fr_CA", "2026-11-23")).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void relativeDaysCrossingADaylightSavingChangeKeepTheCalendarDay() {
        ZonedDateTime saturdayNight = ZonedDateTime.of(2026, 3, 7, 23, 30, 0, 0, NEW_YORK);
        TimeQuery q = TimeExpressions.parse("in 1 hour", "en", saturdayNight).orElseThrow();
        assertThat(q.date()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(q.time()).isEqualTo(LocalTime.of(0, 30));
        assertThat(TimeExpressions.parse("in 3 days", "en", saturdayNight)
                        .orElseThrow()
                        .date())
                .isEqualTo(LocalDate.of(2026, 3, 10));
        ZonedDateTime spanishNight = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, ZoneId.of("Europe/Madrid"));
        assertThat(TimeExpressions.parse("dentro de dos horas", "es", spanishNight)
                        .orElseThrow()
                        .time())
                .isEqualTo(LocalTime.of(4, 30));
    }
}
