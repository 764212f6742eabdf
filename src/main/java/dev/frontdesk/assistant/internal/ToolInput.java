package dev.frontdesk.assistant.internal;

import static dev.frontdesk.assistant.llm.LlmTools.ERROR_PREFIX;

import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the model passes to the tools, checked at the boundary the way the rest of Frontdesk checks it: a
 * caller's phone number becomes E.164 (libphonenumber, in the business's country unless it has its own)
 * or the model is told what is wrong so it can ask again; a start time must be one of the business's
 * start times (every {@code slotMinutes} from the opening of each range, as availability lists them).
 */
final class ToolInput {

    private ToolInput() {}

    /** A value the model may use, or the reason it may not (a tool result starting with "error:"). */
    record Checked(String value, String error) {
        static Checked ok(String value) {
            return new Checked(value, null);
        }

        static Checked refused(String error) {
            return new Checked(null, ERROR_PREFIX + " " + error);
        }

        boolean ok() {
            return error == null;
        }
    }

    /**
     * The number to book under: the caller's own when the channel gave it, else the one the caller said
     * (any common written or spoken form), in E.164. A booking without a number could never be found,
     * moved or cancelled by its caller, so a missing or invalid one is refused with what to ask.
     */
    static Checked phone(Business business, String callerPhone, String given) {
        if (callerPhone != null) {
            return Checked.ok(callerPhone);
        }
        if (given == null || given.isBlank()) {
            return Checked.refused("the caller's phone number is not known on this channel; ask for it (with the"
                    + " area code) and pass it as customer_phone, so that they can find, move or cancel the"
                    + " booking later");
        }
        String region = Flow.region(business);
        return PhoneNumber.parseLenient(given, region)
                .or(() -> Entities.phone(given, region))
                .map(number -> Checked.ok(number.e164()))
                .orElseGet(() -> Checked.refused("'" + given + "' is not a valid phone number; read it back to the"
                        + " caller and ask for the whole number with its area code (from abroad, with + and the"
                        + " country code), then call again"));
    }

    /**
     * Whether {@code start} is one of the business's start times; a start inside opening hours but off the
     * grid ("10:07") is refused with the nearest free starts. A start outside opening hours passes: the
     * scheduler refuses it with its own reason and alternatives. {@code free} (that day's free starts) is
     * consulted only for an off-grid start, since staff hours may add starts of their own.
     */
    static Optional<String> offGrid(Business business, LocalDateTime start, Supplier<List<TimeSlot>> free) {
        int step = business.settings().scheduling().slotMinutes();
        LocalTime time = start.toLocalTime();
        List<TimeRange> ranges = business.hours().on(start.getDayOfWeek());
        List<TimeRange> around = ranges.stream()
                .filter(r -> !time.isBefore(r.start()) && time.isBefore(r.end()))
                .toList();
        if (around.isEmpty()
                || (time.getSecond() == 0
                        && time.getNano() == 0
                        && around.stream()
                                .anyMatch(r -> Duration.between(r.start(), time).toMinutes() % step == 0))) {
            return Optional.empty();
        }
        ZoneId zone = business.timezone();
        Instant wanted = start.atZone(zone).toInstant();
        List<TimeSlot> slots = free.get();
        if (slots.stream().anyMatch(s -> s.start().equals(wanted))) {
            return Optional.empty();
        }
        String nearest = slots.stream()
                .sorted(Comparator.comparing(
                        (TimeSlot s) -> Duration.between(s.start(), wanted).abs()))
                .limit(2)
                .sorted(Comparator.comparing(TimeSlot::start))
                .map(s -> s.start().atZone(zone).toLocalDateTime().toString())
                .collect(Collectors.joining(", "));
        return Optional.of(ERROR_PREFIX + " " + time + " is not a start time: appointments start every " + step
                + " minutes from the opening time"
                + (nearest.isEmpty() ? "; nothing is free that day" : "; the nearest free starts are " + nearest));
    }
}
