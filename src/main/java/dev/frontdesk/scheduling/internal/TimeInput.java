package dev.frontdesk.scheduling.internal;

import dev.frontdesk.shared.FrontdeskException;
import dev.frontdesk.shared.FrontdeskException.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Reads times as people and programs write them: instants, offset date-times, local date-times, dates. */
final class TimeInput {

    private TimeInput() {}

    /** Times the service reasons about: anything outside is a typo or a probe, never a booking. */
    static final int FIRST_YEAR = 1900;

    static final int LAST_YEAR = 2199;

    private static final Instant FIRST =
            LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST =
            LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /**
     * An instant, offset date-time, or a local date-time read in the business's zone, in the years
     * {@value #FIRST_YEAR} to {@value #LAST_YEAR}.
     */
    static Instant instant(String field, String text, ZoneId zone) {
        String value = text.trim();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                instant = LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw FrontdeskException.validation(List.of(new FieldError(
                        field, "must be an ISO-8601 date-time such as 2026-11-24T15:00:00Z or 2026-11-24T10:00")));
            }
        }
        if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
            throw outOfRange(field);
        }
        return instant;
    }

    /** A date ({@code YYYY-MM-DD}) in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
    static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeException | NullPointerException e) {
            throw FrontdeskException.validation(List.of(new FieldError(field, "must be a date such as 2026-11-24")));
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw outOfRange(field);
        }
        return date;
    }

    private static FrontdeskException outOfRange(String field) {
        return FrontdeskException.validation(
                List.of(new FieldError(field, "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR)));
    }

    /**
     * A range bound for list filters: a date means the start of that day in the business's zone (or of
     * the next day for an end bound); anything else is read as {@link #instant}.
     */
    static Instant bound(String field, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.trim().length() == 10 || text.trim().matches("[+-]?\\d{4,9}-\\d{2}-\\d{2}")) {
            LocalDate date = date(field, text);
            return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
        }
        return instant(field, text, zone);
    }
}
