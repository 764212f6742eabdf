package dev.frontdesk.scheduling;

import dev.frontdesk.shared.PageQuery;
import dev.frontdesk.shared.PageResponse;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The scheduling module's API for the other modules (the assistant's tools, channels). It enforces the
 * same rules as the HTTP API: availability, no double booking, tenant scoping.
 */
public interface Scheduling {

    /** Free slots for a service (name or alias) on a date in the business's timezone. */
    List<TimeSlot> freeSlots(BusinessId business, String service, LocalDate date, boolean emergency);

    /**
     * Free slots on a date for moving an appointment: its own service and length, and its own time counts
     * as free (moving a 10:00 leak repair an hour later must not collide with itself). Empty for another
     * business's appointment.
     */
    List<TimeSlot> freeSlotsForMove(BusinessId business, AppointmentId moving, LocalDate date);

    /** Books, or explains why not with the nearest alternatives. */
    BookingResult book(BusinessId business, Booking booking);

    /** Moves an appointment, or explains why not with the nearest alternatives. */
    BookingResult reschedule(BusinessId business, AppointmentId appointment, Instant newStart);

    /** Cancels an appointment; empty when the business has no such appointment. */
    Optional<Appointment> cancel(BusinessId business, AppointmentId appointment);

    /** A caller's own appointments that have not ended yet, found by their phone number. */
    List<Appointment> upcomingFor(BusinessId business, PhoneNumber phone);

    /** Every appointment of this phone number, in any status, newest start first, at most {@code limit}. */
    List<Appointment> history(BusinessId business, PhoneNumber phone, int limit);

    /**
     * Removes the personal data of this phone number's appointments (name, phone, email, notes), keeping
     * the appointments themselves; returns how many were changed.
     */
    int forgetCustomer(BusinessId business, PhoneNumber phone);

    /** The business's appointment with this id, in any status; empty for another business's id. */
    Optional<Appointment> find(BusinessId business, AppointmentId appointment);

    /** Live appointments (scheduled or confirmed) overlapping [from, to), by start time. */
    List<Appointment> live(BusinessId business, Instant from, Instant to);

    /** One page of the live appointments overlapping [from, to), by start time, with how many there are. */
    PageResponse<Appointment> live(BusinessId business, Instant from, Instant to, PageQuery page);

    /** How many appointments were booked (created, in any status now) in [from, to). */
    long bookedBetween(BusinessId business, Instant from, Instant to);

    /**
     * How many appointments were booked (created, in any status now) on each day of [from, to), the days
     * those of {@code zone}; a day with none is not in the map.
     */
    java.util.SortedMap<java.time.LocalDate, Long> bookedPerDay(
            BusinessId business, Instant from, Instant to, java.time.ZoneId zone);

    /**
     * How many appointments each business booked (created) in [from, to), for the operator's usage figures:
     * one query over every business; a business with none is not in the map.
     */
    java.util.Map<BusinessId, Long> bookedByBusiness(Instant from, Instant to);

    /** What to book. */
    record Booking(
            String service, Instant start, Customer customer, String notes, boolean emergency, String sourceChannel) {}

    /** The outcome of booking or moving. */
    sealed interface BookingResult {}

    /** Done. */
    record Booked(Appointment appointment) implements BookingResult {}

    /**
     * Not possible: {@code reason} is one of taken, day_full, outside_hours, closed, too_soon,
     * beyond_horizon, reserved_for_emergencies, unknown_service, not_found, not_active.
     */
    record Unavailable(String reason, List<TimeSlot> alternatives) implements BookingResult {}
}
