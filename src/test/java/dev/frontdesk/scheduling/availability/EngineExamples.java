package dev.frontdesk.scheduling.availability;

import static dev.frontdesk.scheduling.availability.Fixtures.MONDAY;
import static dev.frontdesk.scheduling.availability.Fixtures.NEW_YORK;
import static dev.frontdesk.scheduling.availability.Fixtures.at;
import static dev.frontdesk.scheduling.availability.Fixtures.weekdays;

import dev.frontdesk.tenants.WeeklyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The business of the example tests: New York, Monday 1 June 2026, asked on the Sunday before at noon. */
final class EngineExamples {

    private EngineExamples() {}

    static final LocalDate TUESDAY = MONDAY.plusDays(1);
    static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    static final LocalDate THURSDAY = MONDAY.plusDays(3);
    /** Sunday noon before {@link Fixtures#MONDAY}. */
    static final Instant SUNDAY_NOON = at("2026-05-31T12:00", NEW_YORK);

    static AvailabilityQuery.Builder query(WeeklyHours hours) {
        return AvailabilityQuery.builder(NEW_YORK, hours, SUNDAY_NOON);
    }

    static AvailabilityQuery.Builder nineToFive() {
        return query(weekdays("09:00-17:00"));
    }

    static Instant monday(String time) {
        return at(MONDAY, time, NEW_YORK);
    }

    static BusyIndex busy(Busy... items) {
        return BusyIndex.of(List.of(items));
    }

    static Busy appointment(String from, String to) {
        return Busy.appointment(monday(from), monday(to), null);
    }
}
