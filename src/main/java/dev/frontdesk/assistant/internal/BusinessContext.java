package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.llm.BusinessFacts;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The business as the LLM brain is told it ({@link BusinessFacts}), from its settings, at the turn's date. */
final class BusinessContext {

    /** Closed dates listed at most (the rest of the horizon is rarely asked about). */
    static final int CLOSED_DATES = 20;

    private BusinessContext() {}

    static BusinessFacts of(Context ctx) {
        Business business = ctx.business();
        var scheduling = business.settings().scheduling();
        LocalDate today = ctx.now().toLocalDate();
        LocalDate last = today.plusDays(scheduling.horizonDays());
        return new BusinessFacts(
                business.services().stream()
                        .map(s -> new BusinessFacts.Service(s.name(), s.durationMinutes(), s.priceText(), s.aliases()))
                        .toList(),
                java.util.Arrays.stream(DayOfWeek.values())
                        .map(day -> hours(business, day))
                        .toList(),
                business.closedDates().stream()
                        .filter(date -> !date.isBefore(today) && !date.isAfter(last))
                        .sorted()
                        .limit(CLOSED_DATES)
                        .toList(),
                scheduling.slotMinutes(),
                scheduling.minNoticeMinutes(),
                scheduling.horizonDays(),
                business.emergencyKeywords(),
                Flow.emergencyNumber(ctx));
    }

    private static String hours(Business business, DayOfWeek day) {
        List<TimeRange> ranges = business.hours().on(day);
        String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return ranges.isEmpty()
                ? name + " closed"
                : name + " " + ranges.stream().map(TimeRange::toString).collect(Collectors.joining(", "));
    }
}
