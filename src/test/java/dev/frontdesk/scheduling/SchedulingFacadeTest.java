package dev.frontdesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.scheduling.Scheduling.Booked;
import dev.frontdesk.scheduling.Scheduling.Booking;
import dev.frontdesk.scheduling.Scheduling.Unavailable;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** What the assistant's tools will call: the same rules as the API, answers instead of exceptions. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class SchedulingFacadeTest {

    @Autowired
    Scheduling scheduling;

    @Autowired
    TestApi api;

    @Test
    void aCallerBooksMovesAndCancelsTheirOwnAppointment() {
        var business = BusinessId.parse(api.createBusiness("Facade").id()).orElseThrow();
        var caller = new PhoneNumber("+16175550177");
        var customer = new Customer("Sam Caller", caller, null);

        assertThat(scheduling.freeSlots(business, "leak", LocalDate.parse("2026-11-24"), false))
                .first()
                .isEqualTo(new TimeSlot(Instant.parse("2026-11-24T13:00:00Z"), Instant.parse("2026-11-24T14:30:00Z")));

        var booked = scheduling.book(
                business,
                new Booking("leak", Instant.parse("2026-11-24T13:00:00Z"), customer, "dripping", false, "VOICE"));
        assertThat(booked).isInstanceOf(Booked.class);
        Appointment appointment = ((Booked) booked).appointment();
        assertThat(appointment.service()).isEqualTo("Leak repair");
        assertThat(appointment.sourceChannel()).isEqualTo("VOICE");

        var clash = scheduling.book(
                business,
                new Booking("Drain cleaning", Instant.parse("2026-11-24T14:00:00Z"), customer, null, false, "VOICE"));
        assertThat(clash).isInstanceOfSatisfying(Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo("taken");
            assertThat(u.alternatives()).isNotEmpty();
        });
        assertThat(scheduling.book(
                        business,
                        new Booking("Chimney", Instant.parse("2026-11-24T16:00:00Z"), customer, null, false, "SMS")))
                .isEqualTo(new Unavailable("unknown_service", java.util.List.of()));

        assertThat(scheduling.upcomingFor(business, caller))
                .extracting(Appointment::id)
                .containsExactly(appointment.id());
        assertThat(scheduling.reschedule(business, appointment.id(), Instant.parse("2026-11-24T18:00:00Z")))
                .isInstanceOf(Booked.class);
        assertThat(scheduling.cancel(business, appointment.id()))
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED));
        assertThat(scheduling.upcomingFor(business, caller)).isEmpty();
        assertThat(scheduling.cancel(business, AppointmentId.random())).isEmpty();
        assertThat(scheduling.reschedule(business, AppointmentId.random(), Instant.parse("2026-11-24T18:00:00Z")))
                .isEqualTo(new Unavailable("not_found", java.util.List.of()));
    }

    @Test
    void anAppointmentMovedAnHourLaterDoesNotCollideWithItself() {
        var business = BusinessId.parse(api.createBusiness("Facade move").id()).orElseThrow();
        var customer = new Customer("Sam Caller", new PhoneNumber("+16175550178"), null);
        LocalDate day = LocalDate.parse("2026-11-24");
        Instant first =
                scheduling.freeSlots(business, "leak", day, false).getFirst().start();
        var booked = scheduling.book(business, new Booking("leak", first, customer, null, false, "VOICE"));
        Appointment leak = ((Booked) booked).appointment(); // 90 minutes
        Instant anHourLater = first.plusSeconds(3600);

        assertThat(scheduling.freeSlots(business, "leak", day, false))
                .extracting(TimeSlot::start)
                .doesNotContain(anHourLater);
        assertThat(scheduling.freeSlotsForMove(business, leak.id(), day))
                .extracting(TimeSlot::start)
                .contains(anHourLater, leak.start());
        assertThat(scheduling.freeSlotsForMove(business, AppointmentId.random(), day))
                .isEmpty();
    }
}
