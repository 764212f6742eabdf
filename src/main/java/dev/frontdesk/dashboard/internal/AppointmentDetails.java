package dev.frontdesk.dashboard.internal;

import dev.frontdesk.directory.Directory;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.AppointmentId;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An appointment's details and the booking form filled from a link, for the Appointments page and its fragments. */
@Component
class AppointmentDetails {

    private final Scheduling scheduling;
    private final Directory directory;
    private final Clock clock;

    AppointmentDetails(Scheduling scheduling, Directory directory, Clock clock) {
        this.scheduling = scheduling;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * An appointment as its details show it; {@code week} is the Monday of its week, {@code live} whether it
     * still holds its time (only then can it be moved or cancelled).
     */
    record Detail(Views.AppointmentRow row, String staff, String channel, String notes, boolean live, String week) {}

    /** The business's appointment with this id, in any status; empty for an id of another business. */
    Optional<Detail> detail(Business business, String id) {
        return AppointmentId.parse(id)
                .flatMap(appointmentId -> scheduling.find(business.id(), appointmentId))
                .map(a -> new Detail(
                        Views.row(a, business.timezone()),
                        staffName(business, a),
                        Views.channel(a.sourceChannel()),
                        a.notes(),
                        a.status().holdsTime(),
                        WeekCalendar.mondayOf(a.start(), business.timezone())));
    }

    /** The booking form filled with a date and time read from a link (tomorrow at 10:00 when unreadable). */
    AppointmentsController.BookingForm prefilled(Business business, String date, String time) {
        String service = business.services().isEmpty()
                ? ""
                : business.services().getFirst().name();
        String day = WeekCalendar.date(date)
                .orElse(LocalDate.now(clock.withZone(business.timezone())).plusDays(1))
                .toString();
        String at;
        try {
            at = LocalTime.parse(time == null ? "" : time)
                    .withSecond(0)
                    .withNano(0)
                    .toString();
        } catch (DateTimeParseException e) {
            at = "10:00";
        }
        return new AppointmentsController.BookingForm(service, day, at, "", "");
    }

    static List<String> services(Business business) {
        return business.services().stream().map(ServiceOffering::name).toList();
    }

    private String staffName(Business business, Appointment a) {
        if (a.staffId() == null) {
            return null;
        }
        return directory.staff(business.id(), clock.instant()).employees().stream()
                .filter(e -> e.id().toString().equals(a.staffId()))
                .map(Directory.StaffMember::name)
                .findFirst()
                .orElse(null);
    }
}
