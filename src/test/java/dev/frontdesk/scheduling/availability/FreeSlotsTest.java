package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.EngineExamples.THURSDAY;
import static dev.frontdesk.scheduling.availability.EngineExamples.TUESDAY;
import static dev.frontdesk.scheduling.availability.EngineExamples.WEDNESDAY;
import static dev.frontdesk.scheduling.availability.EngineExamples.appointment;
import static dev.frontdesk.scheduling.availability.EngineExamples.busy;
import static dev.frontdesk.scheduling.availability.EngineExamples.monday;
import static dev.frontdesk.scheduling.availability.EngineExamples.nineToFive;
import static dev.frontdesk.scheduling.availability.EngineExamples.query;
import static dev.frontdesk.scheduling.availability.Fixtures.MONDAY;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.at;
import static dev.frontdesk.scheduling.availability.Fixtures.localStarts;
import static dev.frontdesk.scheduling.availability.Fixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Free slots of a day or a range of days. */
class FreeSlotsTest {

    final AvailabilityEngine engine = new AvailabilityEngine();

    @Test
    void aNormalDayOffersEveryHalfHourStartThatEndsByClosing() {
        List<Slot> slots = engine.freeSlots(nineToFive().build(), MONDAY);

        assertThat(localStarts(slots, NEW_YORK))
                .containsExactly(
                        "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30",
                        "14:00", "14:30", "15:00", "15:30", "16:00");
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-06-01T13:00:00Z"));
        assertThat(slots.get(0).end()).isEqualTo(Instant.parse("2026-06-01T14:00:00Z"));
        assertThat(slots).allSatisfy(slot -> assertThat(slot.staffId()).isNull());
    }

    @Test
    void aLunchBreakSplitsTheDayIntoTwoRanges() {
        List<Slot> slots =
                engine.freeSlots(query(weekdays("09:00-12:00", "13:00-17:00")).build(), MONDAY);

        assertThat(localStarts(slots, NEW_YORK))
                .containsExactly(
                        "09:00", "09:30", "10:00", "10:30", "11:00", "13:00", "13:30", "14:00", "14:30", "15:00",
                        "15:30", "16:00");
    }

    @Test
    void aWeekendDayWithoutHoursHasNoSlots() {
        assertThat(engine.freeSlots(nineToFive().build(), MONDAY.minusDays(1))).isEmpty();
    }

    @Test
    void slotsOverSeveralDaysComeInChronologicalOrder() {
        List<Slot> slots = engine.freeSlots(nineToFive().build(), MONDAY, WEDNESDAY);

        assertThat(slots).hasSize(45);
        assertThat(slots).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
    }

