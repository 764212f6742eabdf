package dev.frontdesk.scheduling.availability;

import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small helpers that keep the tests readable. */
final class Fixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    static final DayOfWeek[] WEEKDAYS = {
        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY
    };

    /** A Monday. */
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

    private Fixtures() {}

    /** {@code "09:00-12:00"}, {@code "13:00-24:00"}. */
    static TimeRange range(String text) {
        return TimeRange.parse(text).orElseThrow(() -> new IllegalArgumentException(text));
    }

    static WeeklyHours hours(Map<DayOfWeek, List<TimeRange>> days) {
        return new WeeklyHours(days);
    }

    /** The same ranges Monday to Friday. */
    static WeeklyHours weekdays(String... ranges) {
        return on(WEEKDAYS, ranges);
    }

    /** The same ranges every day of the week. */
    static WeeklyHours everyDay(String... ranges) {
        return on(DayOfWeek.values(), ranges);
    }

    static WeeklyHours on(DayOfWeek[] days, String... ranges) {
        List<TimeRange> list = Arrays.stream(ranges).map(Fixtures::range).toList();
        Map<DayOfWeek, List<TimeRange>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            map.put(day, list);
        }
        return new WeeklyHours(map);
    }

    static Instant at(LocalDate date, String time, ZoneId zone) {
        return ZonedDateTime.of(date, LocalTime.parse(time), zone).toInstant();
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static List<String> localStarts(List<Slot> slots, ZoneId zone) {
        return slots.stream()
                .map(s -> s.start().atZone(zone).toLocalTime().toString())
                .toList();
    }
}
