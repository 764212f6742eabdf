package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.EngineExamples.TUESDAY;
import static dev.frontdesk.scheduling.availability.EngineExamples.appointment;
import static dev.frontdesk.scheduling.availability.EngineExamples.busy;
import static dev.frontdesk.scheduling.availability.EngineExamples.monday;
import static dev.frontdesk.scheduling.availability.EngineExamples.nineToFive;
import static dev.frontdesk.scheduling.availability.Fixtures.MONDAY;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alternatives to a requested start that is not free. */
class AlternativesTest {

    final AvailabilityEngine engine = new AvailabilityEngine();

    final AvailabilityQuery busyMorning = nineToFive()
            .busy(busy(appointment("09:00", "13:00"), appointment("14:00", "15:00")))
            .build();

    @Test
    void theSameDaysNearestSlotsComeFirstThenTheNextDays() {
        List<Slot> alternatives = engine.alternatives(busyMorning, monday("12:00"), 5);

        assertThat(alternatives)
                .extracting(Slot::start)
                .containsExactly(
                        monday("13:00"),
                        monday("15:00"),
                        monday("15:30"),
                        monday("16:00"),
                        at(TUESDAY, "09:00", NEW_YORK));
    }

    @Test
    void equallyNearSlotsPutTheEarlierFirst() {
        List<Slot> alternatives = engine.alternatives(nineToFive().build(), monday("12:00"), 3);

        assertThat(alternatives)
                .extracting(Slot::start)
                .containsExactly(monday("11:30"), monday("12:30"), monday("11:00"));
    }

    @Test
    void theRequestedStartItselfIsNeverOffered() {
        assertThat(engine.alternatives(nineToFive().build(), monday("09:00"), 40))
                .extracting(Slot::start)
                .doesNotContain(monday("09:00"))
                .hasSize(40);
    }

    @Test
    void alternativesStopAtTheHorizon() {
        var q = busyMorning.toBuilder().horizonDays(1).build(); // Sunday and Monday

        assertThat(engine.alternatives(q, monday("12:00"), 10)).hasSize(4);
    }

    @Test
    void aRequestOnAClosedDayLooksAtTheFollowingDays() {
        var q = nineToFive().closedDates(Set.of(MONDAY)).build();

        assertThat(engine.alternatives(q, monday("12:00"), 2))
                .extracting(Slot::start)
                .containsExactly(at(TUESDAY, "09:00", NEW_YORK), at(TUESDAY, "09:30", NEW_YORK));
    }

    @Test
    void aRequestInThePastLooksFromToday() {
        var q = nineToFive().now(monday("15:10")).build();

        assertThat(engine.alternatives(q, monday("09:00").minus(Duration.ofDays(20)), 2))
                .extracting(Slot::start)
                .containsExactly(monday("15:30"), monday("16:00"));
    }
}
