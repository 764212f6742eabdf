package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.Fixtures.MONDAY;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.at;
import static dev.frontdesk.scheduling.availability.Fixtures.everyDay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Edges of the clock: a business open around the clock takes bookings that cross midnight, once each;
 * hours that end inside a DST gap never repeat a start.
 */
class AroundTheClockTest {

    final AvailabilityEngine engine = new AvailabilityEngine();

    private AvailabilityQuery.Builder allDay() {
        return AvailabilityQuery.builder(NEW_YORK, everyDay("00:00-24:00"), at(MONDAY, "08:00", NEW_YORK))
                .duration(Duration.ofMinutes(90));
    }

    @Test
    void aBookingMayCrossMidnightWhenBothDaysAreOpen() {
        var query = allDay().build();
        assertThat(engine.check(query, at(MONDAY, "23:30", NEW_YORK)).isFree()).isTrue();
        List<Slot> twoDays = engine.freeSlots(query, MONDAY, MONDAY.plusDays(1));
        assertThat(twoDays).extracting(Slot::start).doesNotHaveDuplicates();
        assertThat(twoDays).extracting(Slot::start).contains(at(MONDAY, "23:30", NEW_YORK));
        assertThat(engine.freeSlots(query, MONDAY).getLast().start()).isEqualTo(at(MONDAY, "23:30", NEW_YORK));
        assertThat(engine.freeSlots(query, MONDAY.plusDays(1)).getFirst().start())
                .isEqualTo(at(MONDAY.plusDays(1), "00:00", NEW_YORK));
    }

    @Test
    void aClosedNextDayStillEndsTheDayAtMidnight() {
        var query = allDay().closedDates(Set.of(MONDAY.plusDays(1))).build();
        assertThat(engine.check(query, at(MONDAY, "23:30", NEW_YORK)).reason()).isEqualTo(Verdict.Reason.OUTSIDE_HOURS);
        assertThat(engine.freeSlots(query, MONDAY).getLast().start()).isEqualTo(at(MONDAY, "22:30", NEW_YORK));
    }

    @Test
    void hoursEndingInsideADstGapNeverOfferTheSameStartTwice() {
        var sunday = java.time.LocalDate.of(2026, 3, 29); // London skips 01:00-02:00
        var london = java.time.ZoneId.of("Europe/London");
        var hours = Fixtures.on(new java.time.DayOfWeek[] {java.time.DayOfWeek.SUNDAY}, "00:00-01:15", "02:00-02:15");
        var query = AvailabilityQuery.builder(london, hours, at(sunday.minusDays(3), "00:00", london))
                .duration(Duration.ofMinutes(15))
                .granularity(Duration.ofMinutes(5))
                .build();
        assertThat(engine.freeSlots(query, sunday))
                .extracting(Slot::start)
                .doesNotHaveDuplicates()
                .isSorted();
    }
}
