package dev.frontdesk.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.Fuzz;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Caller text of any shape reaches the time parser: it answers (a time or nothing) quickly and never
 * throws. Seeded, bounded in time.
 */
class TimeExpressionsFuzzTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("America/New_York"));
    static final List<String> WORDS = List.of(
            "tomorrow",
            "today",
            "next",
            "this",
            "monday",
            "friday",
            "week",
            "at",
            "in",
            "on",
            "half",
            "past",
            "quarter",
            "to",
            "noon",
            "midnight",
            "morning",
            "evening",
            "am",
            "pm",
            "a.m.",
            "o'clock",
            "the",
            "of",
            "december",
            "31st",
            "1st",
            "2026",
            "3000",
            "-",
            "/",
            "between",
            "and",
            "after",
            "before",
            "hours",
            "minutes",
            "days",
            "mañana",
            "lunes",
            "à",
            "demain",
            "midi",
            "heures",
            "próximo",
            "semaine",
            "99999999999",
            "0",
            "24:00",
            "25:61",
            "2026-02-30",
            "31/12",
            "13/13/2026",
            "+999999999-12-31",
            "twelve",
            "thirty");

    @Test
    void anyCallerTextIsReadAsATimeOrNothingWithoutFailing() {
        int rounds =
                Fuzz.run(20261123L, 30_000, Duration.ofSeconds(8), random -> Fuzz.words(random, WORDS, 14), text -> {
                    for (String language : List.of("en", "es", "fr", "xx")) {
                        long started = System.nanoTime();
                        TimeExpressions.parse(text, language, NOW);
                        assertThat(Duration.ofNanos(System.nanoTime() - started))
                                .isLessThan(Duration.ofSeconds(1));
                    }
                });
        int raw = Fuzz.run(
                7L,
                5_000,
                Duration.ofSeconds(5),
                random -> Fuzz.chars(random, 400),
                text -> TimeExpressions.parse(text, "en", NOW));
        assertThat(rounds + raw).isGreaterThan(500);
    }
}
