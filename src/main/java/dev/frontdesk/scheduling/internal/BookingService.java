package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentBooked;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentCancelled;
import dev.frontdesk.scheduling.AppointmentEvents.AppointmentRescheduled;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.AppointmentStatus;
import dev.frontdesk.scheduling.Customer;
import dev.frontdesk.scheduling.availability.Verdict;
import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.Tenants;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, moves and cancels appointments. Every change that claims time takes the business's calendar
 * lock and re-checks availability inside the same transaction, so concurrent bookings of one slot
 * cannot both succeed; on PostgreSQL an exclusion constraint guards the same rule a second time.
 */
@Service
class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    /** PostgreSQL's SQLSTATE for an exclusion-constraint violation ({@code appointment_no_overlap}). */
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final AppointmentRepository appointments;
    private final AvailabilityService availability;
    private final IdempotencyStore idempotency;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingService(
            AppointmentRepository appointments,
            AvailabilityService availability,
            IdempotencyStore idempotency,
            Tenants tenants,
            ApplicationEventPublisher events,
            Clock clock) {
        this.appointments = appointments;
        this.availability = availability;
        this.idempotency = idempotency;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    Business business(BusinessId id) {
        return tenants.find(id).orElseThrow(() -> FrontdeskException.notFound("Business " + id));
    }

    static ServiceOffering service(Business business, String name) {
        return business.service(name)
                .orElseThrow(() -> FrontdeskException.validation(List.of(new FieldError(
                        "service",
                        "unknown service; this business offers: "
                                + String.join(
                                        ", ",
                                        business.services().stream()
                                                .map(ServiceOffering::name)
                                                .toList())))));
    }

    @Transactional
    Appointment book(BusinessId businessId, BookingCommand command) {
        Business business = business(businessId);
        ServiceOffering service = service(business, command.service());
        appointments.lockCalendar(businessId, clock.instant());
        return bookLocked(business, service, command);
    }

    /**
     * Books once per idempotency key: the first answer (success or problem) is stored in the same
     * transaction and replayed for every repeat of the key with the same request.
     */
    @Transactional(noRollbackFor = FrontdeskException.class, rollbackFor = SlotUnavailable.OverlapRefused.class)
    IdempotencyStore.StoredResponse bookIdempotently(
            BusinessId businessId, String key, String requestHash, BookingCommand command, ResponseRenderer renderer) {
        Business business = business(businessId);
        appointments.lockCalendar(businessId, clock.instant());
        var stored = idempotency.find(businessId, key);
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(requestHash)) {
                throw FrontdeskException.unprocessable(
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "This Idempotency-Key was already used for a different request");
            }
            return stored.get();
        }
        IdempotencyStore.StoredResponse response;
        try {
            Appointment booked = bookLocked(business, service(business, command.service()), command);
            response = renderer.booked(booked, requestHash);
        } catch (FrontdeskException e) {
            if (e.status().is5xxServerError() || e instanceof SlotUnavailable.OverlapRefused) {
                throw e;
            }
            response = renderer.problem(e, requestHash);
        }
        idempotency.save(businessId, key, response, clock.instant());
        return response;
    }

    /** Turns a booking's outcome into the HTTP answer to store for replays. */
    interface ResponseRenderer {
        IdempotencyStore.StoredResponse booked(Appointment appointment, String requestHash);

        IdempotencyStore.StoredResponse problem(FrontdeskException problem, String requestHash);
    }

    private Appointment bookLocked(Business business, ServiceOffering service, BookingCommand command) {
        Instant start = command.start();
        Verdict verdict = availability.check(business, service, start, command.emergency(), null);
        if (!verdict.isFree()) {
            throw SlotUnavailable.because(
                    verdict.reason(),
                    start,
                    availability.alternatives(business, service, start, command.emergency(), null));
        }
        Instant now = clock.instant();
        var appointment = new Appointment(
                AppointmentId.random(),
                business.id(),
                command.customer(),
                service.name(),
                command.staffId(),
                start,
                start.plus(Duration.ofMinutes(service.durationMinutes())),
                AppointmentStatus.SCHEDULED,
                command.emergency(),
                command.notes(),
                command.sourceChannel(),
                null,
                null,
                0,
                now,
                now);
        try {
            appointments.insert(appointment);
        } catch (DataIntegrityViolationException e) {
            throw overlapOrRethrow(e, start);
        }
        events.publishEvent(new AppointmentBooked(appointment));
        log.info("Appointment {} booked for {}", appointment.id(), appointment.start());
        return appointment;
    }

    @Transactional
    Appointment reschedule(BusinessId businessId, AppointmentId id, Instant newStart) {
        Business business = business(businessId);
        appointments.lockCalendar(businessId, clock.instant());
        Appointment current = get(businessId, id);
        if (!current.status().holdsTime()) {
            throw notActive(current);
        }
        ServiceOffering service = business.service(current.service())
                .orElseGet(() -> new ServiceOffering(
                        current.service(),
                        (int) Duration.between(current.start(), current.end()).toMinutes(),
                        null,
                        List.of()));
        Verdict verdict = availability.check(business, service, newStart, current.emergency(), id);
        if (!verdict.isFree()) {
            throw SlotUnavailable.because(
                    verdict.reason(),
                    newStart,
                    availability.alternatives(business, service, newStart, current.emergency(), id));
        }
        var moved = with(
                current, newStart, newStart.plus(Duration.between(current.start(), current.end())), current.status());
        save(moved);
        events.publishEvent(new AppointmentRescheduled(moved, current.start()));
        log.info("Appointment {} moved from {} to {}", id, current.start(), newStart);
        return moved;
    }

    @Transactional
    Appointment cancel(BusinessId businessId, AppointmentId id) {
        appointments.lockCalendar(businessId, clock.instant());
        Appointment current = get(businessId, id);
        if (current.status() == AppointmentStatus.CANCELLED) {
            return current;
        }
        if (!current.status().holdsTime()) {
            throw notActive(current);
        }
        var cancelled = with(current, current.start(), current.end(), AppointmentStatus.CANCELLED);
        save(cancelled);
        events.publishEvent(new AppointmentCancelled(cancelled));
        log.info("Appointment {} cancelled", id);
        return cancelled;
    }

    /**
     * Changes what does not move the appointment: status (not to CANCELLED), notes, emergency, customer.
     * It takes the calendar lock like every other change, so it reads the appointment as a racing cancel
     * or reschedule left it and can never write a cancelled appointment back to life.
     */
    @Transactional
    Appointment change(BusinessId businessId, AppointmentId id, AppointmentChange change) {
        appointments.lockCalendar(businessId, clock.instant());
        Appointment current = get(businessId, id);
        if (change.status() == AppointmentStatus.CANCELLED) {
            throw FrontdeskException.validation(
                    List.of(new FieldError("status", "use POST /api/appointments/{id}/cancel to cancel")));
        }
        if (change.status() != null
                && change.status().holdsTime()
                && !current.status().holdsTime()) {
            throw FrontdeskException.validation(List.of(new FieldError(
                    "status",
                    "a " + current.status() + " appointment cannot become " + change.status() + "; book a new one")));
        }
        Customer customer = current.customer();
        if (change.customerName() != null || change.customerEmail() != null) {
            customer = new Customer(
                    or(change.customerName(), customer.name()),
                    customer.phone(),
                    change.customerEmail() == null ? customer.email() : blankToNull(change.customerEmail()));
        }
        var changed = new Appointment(
                current.id(),
                current.businessId(),
                customer,
                current.service(),
                current.staffId(),
                current.start(),
                current.end(),
                change.status() == null ? current.status() : change.status(),
                change.emergency() == null ? current.emergency() : change.emergency(),
                change.notes() == null ? current.notes() : blankToNull(change.notes()),
                current.sourceChannel(),
                current.meetingLink(),
                current.externalEventId(),
                current.sequence(),
                current.createdAt(),
                clock.instant());
        save(changed);
        return changed;
    }

    /** A validated PATCH of an appointment; null members stay as they are, "" clears a text. */
    record AppointmentChange(
            AppointmentStatus status, String notes, Boolean emergency, String customerName, String customerEmail) {}

    @Transactional(readOnly = true)
    Appointment get(BusinessId businessId, AppointmentId id) {
        return appointments.find(businessId, id).orElseThrow(() -> FrontdeskException.notFound("Appointment " + id));
    }

    @Transactional(readOnly = true)
    PageResponse<Appointment> list(
            BusinessId businessId, Instant from, Instant to, List<String> statuses, PageQuery page) {
        return PageResponse.of(
                appointments.page(businessId, from, to, statuses, page),
                appointments.count(businessId, from, to, statuses),
                page);
    }

    private void save(Appointment appointment) {
        try {
            appointments.update(appointment);
        } catch (DataIntegrityViolationException e) {
            throw overlapOrRethrow(e, appointment.start());
        }
    }

    /**
     * PostgreSQL's exclusion constraint refused an overlap the calendar lock should have prevented: the
     * client gets the same 409 as for any taken slot, never a 500.
     */
    private static RuntimeException overlapOrRethrow(DataIntegrityViolationException e, Instant start) {
        if (e.getMostSpecificCause() instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
            log.warn("The overlap guard refused a change of an appointment at {}", start);
            return SlotUnavailable.refusedByOverlapGuard(start);
        }
        return e;
    }

    private Appointment with(Appointment a, Instant start, Instant end, AppointmentStatus status) {
        return new Appointment(
                a.id(),
                a.businessId(),
                a.customer(),
                a.service(),
                a.staffId(),
                start,
                end,
                status,
                a.emergency(),
                a.notes(),
                a.sourceChannel(),
                a.meetingLink(),
                a.externalEventId(),
                a.sequence() + 1,
                a.createdAt(),
                clock.instant());
    }

    private static FrontdeskException notActive(Appointment appointment) {
        return new FrontdeskException(
                HttpStatus.CONFLICT,
                "appointment-not-active",
                "Appointment not active",
                "The appointment is " + appointment.status() + " and can no longer be moved or cancelled");
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
