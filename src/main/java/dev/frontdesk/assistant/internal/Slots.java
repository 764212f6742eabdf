package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.nlu.TimeQuery;
import dev.frontdesk.scheduling.TimeSlot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** Which of the free times to offer: open days, the part of the day asked for, a spread over the day. */
final class Slots {

    private Slots() {}

    /** Whether the business does not open at all on this day (a closed date or a day without hours). */
    static boolean closedOn(Context ctx, LocalDate date) {
        return ctx.business().closedDates().contains(date)
                || ctx.business().hours().on(date.getDayOfWeek()).isEmpty();
    }

    /** A day or time said that none of the offered times has ("el primero de diciembre" after today's). */
    static boolean saysAnotherTime(Context ctx, Dialogue d, TimeQuery said) {
        List<ZonedDateTime> offered = d.offered.stream()
                .map(o -> Instant.parse(o).atZone(ctx.business().timezone()))
                .toList();
        boolean day = said.date() == null
                || offered.stream().anyMatch(o -> o.toLocalDate().equals(said.date()));
        boolean time = said.time() == null
                || offered.stream()
                        .anyMatch(o -> o.toLocalTime().equals(said.time())
                                || o.toLocalTime().equals(said.time().plusHours(12)));
        return !(day && time);
    }

    /** Keeps the slots in the part of the day the caller asked for (morning, afternoon, evening). */
    static List<TimeSlot> filterByPart(Context ctx, Dialogue d, List<TimeSlot> slots) {
        if (d.dayPart == null || d.time != null || "ANY".equals(d.dayPart)) {
            return slots;
        }
        return slots.stream()
                .filter(s -> {
                    int hour = s.start().atZone(ctx.business().timezone()).getHour();
                    return switch (d.dayPart) {
                        case "MORNING" -> hour < 12;
                        case "AFTERNOON" -> hour >= 12 && hour < 17;
                        case "EVENING" -> hour >= 17;
                        default -> true;
                    };
                })
                .toList();
    }

    /** Two or three choices spread over the day rather than three neighbouring half hours. */
    static List<TimeSlot> spread(List<TimeSlot> slots) {
        if (slots.size() <= 2) {
            return slots;
        }
        return List.of(slots.getFirst(), slots.get(slots.size() / 2));
    }
}
