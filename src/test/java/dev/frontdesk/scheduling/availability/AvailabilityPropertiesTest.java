package dev.frontdesk.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Configuration;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Invariants over random businesses: hours with gaps and 24:00 ends, zones with DST changes near {@code
 * now}, staff with their own hours, appointments and external busy time, every rule switched on or off.
 *
 * <p>Property-based with QuickTheories. Each property checks at least {@value #EXAMPLES} generated
 * businesses from a fixed seed ({@link #SEED} mixed with the test's name, so the properties see different
 * businesses), so every run checks the same cases. A failure reports the smallest failing case it could
 * shrink to and {@code Seed was …}; rerun a property with that seed, or try another one, with {@code
 * -DQT_SEED=…}.
 */
class AvailabilityPropertiesTest {

    static final int EXAMPLES = 200;

    /**
     * How many cases QuickTheories is asked for: it skips (but counts) a case it has already seen, so a few
     * more than {@link #EXAMPLES} make sure that many different ones are checked.
     */
    static final int CASES_ASKED = EXAMPLES + 10;

    static final long SEED = 0x5EED_2026_0305L;

    /** Enough to shrink a failing case without a failure taking minutes. */
    static final int SHRINK_CYCLES = 1_000;

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

    long seed;

    @BeforeEach
    void pickSeed(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        seed = Long.getLong(Configuration.SEED, SEED ^ name.hashCode());
    }

    /**
     * Checks {@code property} against at least {@value #EXAMPLES} cases drawn from {@code cases} with this
     * test's seed. QuickTheories names the seed when the property fails; an error while generating names it
     * here.
     */
    <T> void forAll(Gen<T> cases, Consumer<T> property) {
        AtomicInteger examples = new AtomicInteger();
        try {
            qt().withFixedSeed(seed)
                    .withExamples(CASES_ASKED)
                    .withShrinkCycles(SHRINK_CYCLES)
                    .forAll(cases)
                    .checkAssert(value -> {
                        examples.incrementAndGet();
                        property.accept(value);
                    });
        } catch (RuntimeException e) {
            throw new AssertionError("Seed was " + seed, e);
        }
        // QuickTheories skips a case it has already seen: make sure enough different ones were checked
        assertThat(examples.get()).as("cases checked (seed %d)", seed).isGreaterThanOrEqualTo(EXAMPLES);
    }

    @Test
    void everySlotLiesWithinWorkingHours() {
        forAll(scenarios(), scenario -> {
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
        });
    }

    @Test
    void noSlotOverlapsBusyTimeWithItsBuffers() {
        forAll(scenarios(), scenario -> {
            for (Slot slot : scenario.slots(engine)) {
                assertThat(scenario.conflicts(slot.start(), slot.end(), slot.staffId()))
                        .as("%s conflicts", slot)
                        .isFalse();
            }
        });
    }

    @Test
    void slotsRespectThePastNoticeHorizonAndClosedDates() {
        forAll(scenarios(), scenario -> {
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
        });
    }

    @Test
    void noDayGoesOverItsCapAndTheReserveIsKeptForEmergencies() {
        forAll(scenarios(), scenario -> {
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
        });
    }

    @Test
    void slotsAreChronologicalWithOneSlotPerStart() {
        forAll(scenarios(), scenario -> {
            List<Slot> slots = scenario.slots(engine);
            for (int i = 1; i < slots.size(); i++) {
                assertThat(slots.get(i).start()).isAfter(slots.get(i - 1).start());
            }
            boolean staffed = !scenario.query().staff().isEmpty();
            assertThat(slots).allSatisfy(s -> assertThat(s.staffId() != null).isEqualTo(staffed));
            if (scenario.query().requestedStaffId() != null) {
                assertThat(slots)
                        .allSatisfy(s -> assertThat(s.staffId())
                                .isEqualTo(scenario.query().requestedStaffId()));
            }
        });
    }

    @Test
    void everySlotChecksAsFreeWithTheSameStaffMember() {
        forAll(scenarios(), scenario -> {
            for (Slot slot : scenario.slots(engine)) {
                assertThat(engine.check(scenario.query(), slot.start()))
                        .isEqualTo(new Verdict(Reason.FREE, slot.staffId()));
            }
        });
    }

    @Test
    void withoutStaffTheEngineAgreesWithThePlainRules() {
        forAll(scenarios(), staffed -> {
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
        });
    }

    /** A request for alternatives: {@code quarterHours} after {@code now}, asking for {@code count}. */
    record Request(Scenario scenario, int quarterHours, int count) {}

    @Test
    void alternativesAreFreeNearestFirstAndNeverTheRequestedStart() {
        Gen<Request> requests =
                scenarios().zip(integers().between(-100, 1500), integers().between(1, 12), Request::new);
        forAll(requests, request -> {
            var scenario = request.scenario();
            int count = request.count();
            var q = scenario.query();
            List<Instant> starts = new ArrayList<>();
            starts.add(q.now().plus(Duration.ofMinutes(15L * request.quarterHours())));
            scenario.slots(engine).stream().findFirst().map(Slot::start).ifPresent(starts::add);
            for (Instant requested : starts) {
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
                    assertThat(Duration.between(requested, sameDay.get(i).start())
                                    .abs())
                            .isGreaterThanOrEqualTo(Duration.between(
                                            requested, sameDay.get(i - 1).start())
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
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Generators

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

    static Gen<Scenario> scenarios() {
        Gen<ZoneId> zones = arbitrary().pick(ZONES);
        Gen<WeeklyHours> hours = weeklyHours();
        Gen<List<StaffMember>> staff = staff();
        Gen<Duration> durations = minutes(15, 30, 45, 50, 60, 90, 120, 240);
        Gen<Duration> granularities = minutes(5, 15, 20, 30, 45, 60);
        Gen<Duration> buffers = minutes(0, 0, 5, 15, 30, 60);
        Gen<Shape> shapes = in -> new Shape(
                zones.generate(in),
                hours.generate(in),
                staff.generate(in),
                durations.generate(in),
                granularities.generate(in),
                buffers.generate(in),
                buffers.generate(in));

        Gen<Duration> notices = minutes(0, 0, 30, 120, 1440);
        Gen<Integer> horizons = integers().between(0, 10);
        Gen<Integer> caps = orNull(integers().between(0, 4), 50);
        Gen<MorningReserve> reserves = orNull(
                arbitrary()
                        .pick(LocalTime.of(7, 0), LocalTime.of(9, 30), LocalTime.of(12, 0), LocalTime.of(2, 30))
                        .map(MorningReserve::new),
                60);
        Gen<Boolean> emergencies = Generate.frequency(
                Pair.of(1, arbitrary().constant(true)), Pair.of(3, arbitrary().constant(false)));
        Gen<Integer> requestedStaff = integers().between(-3, 2);
        Gen<Set<Integer>> closedOffsets = distinctIntegers(-1, 11, 2);
        Gen<Rules> rules = in -> new Rules(
                notices.generate(in),
                horizons.generate(in),
                caps.generate(in),
                reserves.generate(in),
                emergencies.generate(in),
                requestedStaff.generate(in),
                closedOffsets.generate(in));

        Gen<Instant> nows = nows();
        return in -> {
            Instant now = nows.generate(in);
            Shape shape = shapes.generate(in);
            Rules rule = rules.generate(in);
            return scenario(now, shape, rule, busy(now).generate(in));
        };
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

    static Gen<Duration> minutes(Integer... values) {
        return arbitrary().pick(values).map(Duration::ofMinutes);
    }

    /** {@code values}, or null in {@code percent} out of a hundred cases. */
    static <T> Gen<T> orNull(Gen<T> values, int percent) {
        Gen<T> none = in -> null;
        return values.mix(none, percent);
    }

    /** Up to {@code maxSize} different integers from {@code min} to {@code max}, drawn without replacement. */
    static Gen<Set<Integer>> distinctIntegers(int min, int max, int maxSize) {
        Gen<Integer> sizes = integers().between(0, maxSize);
        return in -> {
            List<Integer> pool = IntStream.rangeClosed(min, max).boxed().collect(Collectors.toList());
            Set<Integer> picked = new TreeSet<>();
            for (int size = sizes.generate(in); picked.size() < size; ) {
                int index = integers().between(0, pool.size() - 1).generate(in);
                picked.add(pool.remove(index));
            }
            return picked;
        };
    }

    /** Some days up to four days after a base, sometimes with a fraction of a second. */
    static Gen<Instant> nows() {
        Gen<Instant> bases = arbitrary().pick(BASES);
        Gen<Long> seconds = longs().between(0, 4 * 86_400);
        Gen<Integer> nanos = Generate.frequency(
                Pair.of(3, arbitrary().constant(0)), Pair.of(1, integers().between(1, 999_999_999)));
        return bases.zip(
                seconds, nanos, (base, second, nano) -> base.plusSeconds(second).plusNanos(nano));
    }

    /** A day's hours: up to three ranges on quarter hours, with gaps between them; 96 is 24:00. */
    static Gen<List<TimeRange>> dayHours() {
        return distinctIntegers(0, 96, 6).map(points -> {
            List<Integer> sorted = new ArrayList<>(points);
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

    static Gen<WeeklyHours> weeklyHours() {
        return lists().of(dayHours()).ofSize(7).map(days -> {
            Map<DayOfWeek, List<TimeRange>> map = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                map.put(DayOfWeek.of(i + 1), days.get(i));
            }
            return new WeeklyHours(map);
        });
    }

    static Gen<List<StaffMember>> staff() {
        return lists().of(orNull(weeklyHours(), 50)).ofSizeBetween(0, 3).map(hours -> {
            List<StaffMember> staff = new ArrayList<>();
            for (int i = 0; i < hours.size(); i++) {
                staff.add(new StaffMember("s" + i, hours.get(i)));
            }
            return staff;
        });
    }

    /** Appointments and external busy time from two days before {@code now} to twelve days after. */
    static Gen<List<Busy>> busy(Instant now) {
        Instant origin = now.truncatedTo(ChronoUnit.MINUTES);
        Gen<Integer> fiveMinutes = integers().between(-2 * 288, 12 * 288);
        Gen<Integer> lengths = integers().between(1, 60);
        Gen<String> staffIds = orNull(arbitrary().pick("s0", "s1", "s2", "other"), 30);
        Gen<Boolean> appointments = booleans().all();
        Gen<Busy> items = fiveMinutes.zip(lengths, staffIds, appointments, (offset, length, staffId, appointment) -> {
            Instant start = origin.plus(Duration.ofMinutes(5L * offset));
            return new Busy(start, start.plus(Duration.ofMinutes(5L * length)), staffId, appointment);
        });
        return lists().of(items).ofSizeBetween(0, 40);
    }
}