    @Test
    void anAppointmentBlocksTheSlotsItOverlaps() {
        var q = nineToFive().busy(busy(appointment("10:00", "11:00"))).build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK))
                .contains("09:00", "11:00")
                .doesNotContain("09:30", "10:00", "10:30");
    }

    @Test
    void aTravelBufferAfterAnAppointmentPushesTheNextSlot() {
        var q = nineToFive()
                .bufferAfter(Duration.ofMinutes(30))
                .busy(busy(appointment("10:00", "11:00")))
                .build();

        // 11:00 would leave no travel time after the 10:00 job; 09:00 would leave none before it
        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK))
                .startsWith("11:30", "12:00")
                .doesNotContain("09:00", "09:30", "10:00", "10:30", "11:00");
    }

    @Test
    void buffersOnBothSidesKeepAppointmentsApartByTheirSum() {
        var q = nineToFive()
                .buffers(Duration.ofMinutes(15), Duration.ofMinutes(15))
                .busy(busy(appointment("11:00", "12:00")))
                .build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK))
                .containsSubsequence("09:30", "12:30")
                .doesNotContain("10:00", "10:30", "11:00", "11:30", "12:00");
    }

    @Test
    void externalBusyTimeGetsOnlyOurBufferNotOneOfItsOwn() {
        var external = Busy.external(monday("10:00"), monday("11:00"), null);
        var q = nineToFive()
                .bufferAfter(Duration.ofMinutes(30))
                .busy(busy(external))
                .build();

        // our job needs 30 minutes after it, so 09:00-10:00 is too tight; 11:00 is fine right after
        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK))
                .startsWith("11:00")
                .doesNotContain("09:00", "09:30");
    }

    @Test
    void minimumNoticeHidesSlotsThatStartTooSoon() {
        var q = nineToFive()
                .now(monday("10:10"))
                .minimumNotice(Duration.ofHours(2))
                .build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK)).startsWith("12:30");
    }

    @Test
    void pastSlotsNeverAppearEvenForEmergencies() {
        var q = nineToFive()
                .now(monday("10:10"))
                .minimumNotice(Duration.ofHours(2))
                .emergency(true)
                .build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK)).startsWith("10:30");
        assertThat(engine.freeSlots(q, MONDAY.minusDays(7), MONDAY.minusDays(1)))
                .isEmpty();
    }

    @Test
    void nothingIsOfferedBeyondTheHorizon() {
        var q = nineToFive().horizonDays(3).build(); // today is Sunday: up to Wednesday

        assertThat(engine.freeSlots(q, WEDNESDAY)).isNotEmpty();
        assertThat(engine.freeSlots(q, THURSDAY)).isEmpty();
        assertThat(engine.freeSlots(q, MONDAY, MONDAY.plusDays(30))).hasSize(45);
    }

    @Test
    void aClosedDateHasNoSlots() {
        var q = nineToFive().closedDates(Set.of(TUESDAY)).build();

        assertThat(engine.freeSlots(q, TUESDAY)).isEmpty();
        assertThat(engine.freeSlots(q, MONDAY, WEDNESDAY)).hasSize(30);
    }

    @Test
    void aDayAtItsCapOfJobsHasNoSlotsExceptForEmergencies() {
        var q = nineToFive()
                .maxJobsPerDay(2)
                .busy(busy(
                        appointment("09:00", "10:00"),
                        Busy.appointment(monday("11:00"), monday("12:00"), "someone"),
                        Busy.external(at(TUESDAY, "09:00", NEW_YORK), at(TUESDAY, "10:00", NEW_YORK), null),
                        Busy.appointment(at(TUESDAY, "14:00", NEW_YORK), at(TUESDAY, "15:00", NEW_YORK), null)))
                .build();

        assertThat(engine.freeSlots(q, MONDAY)).isEmpty();
        assertThat(engine.freeSlots(q, TUESDAY)).isNotEmpty(); // external busy time is not a job
        assertThat(localStarts(engine.freeSlots(q.withEmergency(true), MONDAY), NEW_YORK))
                .contains("10:00", "12:00")
                .doesNotContain("09:00", "11:00");
    }

    @Test
    void aCapOfZeroLeavesEveryDayToEmergencies() {
        var q = nineToFive().maxJobsPerDay(0).build();

        assertThat(engine.freeSlots(q, MONDAY)).isEmpty();
        assertThat(engine.freeSlots(q.withEmergency(true), MONDAY)).hasSize(15);
    }

    @Test
    void theMorningReserveIsOnlyForEmergencies() {
        var q = nineToFive()
                .morningReserve(new MorningReserve(LocalTime.of(10, 0)))
                .build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK)).startsWith("10:00");
        assertThat(localStarts(engine.freeSlots(q.withEmergency(true), MONDAY), NEW_YORK))
                .startsWith("09:00", "09:30", "10:00");
    }

    @Test
    void overlappingOrTouchingRangesCountAsOneStretchOfOpenTime() {
        var q = query(weekdays("09:00-11:00", "10:00-12:00", "12:00-13:00")).build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK))
                .containsExactly("09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00");
    }

    @Test
    void hoursUntilMidnightAllowASlotEndingAtMidnight() {
        var q = query(weekdays("22:00-24:00")).build();

        List<Slot> slots = engine.freeSlots(q, MONDAY);

        assertThat(localStarts(slots, NEW_YORK)).containsExactly("22:00", "22:30", "23:00");
        assertThat(slots.get(2).end()).isEqualTo(at(TUESDAY, "00:00", NEW_YORK));
    }
}
