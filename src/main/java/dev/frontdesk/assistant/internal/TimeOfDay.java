package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.nlu.TimeQuery;
import dev.frontdesk.tenants.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Which "three o'clock" a caller means: the one the business is open at. */
final class TimeOfDay {

    private TimeOfDay() {}

    /**
     * The time said, moved to the afternoon when it was said without "am" or "morning", the business is
     * closed at that hour in the morning and open twelve hours later ("one o'clock" is 1 PM for a plumber).
     */
    static LocalTime likely(Context ctx, LocalDate day, TimeQuery q) {
        LocalTime said = q.time();
        if (said.getHour() >= 12
                || said.getHour() == 0
                || Cues.pattern("morning").matcher(q.matched()).find()) {
            return said;
        }
        List<TimeRange> open = new ArrayList<>(ctx.business().hours().on(day.getDayOfWeek()));
        if (open.isEmpty()) {
            for (DayOfWeek other : DayOfWeek.values()) {
                open.addAll(ctx.business().hours().on(other));
            }
        }
        LocalTime afternoon = said.plusHours(12);
        if (!within(open, said) && within(open, afternoon)) {
            return afternoon;
        }
        return said;
    }

    private static boolean within(List<TimeRange> ranges, LocalTime time) {
        return ranges.stream().anyMatch(r -> !time.isBefore(r.start()) && time.isBefore(r.end()));
    }
}
