package dev.frontdesk.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.scheduling.availability.Verdict.Reason;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants over random businesses: hours with gaps and 24:00 ends, zones with DST changes near {@code
 * now}, staff with their own hours, appointments and external busy time, every rule switched on or off.
 */
class AvailabilityPropertiesTest {

    static final int TRIES = 200;

    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/New_York"),
            ZoneId.of("Europe/London"),
            ZoneId.of("Australia/Sydney"),
            ZoneId.of("UTC"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Pacific/Chatham"));

    /** Days shortly before DST changes in the zones above (and one ordinary day). */
    static final List<Instant> BASES = List.of(
            Instant.parse("2026-03-05T00:00:00Z"),
            Instant.parse("2026-03-26T00:00:00Z"),
            Instant.parse("2026-04-02T00:00:00Z"),
            Instant.parse("2026-09-24T00:00:00Z"),
            Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-10-22T00:00:00Z"),
            Instant.parse("2026-10-29T00:00:00Z"),
            Instant.parse("2026-06-10T00:00:00Z"));

    final AvailabilityEngine engine = new AvailabilityEngine();

    record Scenario(AvailabilityQuery query, List<Busy> busy) {

        ZoneId zone() {
            return query.zone();
        }

        LocalDate today() {
            return LocalDate.ofInstant(query.now(), zone());
        }

        LocalDate lastDate() {
            return today().plusDays(query.horizonDays());
        }

        /** A little wider than what can have slots, to see that nothing leaks out. */
        List<Slot> slots(AvailabilityEngine engine) {
            return engine.freeSlots(query, today().minusDays(1), lastDate().plusDays(1));
        }

        LocalDate dateOf(Instant instant) {
            return LocalDate.ofInstant(instant, zone());
        }

        Instant instant(LocalDate date, LocalTime time) {
            return time.equals(LocalTime.MAX)
                    ? date.plusDays(1).atStartOfDay(zone()).toInstant()
                    : ZonedDateTime.of(date, time, zone()).toInstant();
        }

        boolean inside(List<TimeRange> ranges, LocalDate date, Instant start, Instant end) {
            return ranges.stream()
                    .anyMatch(r -> !start.isBefore(instant(date, r.start())) && !end.isAfter(instant(date, r.end())));
        }

        StaffMember staffMember(String id) {
            return query.staff().stream()
                    .filter(m -> m.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        }

        /** Busy items that block the staff member, or the whole business when {@code staffId} is null. */
        List<Busy> blocking(String staffId) {
            return busy.stream()
                    .filter(b -> staffId == null
                            || b.staffId() == null
                            || b.staffId().equals(staffId))
                    .toList();
        }

        boolean conflicts(Instant start, Instant end, String staffId) {
            Instant from = start.minus(query.bufferBefore());
            Instant to = end.plus(query.bufferAfter());
            for (Busy b : blocking(staffId)) {
                Instant bs = b.appointment() ? b.start().minus(query.bufferBefore()) : b.start();
                Instant be = b.appointment() ? b.end().plus(query.bufferAfter()) : b.end();
                if (from.isBefore(be) && bs.isBefore(to)) {
                    return true;
                }
            }
            return false;
        }

        long appointmentsOn(LocalDate date) {
            return busy.stream()
                    .filter(Busy::appointment)
                    .filter(b -> dateOf(b.start()).equals(date))
                    .count();
        }

        /** The rules written out plainly, for a business without staff. */
        Reason oracle(Instant start) {
            var q = query;
            Instant end = start.plus(q.duration());
            if (start.isBefore(q.now())
                    || (!q.emergency() && start.isBefore(q.now().plus(q.minimumNotice())))) {
                return Reason.TOO_SOON;
            }
            LocalDate date = dateOf(start);
            if (date.isAfter(lastDate())) {
                return Reason.BEYOND_HORIZON;
            }
            if (q.closedDates().contains(date)) {
                return Reason.CLOSED;
            }
            if (!inside(q.hours().on(date.getDayOfWeek()), date, start, end) && !continues(date, start, end)) {
                return Reason.OUTSIDE_HOURS;
            }
            if (!q.emergency()
                    && q.morningReserve() != null
                    && start.isBefore(instant(date, q.morningReserve().cutoff()))) {
                return Reason.RESERVED_FOR_EMERGENCIES;
            }
            if (!q.emergency() && q.maxJobsPerDay() != null && appointmentsOn(date) >= q.maxJobsPerDay()) {
                return Reason.DAY_FULL;
            }
            return conflicts(start, end, null) ? Reason.TAKEN : Reason.FREE;
        }

        /**
         * Whether [start, end) runs from a range of {@code date} that ends at midnight into a range of the
         * next (open) date that starts at midnight.
         */
        boolean continues(LocalDate date, Instant start, Instant end) {
            LocalDate next = date.plusDays(1);
            Instant midnight = next.atStartOfDay(query.zone()).toInstant();
            if (!end.isAfter(midnight)
                    || !start.isBefore(midnight)
                    || query.closedDates().contains(next)) {
                return false;
            }
            return inside(query.hours().on(date.getDayOfWeek()), date, start, midnight)
                    && inside(query.hours().on(next.getDayOfWeek()), next, midnight, end);
        }

        /** Every grid start of every opening range from yesterday to the day after the horizon. */
        List<Instant> gridStarts() {
            List<Instant> starts = new ArrayList<>();
            for (LocalDate d = today().minusDays(1); !d.isAfter(lastDate().plusDays(1)); d = d.plusDays(1)) {
                Instant midnight = d.plusDays(1).atStartOfDay(query.zone()).toInstant();
                for (TimeRange r : query.hours().on(d.getDayOfWeek())) {
                    Instant end = instant(d, r.end());
                    List<TimeRange> following = query.hours().on(d.plusDays(1).getDayOfWeek());
                    if (end.equals(midnight)
                            && !query.closedDates().contains(d.plusDays(1))
                            && !following.isEmpty()
                            && instant(d.plusDays(1), following.getFirst().start())
                                    .equals(midnight)) {
                        end = instant(d.plusDays(1), following.getFirst().end());
                    }
                    for (Instant s = instant(d, r.start());
                            !s.plus(query.duration()).isAfter(end) && s.isBefore(midnight);
                            s = s.plus(query.granularity())) {
                        starts.add(s);
                    }
                }
            }
            return starts;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Properties

    @Property(tries = TRIES)
    void everySlotLiesWithinWorkingHours(@ForAll("scenarios") Scenario scenario) {
        for (Slot slot : scenario.slots(engine)) {
            LocalDate date = scenario.dateOf(slot.start());
            DayOfWeek day = date.getDayOfWeek();
            assertThat(scenario.inside(scenario.query().hours().on(day), date, slot.start(), slot.end())
                            || scenario.continues(date, slot.start(), slot.end()))
                    .as("%s within the business hours of %s", slot, date)
                    .isTrue();
            if (slot.staffId() != null) {
                WeeklyHours own = scenario.staffMember(slot.staffId()).hours();
                if (own != null) {
                    assertThat(scenario.inside(own.on(day), date, slot.start(), slot.end()))
                            .as("%s within the staff member's hours", slot)
                            .isTrue();
                }
            }
            assertThat(Duration.between(slot.start(), slot.end()))
                    .isEqualTo(scenario.query().duration());
        }
    }

    @Property(tries = TRIES)
    void noSlotOverlapsBusyTimeWithItsBuffers(@ForAll("scenarios") Scenario scenario) {
        for (Slot slot : scenario.slots(engine)) {
            assertThat(scenario.conflicts(slot.start(), slot.end(), slot.staffId()))
                    .as("%s conflicts", slot)
                    .isFalse();
        }
    }

    @Property(tries = TRIES)
    void slotsRespectThePastNoticeHorizonAndClosedDates(@ForAll("scenarios") Scenario scenario) {
        var q = scenario.query();
        for (Slot slot : scenario.slots(engine)) {
            LocalDate date = scenario.dateOf(slot.start());
            assertThat(slot.start()).isAfterOrEqualTo(q.now());
            if (!q.emergency()) {
                assertThat(slot.start()).isAfterOrEqualTo(q.now().plus(q.minimumNotice()));
            }
            assertThat(date).isBetween(scenario.today(), scenario.lastDate());
            assertThat(q.closedDates()).doesNotContain(date);
        }
    }

    @Property(tries = TRIES)
    void noDayGoesOverItsCapAndTheReserveIsKeptForEmergencies(@ForAll("scenarios") Scenario scenario) {
        var q = scenario.query();
        if (q.emergency()) {
            return;
        }
        for (Slot slot : scenario.slots(engine)) {
            LocalDate date = scenario.dateOf(slot.start());
            if (q.maxJobsPerDay() != null) {
                assertThat(scenario.appointmentsOn(date)).isLessThan(q.maxJobsPerDay());
            }
            if (q.morningReserve() != null) {
                assertThat(slot.start())
                        .isAfterOrEqualTo(
                                scenario.instant(date, q.morningReserve().cutoff()));
            }
        }
    }

    @Property(tries = TRIES)
    void slotsAreChronologicalWithOneSlotPerStart(@ForAll("scenarios") Scenario scenario) {
        List<Slot> slots = scenario.slots(engine);
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).isAfter(slots.get(i - 1).start());
        }
        boolean staffed = !scenario.query().staff().isEmpty();
        assertThat(slots).allSatisfy(s -> assertThat(s.staffId() != null).isEqualTo(staffed));
        if (scenario.query().requestedStaffId() != null) {
            assertThat(slots)
                    .allSatisfy(s ->
                            assertThat(s.staffId()).isEqualTo(scenario.query().requestedStaffId()));
        }
    }

    @Property(tries = TRIES)
    void everySlotChecksAsFreeWithTheSameStaffMember(@ForAll("scenarios") Scenario scenario) {
        for (Slot slot : scenario.slots(engine)) {
            assertThat(engine.check(scenario.query(), slot.start()))
                    .isEqualTo(new Verdict(Reason.FREE, slot.staffId()));
        }
    }

    @Property(tries = TRIES)
    void withoutStaffTheEngineAgreesWithThePlainRules(@ForAll("scenarios") Scenario staffed) {
        var scenario = new Scenario(
                staffed.query().toBuilder()
                        .staff(List.of())
                        .requestedStaffId(null)
                        .build(),
                staffed.busy());
        Set<Instant> free = new HashSet<>();
        for (Slot slot : scenario.slots(engine)) {
            free.add(slot.start());
        }
        Set<Instant> expected = new TreeSet<>();
        for (Instant start : scenario.gridStarts()) {
            Reason reason = scenario.oracle(start);
            if (reason == Reason.FREE) {
                expected.add(start);
            }
            assertThat(engine.check(scenario.query(), start).reason())
                    .as("check(%s)", start)
                    .isEqualTo(reason);
            Instant offGrid = start.plus(Duration.ofMinutes(7));
            assertThat(engine.check(scenario.query(), offGrid).reason())
                    .as("check(%s)", offGrid)
                    .isEqualTo(scenario.oracle(offGrid));
        }
        assertThat(free).isEqualTo(expected);
    }

    @Property(tries = TRIES)
    void alternativesAreFreeNearestFirstAndNeverTheRequestedStart(
            @ForAll("scenarios") Scenario scenario,
            @ForAll @IntRange(min = -100, max = 1500) int quarterHours,
            @ForAll @IntRange(min = 1, max = 12) int count) {
        var q = scenario.query();
        List<Instant> requests = new ArrayList<>();
        requests.add(q.now().plus(Duration.ofMinutes(15L * quarterHours)));
        scenario.slots(engine).stream().findFirst().map(Slot::start).ifPresent(requests::add);
        for (Instant requested : requests) {
            List<Slot> alternatives = engine.alternatives(q, requested, count);

            assertThat(alternatives).hasSizeLessThanOrEqualTo(count);
            assertThat(alternatives)
                    .extracting(Slot::start)
                    .doesNotContain(requested)
                    .doesNotHaveDuplicates();
            for (Slot slot : alternatives) {
                assertThat(engine.check(q, slot.start())).isEqualTo(new Verdict(Reason.FREE, slot.staffId()));
            }
            LocalDate day = scenario.dateOf(requested);
            List<Slot> sameDay = alternatives.stream()
                    .filter(s -> scenario.dateOf(s.start()).equals(day))
                    .toList();
            List<Slot> later = alternatives.subList(sameDay.size(), alternatives.size());
            assertThat(alternatives.subList(0, sameDay.size())).isEqualTo(sameDay);
            for (int i = 1; i < sameDay.size(); i++) {
                assertThat(Duration.between(requested, sameDay.get(i).start()).abs())
                        .isGreaterThanOrEqualTo(
                                Duration.between(requested, sameDay.get(i - 1).start())
                                        .abs());
            }
            assertThat(later)
                    .allSatisfy(s -> assertThat(scenario.dateOf(s.start())).isAfter(day));
            assertThat(later).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
            if (alternatives.size() < count) {
                // nothing was left out: every other free slot from the requested day on is offered
                long free = scenario.slots(engine).stream()
                        .filter(s -> !scenario.dateOf(s.start()).isBefore(day))
                        .filter(s -> !s.start().equals(requested))
                        .count();
                assertThat(alternatives).hasSize((int) free);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Arbitraries

    record Shape(
            ZoneId zone,
            WeeklyHours hours,
            List<StaffMember> staff,
            Duration duration,
            Duration granularity,
            Duration before,
            Duration after) {}

    record Rules(
            Duration notice,
            int horizonDays,
            Integer cap,
            MorningReserve reserve,
            boolean emergency,
            int requested,
            Set<Integer> closedOffsets) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Shape> shapes = Combinators.combine(
                        Arbitraries.of(ZONES),
                        weeklyHours(),
                        staff(),
                        minutes(15, 30, 45, 50, 60, 90, 120, 240),
                        minutes(5, 15, 20, 30, 45, 60),
                        minutes(0, 0, 5, 15, 30, 60),
                        minutes(0, 0, 5, 15, 30, 60))
                .as(Shape::new);
        Arbitrary<Rules> rules = Combinators.combine(
                        minutes(0, 0, 30, 120, 1440),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 4).injectNull(0.5),
                        Arbitraries.of(
                                        LocalTime.of(7, 0),
                                        LocalTime.of(9, 30),
                                        LocalTime.of(12, 0),
                                        LocalTime.of(2, 30))
                                .map(MorningReserve::new)
                                .injectNull(0.6),
                        Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)),
                        Arbitraries.integers().between(-3, 2),
                        Arbitraries.integers().between(-1, 11).set().ofMaxSize(2))
                .as(Rules::new);
        return Combinators.combine(nows(), shapes, rules)
                .flatAs((now, shape, rule) -> busy(now).map(busy -> scenario(now, shape, rule, busy)));
    }

    static Scenario scenario(Instant now, Shape shape, Rules rules, List<Busy> busy) {
        LocalDate today = LocalDate.ofInstant(now, shape.zone());
        Set<LocalDate> closed = new HashSet<>();
        rules.closedOffsets().forEach(offset -> closed.add(today.plusDays(offset)));
        String requested =
                rules.requested() >= 0 && rules.requested() < shape.staff().size()
                        ? shape.staff().get(rules.requested()).id()
                        : null;
        var query = AvailabilityQuery.builder(shape.zone(), shape.hours(), now)
                .closedDates(closed)
                .staff(shape.staff())
                .requestedStaffId(requested)
                .busy(BusyIndex.of(busy))
                .duration(shape.duration())
                .granularity(shape.granularity())
                .buffers(shape.before(), shape.after())
                .minimumNotice(rules.notice())
                .horizonDays(rules.horizonDays())
                .maxJobsPerDay(rules.cap())
                .morningReserve(rules.reserve())
                .emergency(rules.emergency())
                .build();
        return new Scenario(query, busy);
    }

    static Arbitrary<Duration> minutes(Integer... values) {
        return Arbitraries.of(values).map(Duration::ofMinutes);
    }

    /** Some days up to four days after a base, sometimes with a fraction of a second. */
    static Arbitrary<Instant> nows() {
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 999_999_999)));
        return Combinators.combine(Arbitraries.of(BASES), Arbitraries.longs().between(0, 4 * 86_400), nanos)
                .as((base, seconds, nano) -> base.plusSeconds(seconds).plusNanos(nano));
    }

    /** A day's hours: up to three ranges on quarter hours, with gaps between them; 96 is 24:00. */
    static Arbitrary<List<TimeRange>> dayHours() {
        return Arbitraries.integers().between(0, 96).set().ofMaxSize(6).map(points -> {
            List<Integer> sorted = new ArrayList<>(new TreeSet<>(points));
            List<TimeRange> ranges = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                ranges.add(new TimeRange(quarter(sorted.get(i)), quarter(sorted.get(i + 1))));
            }
            return ranges;
        });
    }

    static LocalTime quarter(int quarter) {
        return quarter == 96 ? LocalTime.MAX : LocalTime.of(quarter / 4, (quarter % 4) * 15);
    }

    static Arbitrary<WeeklyHours> weeklyHours() {
        return dayHours().list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<TimeRange>> map = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                map.put(DayOfWeek.of(i + 1), days.get(i));
            }
            return new WeeklyHours(map);
        });
    }

    static Arbitrary<List<StaffMember>> staff() {
        return weeklyHours().injectNull(0.5).list().ofMaxSize(3).map(hours -> {
            List<StaffMember> staff = new ArrayList<>();
            for (int i = 0; i < hours.size(); i++) {
                staff.add(new StaffMember("s" + i, hours.get(i)));
            }
            return staff;
        });
    }

    /** Appointments and external busy time from two days before {@code now} to twelve days after. */
    static Arbitrary<List<Busy>> busy(Instant now) {
        Instant origin = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return Combinators.combine(
                        Arbitraries.integers().between(-2 * 288, 12 * 288),
                        Arbitraries.integers().between(1, 60),
                        Arbitraries.of("s0", "s1", "s2", "other").injectNull(0.3),
                        Arbitraries.of(true, false))
                .as((fiveMinutes, length, staffId, appointment) -> {
                    Instant start = origin.plus(Duration.ofMinutes(5L * fiveMinutes));
                    return new Busy(start, start.plus(Duration.ofMinutes(5L * length)), staffId, appointment);
                })
                .list()
                .ofMaxSize(40);
    }
}
