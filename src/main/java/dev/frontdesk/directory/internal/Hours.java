package dev.frontdesk.directory.internal;

import dev.frontdesk.shared.FrontdeskException.FieldError;
import dev.frontdesk.tenants.TimeRange;
import dev.frontdesk.tenants.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Weekly hours as JSON ({@code {"MONDAY": ["08:00-17:00"]}}): reading, checking, writing, and "open now?". */
final class Hours {

    static final int MAX_RANGES_PER_DAY = 6;

    private Hours() {}

    /** Reads hours from a JSON object, adding an error per bad member; null for an absent or null node. */
    static WeeklyHours read(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(field, "must be an object such as {\"MONDAY\": [\"08:00-17:00\"]}"));
            return null;
        }
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        int before = errors.size();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String path = field + "." + member.getKey();
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(member.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(path, "is not a day of the week (use MONDAY … SUNDAY)"));
                continue;
            }
            JsonNode ranges = member.getValue();
            if (ranges.isNull()) {
                continue;
            }
            if (!ranges.isArray()) {
                errors.add(new FieldError(path, "must be an array of ranges such as \"08:00-17:00\""));
                continue;
            }
            if (ranges.size() > MAX_RANGES_PER_DAY) {
                errors.add(new FieldError(path, "at most " + MAX_RANGES_PER_DAY + " ranges a day"));
                continue;
            }
            if (days.containsKey(day)) {
                errors.add(new FieldError(path, day + " is given twice"));
                continue;
            }
            List<TimeRange> parsed = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                JsonNode text = ranges.get(i);
                Optional<TimeRange> range = text.isString() ? TimeRange.parse(text.asString()) : Optional.empty();
                if (range.isEmpty()) {
                    errors.add(new FieldError(
                            path + "[" + i + "]",
                            "must be HH:mm-HH:mm with the start before the end, e.g. 08:00-17:00"));
                    continue;
                }
                for (TimeRange other : parsed) {
                    if (other.overlaps(range.get())) {
                        errors.add(new FieldError(path + "[" + i + "]", range.get() + " overlaps " + other));
                    }
                }
                parsed.add(range.get());
            }
            days.put(day, parsed);
        }
        return errors.size() == before ? new WeeklyHours(days) : null;
    }

    /** The JSON form, days in week order; null for null. */
    static Map<String, List<String>> toJson(WeeklyHours hours) {
        if (hours == null) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        hours.days()
                .forEach((day, ranges) -> out.put(
                        day.name(), ranges.stream().map(TimeRange::toString).toList()));
        return out;
    }

    /** Hours stored by {@link #toJson}; null for null. */
    static WeeklyHours fromJson(Map<String, List<String>> stored) {
        if (stored == null) {
            return null;
        }
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        stored.forEach((day, ranges) -> days.put(
                DayOfWeek.valueOf(day),
                ranges.stream().map(r -> TimeRange.parse(r).orElseThrow()).toList()));
        return new WeeklyHours(days);
    }

    /** Whether {@code now}, seen in {@code zone}, falls inside the hours (start inclusive, end exclusive). */
    static boolean openAt(WeeklyHours hours, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        return hours.on(local.getDayOfWeek()).stream()
                .anyMatch(r -> !time.isBefore(r.start())
                        && (time.isBefore(r.end()) || r.end().equals(LocalTime.MAX)));
    }
}
