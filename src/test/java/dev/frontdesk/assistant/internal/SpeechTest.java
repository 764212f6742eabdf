package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How times are said, per language, from assistant/lang/<language>/speech.properties (no language in Java). */
class SpeechTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, NEW_YORK);

    static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }

    @Test
    void everyLanguageHasTheSameSpeechKeys() throws IOException {
        Set<String> english = keys("en");
        for (String language : Phrases.LANGUAGES) {
            assertThat(keys(language)).as(language).isEqualTo(english);
        }
    }

    private static Set<String> keys(String language) throws IOException {
        Properties p = new Properties();
        try (var in = SpeechTest.class.getResourceAsStream("/assistant/lang/" + language + "/speech.properties")) {
            assertThat(in).as(language + " speech.properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames().stream()
                .filter(k -> !k.matches("ordinal\\.\\d+"))
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} {1} spoken={2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 2026-11-24T10:30 | true  | 10:30 tomorrow morning
            en | 2026-11-24T12:00 | true  | noon tomorrow
            en | 2026-11-23T15:00 | true  | 3 o'clock this afternoon
            en | 2026-11-23T12:00 | true  | noon today
            en | 2026-11-27T11:00 | true  | 11 o'clock on Friday morning
            en | 2026-12-04T14:30 | true  | 2:30 on Friday the 4th
            en | 2026-12-22T09:00 | true  | 9 o'clock on Tuesday the 22nd
            en | 2026-11-24T10:30 | false | Tuesday Nov 24 at 10:30 AM
            es | 2026-11-24T10:00 | true  | mañana a las 10
            es | 2026-11-27T14:30 | true  | el viernes 27 a las 14:30
            es | 2026-11-24T10:30 | false | martes 24 a las 10:30
            fr | 2026-11-24T10:00 | true  | demain à 10 heures
            fr | 2026-11-27T14:30 | true  | vendredi 27 à 14 h 30
            fr | 2026-11-24T10:00 | false | mardi 24 à 10 h 00
            de | 2026-11-24T10:00 | true  | morgen um 10 Uhr
            de | 2026-11-25T14:30 | true  | am Mittwoch, den 25. um 14:30 Uhr
            de | 2026-11-23T16:00 | true  | heute um 16 Uhr
            de | 2026-11-24T14:00 | false | Dienstag, 24. November um 14:00 Uhr
            """)
    void timesAreSaidAsPeopleSayThem(String language, String local, boolean spoken, String expected) {
        assertThat(Speech.when(at(local), NEW_YORK, NOW, language, spoken)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | 2026-11-24T14:30 | 2:30 tomorrow, Tuesday the 24th
            en | 2026-11-27T09:00 | 9 o'clock on Friday the 27th
            en | 2026-12-01T09:00 | 9 o'clock on Tuesday, December 1st
            es | 2026-11-24T14:30 | mañana, martes 24 a las 14:30
            es | 2026-11-27T09:00 | el viernes 27 a las 9
            es | 2026-12-01T09:00 | el martes 1 de diciembre a las 9
            fr | 2026-11-27T09:00 | vendredi 27 à 9 heures
            fr | 2026-12-01T09:00 | mardi 1 décembre à 9 heures
            de | 2026-11-24T14:30 | morgen, Dienstag, den 24. um 14:30 Uhr
            de | 2026-11-27T09:00 | am Freitag, den 27. um 9 Uhr
            de | 2026-12-01T09:00 | am Dienstag, den 1. Dezember um 9 Uhr
            """)
    void fullReadOutsNameTheWeekdayTheDateAndAnotherMonth(String language, String local, String expected) {
        assertThat(Speech.fullWhen(at(local), NEW_YORK, NOW, language, true)).isEqualTo(expected);
    }

    @Test
    void openingHoursAndClosedDays() {
        assertThat(Speech.clock(LocalTime.of(8, 0), "en")).isEqualTo("8 AM");
        assertThat(Speech.clock(LocalTime.of(12, 30), "en")).isEqualTo("12:30 PM");
        assertThat(Speech.clock(LocalTime.of(8, 0), "es")).isEqualTo("8:00");
        assertThat(Speech.clock(LocalTime.of(8, 30), "fr")).isEqualTo("8 h 30");
        assertThat(Speech.clock(LocalTime.of(17, 0), "de")).isEqualTo("17 Uhr");
        assertThat(Speech.dayAndDate(LocalDate.of(2026, 11, 26), "en")).isEqualTo("Thursday 26");
        assertThat(Speech.dayAndDate(LocalDate.of(2026, 11, 26), "de")).isEqualTo("Donnerstag, 26.");
    }

    @Test
    void germanKeepsServiceNamesCapitalised() {
        assertThat(Speech.service("Rohrreinigung", "de")).isEqualTo("Rohrreinigung");
        assertThat(Speech.service("Drain cleaning", "en")).isEqualTo("drain cleaning");
        assertThat(Speech.service("Débouchage", "fr")).isEqualTo("débouchage");
    }
}
