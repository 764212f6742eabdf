package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.Fixtures.LONDON;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.SYDNEY;
import static dev.frontdesk.scheduling.availability.Fixtures.at;
import static dev.frontdesk.scheduling.availability.Fixtures.everyDay;
import static dev.frontdesk.scheduling.availability.Fixtures.localStarts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.scheduling.availability.Verdict.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Days when the clocks change have more or fewer real hours, and slots sit at the right instants. */
class DaylightSavingTest {

    final AvailabilityEngine engine = new AvailabilityEngine();

    static AvailabilityQuery.Builder query(ZoneId zone, LocalDate date, String... ranges) {
        return AvailabilityQuery.builder(
                        zone,
                        everyDay(ranges),
                        date.minusDays(1).atStartOfDay(zone).toInstant())
                .duration(Duration.ofHours(1))
                .granularity(Duration.ofHours(1));
    }

    static Stream<Arguments> transitions() {
        return Stream.of(
                // zone, date, real hours in 00:00-06:00, first slot (00:00 local) in UTC, last slot's end in UTC
                Arguments.of(NEW_YORK, "2026-03-08", 5, "2026-03-08T05:00:00Z", "2026-03-08T10:00:00Z"),
                Arguments.of(NEW_YORK, "2026-11-01", 7, "2026-11-01T04:00:00Z", "2026-11-01T11:00:00Z"),
                Arguments.of(LONDON, "2026-03-29", 5, "2026-03-29T00:00:00Z", "2026-03-29T05:00:00Z"),
                Arguments.of(LONDON, "2026-10-25", 7, "2026-10-24T23:00:00Z", "2026-10-25T06:00:00Z"),
                Arguments.of(SYDNEY, "2026-04-05", 7, "2026-04-04T13:00:00Z", "2026-04-04T20:00:00Z"),
                Arguments.of(SYDNEY, "2026-10-04", 5, "2026-10-03T14:00:00Z", "2026-10-03T19:00:00Z"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} real hours")
    @MethodSource("transitions")
    void aRangeSpanningTheChangeHasTheRealNumberOfHours(
            ZoneId zone, String day, int hours, String firstStart, String lastEnd) {
        LocalDate date = LocalDate.parse(day);
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        assertThat(zone.getRules().nextTransition(dayStart).getInstant())
                .as("the clocks change on %s in %s", date, zone)
                .isBefore(date.plusDays(1).atStartOfDay(zone).toInstant());

        List<Slot> slots = engine.freeSlots(query(zone, date, "00:00-06:00").build(), date);

        assertThat(slots).hasSize(hours);
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse(firstStart));
        assertThat(slots.get(hours - 1).end()).isEqualTo(Instant.parse(lastEnd));
        assertThat(Duration.between(slots.get(0).start(), slots.get(hours - 1).end()))
                .isEqualTo(Duration.ofHours(hours));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(Duration.between(slots.get(i - 1).start(), slots.get(i).start()))
                    .as("granularity is real elapsed time")
                    .isEqualTo(Duration.ofHours(1));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions")
    void businessHoursOnAndAroundTheChangeStartAtTheLocalTime(
            ZoneId zone, String day, int hours, String firstStart, String lastEnd) {
        LocalDate date = LocalDate.parse(day);
        var q = query(zone, date, "09:00-17:00").horizonDays(5).build();

        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            List<Slot> slots = engine.freeSlots(q, d);
            assertThat(slots).hasSize(8);
            assertThat(slots.get(0).start()).isEqualTo(at(d, "09:00", zone));
            assertThat(slots.get(7).end()).isEqualTo(at(d, "17:00", zone));
            assertThat(localStarts(slots, zone))
                    .containsExactly("09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00");
        }
    }

    @Test
    void springForwardInNewYorkSkipsTheMissingHour() {
        LocalDate date = LocalDate.of(2026, 3, 8);

        List<Slot> slots = engine.freeSlots(query(NEW_YORK, date, "00:00-06:00").build(), date);

        assertThat(localStarts(slots, NEW_YORK)).containsExactly("00:00", "01:00", "03:00", "04:00", "05:00");
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(slots.get(2).start()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void fallBackInNewYorkOffersTheRepeatedHourTwice() {
        LocalDate date = LocalDate.of(2026, 11, 1);

        List<Slot> slots = engine.freeSlots(query(NEW_YORK, date, "00:00-06:00").build(), date);

        assertThat(localStarts(slots, NEW_YORK))
                .containsExactly("00:00", "01:00", "01:00", "02:00", "03:00", "04:00", "05:00");
        assertThat(slots.get(1).start()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(slots.get(2).start()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
    }

    @Test
    void aRangeStartingInTheGapStartsWhenTheClocksResume() {
        LocalDate date = LocalDate.of(2026, 3, 8);

        List<Slot> slots = engine.freeSlots(query(NEW_YORK, date, "02:30-05:00").build(), date);

        // 02:30 does not exist; java.time moves it to 03:30 EDT, and 05:00 EDT is 1.5 real hours later
        assertThat(localStarts(slots, NEW_YORK)).containsExactly("03:30");
    }

    @Test
    void anAppointmentAcrossMidnightUtcBlocksByRealTimeAndCountsOnItsLocalDate() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        LocalDate tuesday = monday.plusDays(1);
        // 20:30-21:30 in New York is 00:30-01:30 UTC on Tuesday
        Instant start = at(monday, "20:30", NEW_YORK);
        assertThat(start).isEqualTo(Instant.parse("2026-06-02T00:30:00Z"));
        var q = query(NEW_YORK, monday, "17:00-23:00")
                .granularity(Duration.ofMinutes(30))
                .busy(BusyIndex.of(List.of(Busy.appointment(start, at(monday, "21:30", NEW_YORK), null))))
                .build();

        assertThat(localStarts(engine.freeSlots(q, monday), NEW_YORK))
                .containsExactly("17:00", "17:30", "18:00", "18:30", "19:00", "19:30", "21:30", "22:00");

        var capped = q.toBuilder().maxJobsPerDay(1).build();
        assertThat(capped.busy().appointmentsStartingOn(monday, NEW_YORK)).isEqualTo(1);
        assertThat(capped.busy().appointmentsStartingOn(tuesday, NEW_YORK)).isZero();
        assertThat(engine.freeSlots(capped, monday)).isEmpty();
        assertThat(engine.freeSlots(capped, tuesday)).hasSize(11);
        assertThat(engine.check(capped, at(monday, "17:00", NEW_YORK)).reason()).isEqualTo(Reason.DAY_FULL);
    }

    @Test
    void anAppointmentOverTheChangeBlocksItsRealDuration() {
        LocalDate date = LocalDate.of(2026, 11, 1);
        // 01:30 EDT (05:30Z) to 01:30 EST (06:30Z): one real hour
        var busy = Busy.appointment(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T06:30:00Z"), null);
        var q = query(NEW_YORK, date, "00:00-06:00")
                .busy(BusyIndex.of(List.of(busy)))
                .build();

        assertThat(engine.freeSlots(q, date))
                .extracting(Slot::start)
                .containsExactly(
                        Instant.parse("2026-11-01T04:00:00Z"),
                        Instant.parse("2026-11-01T07:00:00Z"),
                        Instant.parse("2026-11-01T08:00:00Z"),
                        Instant.parse("2026-11-01T09:00:00Z"),
                        Instant.parse("2026-11-01T10:00:00Z"));
    }

    @Test
    void staffHoursEndingInTheGapStayWithinTheBusinessHours() {
        LocalDate date = LocalDate.of(2026, 3, 29);
        // London: 01:00 GMT becomes 02:00 BST, so the business closes at 01:00Z and 01:15 (in the gap)
        // would be 01:15Z: the staff member's day must be cut at the business's real closing time
        var q = AvailabilityQuery.builder(
                        LONDON,
                        everyDay("00:00-02:00"),
                        date.minusDays(1).atStartOfDay(LONDON).toInstant())
                .staff(List.of(new StaffMember("sam", everyDay("00:00-01:15"))))
                .duration(Duration.ofMinutes(15))
                .granularity(Duration.ofMinutes(15))
                .build();

        List<Slot> slots = engine.freeSlots(q, date);

        assertThat(slots)
                .extracting(Slot::end)
                .allSatisfy(end -> assertThat(end).isBeforeOrEqualTo(Instant.parse("2026-03-29T01:00:00Z")));
        assertThat(slots).hasSize(4);
        assertThat(engine.check(q, Instant.parse("2026-03-29T00:50:00Z")).reason())
                .isEqualTo(Reason.OUTSIDE_HOURS);
    }
}
