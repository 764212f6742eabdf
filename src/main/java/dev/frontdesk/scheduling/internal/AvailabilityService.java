package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.availability.AvailabilityEngine;
import dev.frontdesk.scheduling.availability.AvailabilityQuery;
import dev.frontdesk.scheduling.availability.Busy;
import dev.frontdesk.scheduling.availability.BusyIndex;
import dev.frontdesk.scheduling.availability.MorningReserve;
import dev.frontdesk.scheduling.availability.Slot;
import dev.frontdesk.scheduling.availability.Verdict;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessSettings;
import dev.frontdesk.tenants.ServiceOffering;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Feeds the pure availability engine with a business's hours and settings and its live appointments
 * around the time in question.
 */
@Service
class AvailabilityService {

    /** How far around a day we load appointments: enough for buffers and the per-day cap. */
    private static final Duration MARGIN = Duration.ofDays(2);

    private static final int ALTERNATIVE_DAYS = 14;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AvailabilityService.class);

    private final AppointmentRepository appointments;
    private final Integrations integrations;
    private final AvailabilityEngine engine = new AvailabilityEngine();
    private final Clock clock;

    AvailabilityService(AppointmentRepository appointments, Integrations integrations, Clock clock) {
        this.appointments = appointments;
        this.integrations = integrations;
        this.clock = clock;
    }

    List<Slot> freeSlots(Business business, ServiceOffering service, LocalDate date, boolean emergency) {
        return freeSlots(business, service, date, emergency, null);
    }

    /** Free slots on a day, ignoring {@code moving} (a reschedule), which may be null. */
    List<Slot> freeSlots(
            Business business, ServiceOffering service, LocalDate date, boolean emergency, AppointmentId moving) {
        var query = query(business, service, emergency, busyAround(business, date, date, moving));
        return engine.freeSlots(query, date);
    }

    /** Whether a booking at exactly {@code start} is possible, ignoring {@code moving} (a reschedule). */
    Verdict check(Business business, ServiceOffering service, Instant start, boolean emergency, AppointmentId moving) {
        LocalDate date = start.atZone(business.timezone()).toLocalDate();
        return engine.check(query(business, service, emergency, busyAround(business, date, date, moving)), start);
    }

    /** The nearest free slots to a requested time: the same day first, then the next two weeks. */
    List<Slot> alternatives(
            Business business, ServiceOffering service, Instant requested, boolean emergency, AppointmentId moving) {
        LocalDate date = requested.atZone(business.timezone()).toLocalDate();
        LocalDate today = clock.instant().atZone(business.timezone()).toLocalDate();
        LocalDate from = date.isBefore(today) ? today : date;
        var busy = busyAround(business, from, from.plusDays(ALTERNATIVE_DAYS), moving);
        Instant anchor = requested.isBefore(clock.instant()) ? clock.instant() : requested;
        return engine.alternatives(query(business, service, emergency, busy), anchor, 3);
    }

    private BusyIndex busyAround(Business business, LocalDate from, LocalDate to, AppointmentId moving) {
        Instant start = from.atStartOfDay(business.timezone()).toInstant().minus(MARGIN);
        Instant end =
                to.plusDays(1).atStartOfDay(business.timezone()).toInstant().plus(MARGIN);
        List<Appointment> live = appointments.live(business.id(), start, end);
        List<Busy> busy = new java.util.ArrayList<>(live.stream()
                .filter(a -> moving == null || !a.id().equals(moving))
                .map(AvailabilityService::busy)
                .toList());
        busy.addAll(externalBusy(business, start, end, live));
        return BusyIndex.of(busy);
    }

    /**
     * Busy times from the business's external calendar, minus the events we put there ourselves (same
     * start and end as one of our appointments). If the calendar cannot be reached, bookings go on
     * against the internal calendar alone rather than failing the caller.
     */
    private List<Busy> externalBusy(Business business, Instant from, Instant to, List<Appointment> ours) {
        try {
            var calendar = integrations.calendar(business.id());
            if (calendar.isEmpty()) {
                return List.of();
            }
            var own = ours.stream().map(a -> a.start() + "/" + a.end()).collect(java.util.stream.Collectors.toSet());
            return calendar.get().busy(from, to).stream()
                    .filter(b -> !own.contains(b.start() + "/" + b.end()))
                    .map(b -> Busy.external(b.start(), b.end(), null))
                    .toList();
        } catch (RuntimeException e) {
            log.warn(
                    "External calendar of business {} unavailable, using the internal calendar only: {}",
                    business.id(),
                    dev.frontdesk.shared.LogSafe.of(e.getMessage()));
            return List.of();
        }
    }

    private static Busy busy(Appointment appointment) {
        return Busy.appointment(appointment.start(), appointment.end(), null);
    }

    private AvailabilityQuery query(Business business, ServiceOffering service, boolean emergency, BusyIndex busy) {
        BusinessSettings.Scheduling settings = business.settings().scheduling();
        return AvailabilityQuery.builder(business.timezone(), business.hours(), clock.instant())
                .closedDates(business.closedDates())
                .busy(busy)
                .duration(Duration.ofMinutes(service.durationMinutes()))
                .buffers(
                        Duration.ofMinutes(settings.bufferBeforeMinutes()),
                        Duration.ofMinutes(settings.bufferAfterMinutes()))
                .minimumNotice(Duration.ofMinutes(settings.minNoticeMinutes()))
                .horizonDays(settings.horizonDays())
                .granularity(Duration.ofMinutes(settings.slotMinutes()))
                .maxJobsPerDay(settings.maxJobsPerDay())
                .morningReserve(
                        settings.emergencyMorningsUntil() == null
                                ? null
                                : new MorningReserve(LocalTime.parse(settings.emergencyMorningsUntil())))
                .emergency(emergency)
                .build();
    }
}
