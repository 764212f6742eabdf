package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
class SchedulingFacade implements Scheduling {

    private final BookingService bookings;
    private final AvailabilityService availability;
    private final AppointmentRepository appointments;
    private final Clock clock;

    SchedulingFacade(
            BookingService bookings,
            AvailabilityService availability,
            AppointmentRepository appointments,
            Clock clock) {
        this.bookings = bookings;
        this.availability = availability;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    public List<TimeSlot> freeSlots(BusinessId businessId, String service, LocalDate date, boolean emergency) {
        Business business = bookings.business(businessId);
        return business.service(service)
                .map(offering -> availability.freeSlots(business, offering, date, emergency).stream()
                        .map(s -> new TimeSlot(s.start(), s.end()))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public List<TimeSlot> freeSlotsForMove(BusinessId businessId, AppointmentId moving, LocalDate date) {
        Business business = bookings.business(businessId);
        return find(businessId, moving)
                .filter(a -> a.status().holdsTime())
                .flatMap(a -> business.service(a.service())
                        .map(offering ->
                                availability.freeSlots(business, offering, date, a.emergency(), moving).stream()
                                        .map(s -> new TimeSlot(s.start(), s.end()))
                                        .toList()))
                .orElse(List.of());
    }

    @Override
    public BookingResult book(BusinessId businessId, Booking booking) {
        if (bookings.business(businessId).service(booking.service()).isEmpty()) {
            return new Unavailable("unknown_service", List.of());
        }
        return attempt(() -> bookings.book(
                businessId,
                new BookingCommand(
                        booking.service(),
                        booking.start(),
                        booking.customer(),
                        null,
                        booking.notes(),
                        booking.emergency(),
                        booking.sourceChannel())));
    }

    @Override
    public BookingResult reschedule(BusinessId businessId, AppointmentId appointment, Instant newStart) {
        return attempt(() -> bookings.reschedule(businessId, appointment, newStart));
    }

    @Override
    public Optional<Appointment> cancel(BusinessId businessId, AppointmentId appointment) {
        if (appointments.find(businessId, appointment).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bookings.cancel(businessId, appointment));
    }

    @Override
    public List<Appointment> upcomingFor(BusinessId businessId, PhoneNumber phone) {
        return appointments.ofCustomer(businessId, phone, clock.instant()).stream()
                .filter(a -> a.status().holdsTime())
                .toList();
    }

    @Override
    public List<Appointment> history(BusinessId businessId, PhoneNumber phone, int limit) {
        return appointments.history(businessId, phone, limit);
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public int forgetCustomer(BusinessId businessId, PhoneNumber phone) {
        return appointments.forgetCustomer(businessId, phone, clock.instant());
    }

    @Override
    public Optional<Appointment> find(BusinessId businessId, AppointmentId appointment) {
        return appointments.find(businessId, appointment);
    }

    @Override
    public List<Appointment> live(BusinessId businessId, Instant from, Instant to) {
        return appointments.live(businessId, from, to);
    }

    @Override
    public PageResponse<Appointment> live(BusinessId businessId, Instant from, Instant to, PageQuery page) {
        return PageResponse.of(
                appointments.page(businessId, from, to, AppointmentRepository.LIVE, page),
                appointments.count(businessId, from, to, AppointmentRepository.LIVE),
                page);
    }

    @Override
    public long bookedBetween(BusinessId businessId, Instant from, Instant to) {
        return appointments.countCreatedBetween(businessId, from, to);
    }

    @Override
    public java.util.SortedMap<java.time.LocalDate, Long> bookedPerDay(
            BusinessId businessId, Instant from, Instant to, java.time.ZoneId zone) {
        var days = new java.util.TreeMap<java.time.LocalDate, Long>();
        appointments
                .creationTimesBetween(businessId, from, to)
                .forEach(at -> days.merge(at.atZone(zone).toLocalDate(), 1L, Long::sum));
        return days;
    }

    @Override
    public java.util.Map<BusinessId, Long> bookedByBusiness(Instant from, Instant to) {
        return appointments.countCreatedByBusiness(from, to);
    }

    private interface Attempt {
        Appointment run();
    }

    private static BookingResult attempt(Attempt attempt) {
        try {
            return new Booked(attempt.run());
        } catch (SlotUnavailable e) {
            return new Unavailable(
                    e.reason().name().toLowerCase(Locale.ROOT),
                    e.alternatives().stream()
                            .map(s -> new TimeSlot(s.start(), s.end()))
                            .toList());
        } catch (FrontdeskException e) {
            return new Unavailable(
                    e.type().equals("not-found") ? "not_found" : e.type().replace('-', '_'), List.of());
        }
    }
}
