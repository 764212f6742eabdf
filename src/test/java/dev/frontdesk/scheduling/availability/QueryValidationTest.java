package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.EngineExamples.SUNDAY_NOON;
import static dev.frontdesk.scheduling.availability.EngineExamples.monday;
import static dev.frontdesk.scheduling.availability.EngineExamples.nineToFive;
import static dev.frontdesk.scheduling.availability.Fixtures.MONDAY;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a query accepts. */
class QueryValidationTest {

    final AvailabilityEngine engine = new AvailabilityEngine();

    @Test
    void nonsenseQueriesAreRejected() {
        assertThatThrownBy(() -> nineToFive().duration(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> nineToFive().granularity(Duration.ofMinutes(-5)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> nineToFive().bufferBefore(Duration.ofMinutes(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> nineToFive().minimumNotice(Duration.ofMinutes(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nineToFive().horizonDays(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nineToFive().maxJobsPerDay(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Busy.appointment(monday("10:00"), monday("10:00"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsMeanNothing() {
        var q = new AvailabilityQuery(
                NEW_YORK,
                weekdays("09:00-17:00"),
                null,
                null,
                null,
                null,
                Duration.ofHours(1),
                null,
                null,
                null,
                7,
                Duration.ofMinutes(30),
                null,
                null,
                false,
                SUNDAY_NOON);

        assertThat(engine.freeSlots(q, MONDAY)).hasSize(15);
    }
}
