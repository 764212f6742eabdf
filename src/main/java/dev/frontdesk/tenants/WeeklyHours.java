package dev.frontdesk.tenants;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Opening hours per day of the week; a day with no ranges is closed. */
public record WeeklyHours(Map<DayOfWeek, List<TimeRange>> days) {

    public WeeklyHours {
        var copy = new EnumMap<DayOfWeek, List<TimeRange>>(DayOfWeek.class);
        days.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                copy.put(
                        day,
                        ranges.stream()
                                .sorted((a, b) -> a.start().compareTo(b.start()))
                                .toList());
            }
        });
        days = java.util.Collections.unmodifiableMap(copy);
    }

    public List<TimeRange> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }
}
