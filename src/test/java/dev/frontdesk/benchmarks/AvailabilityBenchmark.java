package dev.frontdesk.benchmarks;

import dev.frontdesk.scheduling.availability.AvailabilityEngine;
import dev.frontdesk.scheduling.availability.AvailabilityQuery;
import dev.frontdesk.scheduling.availability.Busy;
import dev.frontdesk.scheduling.availability.BusyIndex;
import dev.frontdesk.scheduling.availability.Slot;
import dev.frontdesk.scheduling.availability.StaffMember;
import dev.frontdesk.scheduling.availability.Verdict;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The availability engine on a busy business: 50 staff, a year of appointments (about six per staff member
 * per working day), Mon-Fri 08:00-17:00 and Sat 09:00-13:00 in New York, a 60-minute service on a
 * 30-minute grid with 15-minute buffers on both sides. Target: a 14-day search under 2 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AvailabilityBenchmark {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final int STAFF = 50;
    static final int APPOINTMENTS_PER_DAY = 6;

    final AvailabilityEngine engine = new AvailabilityEngine();
    AvailabilityQuery query;
    LocalDate tomorrow;
    Instant requested;

    @Setup
    public void setUp() {
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            days.put(day, List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(17, 0))));
        }
        days.put(DayOfWeek.SATURDAY, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(13, 0))));
        WeeklyHours hours = new WeeklyHours(days);

        Random random = new Random(42);
        List<StaffMember> staff = new ArrayList<>();
        List<Busy> busy = new ArrayList<>();
        for (int s = 0; s < STAFF; s++) {
            String id = "staff-" + s;
            staff.add(StaffMember.withBusinessHours(id));
            for (LocalDate date = LocalDate.of(2026, 1, 1); date.getYear() == 2026; date = date.plusDays(1)) {
                List<TimeRange> open = hours.on(date.getDayOfWeek());
                if (open.isEmpty()) {
                    continue;
                }
                TimeRange range = open.get(0);
                int hoursOpen = range.end().getHour() - range.start().getHour();
                int jobs = Math.min(APPOINTMENTS_PER_DAY, hoursOpen - 1);
                // distinct hour starts, so a staff member's own jobs never overlap
                List<Integer> starts = new ArrayList<>();
                for (int h = 0; h < hoursOpen; h++) {
                    starts.add(h);
                }
                java.util.Collections.shuffle(starts, random);
                for (int j = 0; j < jobs; j++) {
                    ZonedDateTime start = ZonedDateTime.of(date, range.start().plusHours(starts.get(j)), ZONE);
                    busy.add(Busy.appointment(
                            start.toInstant(), start.plusHours(1).toInstant(), id));
                }
            }
        }
        // a few business-wide external blocks (meetings), one a week
        for (LocalDate date = LocalDate.of(2026, 1, 5); date.getYear() == 2026; date = date.plusWeeks(1)) {
            ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(8, 0), ZONE);
            busy.add(Busy.external(start.toInstant(), start.plusMinutes(30).toInstant(), null));
        }

        Instant now = ZonedDateTime.of(LocalDate.of(2026, 6, 15), LocalTime.of(11, 0), ZONE)
                .toInstant();
        tomorrow = LocalDate.of(2026, 6, 16);
        requested = ZonedDateTime.of(tomorrow, LocalTime.of(10, 0), ZONE).toInstant();
        query = AvailabilityQuery.builder(ZONE, hours, now)
                .staff(staff)
                .busy(BusyIndex.of(busy))
                .duration(Duration.ofMinutes(60))
                .granularity(Duration.ofMinutes(30))
                .buffers(Duration.ofMinutes(15), Duration.ofMinutes(15))
                .minimumNotice(Duration.ofHours(2))
                .horizonDays(60)
                .build();
    }

    @Benchmark
    public List<Slot> oneDay() {
        return engine.freeSlots(query, tomorrow);
    }

    @Benchmark
    public List<Slot> fourteenDays() {
        return engine.freeSlots(query, tomorrow, tomorrow.plusDays(13));
    }

    @Benchmark
    public Verdict check() {
        return engine.check(query, requested);
    }
}
