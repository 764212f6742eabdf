package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.EngineExamples.busy;
import static dev.frontdesk.scheduling.availability.EngineExamples.monday;
import static dev.frontdesk.scheduling.availability.EngineExamples.nineToFive;
import static dev.frontdesk.scheduling.availability.Fixtures.MONDAY;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.localStarts;
import static dev.frontdesk.scheduling.availability.Fixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Availability with staff: who takes a slot and when they work. */
class StaffAvailabilityTest {

    final AvailabilityEngine engine = new AvailabilityEngine();

    final List<StaffMember> alexAndBlair =
            List.of(StaffMember.withBusinessHours("alex"), StaffMember.withBusinessHours("blair"));

    @Test
    void whenOneStaffMemberIsBusyAnotherTakesTheSlot() {
        var q = nineToFive()
                .staff(alexAndBlair)
                .busy(busy(Busy.appointment(monday("10:00"), monday("11:00"), "alex")))
                .build();

        List<Slot> slots = engine.freeSlots(q, MONDAY);

        assertThat(slots).hasSize(15);
        assertThat(slots.get(0).staffId()).isEqualTo("alex");
        assertThat(slots)
                .filteredOn(s -> s.start().equals(monday("10:00")))
                .singleElement()
                .extracting(Slot::staffId)
                .isEqualTo("blair");
    }

    @Test
    void aRequestedStaffMemberIsTheOnlyOneConsidered() {
        var q = nineToFive()
                .staff(alexAndBlair)
                .requestedStaffId("alex")
                .busy(busy(Busy.appointment(monday("10:00"), monday("11:00"), "alex")))
                .build();

        List<Slot> slots = engine.freeSlots(q, MONDAY);

        assertThat(localStarts(slots, NEW_YORK)).doesNotContain("09:30", "10:00", "10:30");
        assertThat(slots).allSatisfy(s -> assertThat(s.staffId()).isEqualTo("alex"));
    }

    @Test
    void businessWideBusyTimeBlocksEveryone() {
        var q = nineToFive()
                .staff(alexAndBlair)
                .busy(busy(Busy.external(monday("12:00"), monday("13:00"), null)))
                .build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK)).doesNotContain("11:30", "12:00", "12:30");
    }

    @Test
    void staffWorkOnlyWhereTheirHoursMeetTheBusinessHours() {
        var q = nineToFive()
                .staff(List.of(new StaffMember("casey", weekdays("07:00-10:00", "15:00-20:00"))))
                .build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK))
                .containsExactly("09:00", "15:00", "15:30", "16:00");
    }

    @Test
    void staffWithDifferentHoursContributeTheirOwnStarts() {
        var q = nineToFive()
                .staff(List.of(
                        new StaffMember("early", weekdays("09:00-10:00")),
                        new StaffMember("late", weekdays("09:15-10:15"))))
                .build();

        List<Slot> slots = engine.freeSlots(q, MONDAY);

        assertThat(localStarts(slots, NEW_YORK)).containsExactly("09:00", "09:15");
        assertThat(slots).extracting(Slot::staffId).containsExactly("early", "late");
    }

    @Test
    void withoutStaffEveryBusyItemBlocksTheSingleCalendar() {
        var q = nineToFive()
                .busy(busy(Busy.appointment(monday("10:00"), monday("11:00"), "someone")))
                .build();

        assertThat(localStarts(engine.freeSlots(q, MONDAY), NEW_YORK)).doesNotContain("10:00");
    }

    @Test
    void aRequestedStaffMemberMustBeOnTheStaff() {
        assertThatThrownBy(() -> nineToFive()
                        .staff(alexAndBlair)
                        .requestedStaffId("nobody")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
