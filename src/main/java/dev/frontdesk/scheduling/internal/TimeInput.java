package dev.frontdesk.scheduling.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads times as people and programs write them: instants, offset date-times, local date-times, dates. */
final class TimeInput {

    private TimeInput() {}

    /** An instant, offset date-time, or a local date-time read in the business's zone. */
    static Instant instant(String field, String text, ZoneId zone) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // not an offset date-time
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw FrontdeskException.validation(List.of(new FieldError(
                    field, "must be an ISO-8601 date-time such as 2026-11-24T15:00:00Z or 2026-11-24T10:00")));
        }
    }

    /** A date ({@code YYYY-MM-DD}). */
    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw FrontdeskException.validation(List.of(new FieldError(field, "must be a date such as 2026-11-24")));
        }
    }

    /**
     * A range bound for list filters: a date means the start of that day in the business's zone (or of
     * the next day for an end bound); anything else is read as {@link #instant}.
     */
    static Instant bound(String field, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.trim().length() == 10) {
            LocalDate date = date(field, text);
            return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
        }
        return instant(field, text, zone);
    }
}
