package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.EngineExamples.THURSDAY;
import static dev.frontdesk.scheduling.availability.EngineExamples.TUESDAY;
import static dev.frontdesk.scheduling.availability.EngineExamples.WEDNESDAY;
import static dev.frontdesk.scheduling.availability.EngineExamples.appointment;
import static dev.frontdesk.scheduling.availability.EngineExamples.busy;
import static dev.frontdesk.scheduling.availability.EngineExamples.monday;
import static dev.frontdesk.scheduling.availability.EngineExamples.nineToFive;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.scheduling.availability.Verdict.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checking one requested start. */
class CheckTest {

    final AvailabilityEngine engine = new AvailabilityEngine();

    @Test
    void aFreeStartIsFreeAndNamesTheStaffMember() {
        var q = nineToFive()
                .staff(List.of(StaffMember.withBusinessHours("alex"), StaffMember.withBusinessHours("blair")))
                .busy(busy(Busy.appointment(monday("10:00"), monday("11:00"), "alex")))
                .build();

        assertThat(engine.check(q, monday("10:00"))).isEqualTo(new Verdict(Reason.FREE, "blair"));
        assertThat(engine.check(q, monday("09:00"))).isEqualTo(new Verdict(Reason.FREE, "alex"));
    }

    @Test
    void aStartOffTheGridIsFineWhenItFits() {
        assertThat(engine.check(nineToFive().build(), monday("09:07")).isFree()).isTrue();
    }

    @Test
    void eachReasonIsReported() {
        var q = nineToFive()
                .now(monday("08:00"))
                .minimumNotice(Duration.ofHours(1))
                .horizonDays(2)
                .closedDates(Set.of(TUESDAY))
                .morningReserve(new MorningReserve(LocalTime.of(9, 30)))
                .busy(busy(appointment("12:00", "13:00")))
                .build();

        assertThat(engine.check(q, monday("07:00")).reason()).isEqualTo(Reason.TOO_SOON);
        assertThat(engine.check(q, monday("08:30")).reason()).isEqualTo(Reason.TOO_SOON);
        assertThat(engine.check(q, monday("09:00")).reason()).isEqualTo(Reason.RESERVED_FOR_EMERGENCIES);
        assertThat(engine.check(q, monday("10:00")).reason()).isEqualTo(Reason.FREE);
        assertThat(engine.check(q, monday("12:30")).reason()).isEqualTo(Reason.TAKEN);
        assertThat(engine.check(q, monday("16:30")).reason()).isEqualTo(Reason.OUTSIDE_HOURS);
        assertThat(engine.check(q, monday("20:00")).reason()).isEqualTo(Reason.OUTSIDE_HOURS);
        assertThat(engine.check(q, at(TUESDAY, "10:00", NEW_YORK)).reason()).isEqualTo(Reason.CLOSED);
        assertThat(engine.check(q, at(WEDNESDAY, "10:00", NEW_YORK)).reason()).isEqualTo(Reason.FREE);
        assertThat(engine.check(q, at(THURSDAY, "10:00", NEW_YORK)).reason()).isEqualTo(Reason.BEYOND_HORIZON);
        assertThat(engine.check(q, Instant.MAX).reason()).isEqualTo(Reason.BEYOND_HORIZON);
        assertThat(engine.check(q, Instant.MIN).reason()).isEqualTo(Reason.TOO_SOON);

        var full = q.toBuilder().maxJobsPerDay(1).build();
        assertThat(engine.check(full, monday("10:00")).reason()).isEqualTo(Reason.DAY_FULL);
        assertThat(engine.check(full.withEmergency(true), monday("10:00")).reason())
                .isEqualTo(Reason.FREE);
    }

    @Test
    void emergenciesSkipNoticeReserveAndCapButNotThePast() {
        var q = nineToFive()
                .now(monday("09:10"))
                .minimumNotice(Duration.ofHours(3))
                .morningReserve(new MorningReserve(LocalTime.of(11, 0)))
                .maxJobsPerDay(0)
                .emergency(true)
                .build();

        assertThat(engine.check(q, monday("09:30")).isFree()).isTrue();
        assertThat(engine.check(q, monday("09:00")).reason()).isEqualTo(Reason.TOO_SOON);
    }

    @Test
    void conflictsAreTheReasonsThatMeanSomeoneGotThereFirst() {
        assertThat(Reason.TAKEN.isConflict()).isTrue();
        assertThat(Reason.DAY_FULL.isConflict()).isTrue();
        assertThat(Reason.OUTSIDE_HOURS.isConflict()).isFalse();
    }
}
