package dev.frontdesk.notifications.internal;

import dev.frontdesk.shared.Wording;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and times as a language writes them ({@code when}, {@code day} and {@code time} in the wording). */
final class Dates {

    private Dates() {}

    /** Weekday, date and time, e.g. "Tuesday, November 24 at 2:00 PM" or "martes 24 de noviembre a las 14:00". */
    static String when(Wording words, Instant at, ZoneId zone) {
        return format(words, "format.when", at, zone);
    }

    /** Weekday and date. */
    static String day(Wording words, Instant at, ZoneId zone) {
        return format(words, "format.day", at, zone);
    }

    /** The time of day. */
    static String time(Wording words, Instant at, ZoneId zone) {
        return format(words, "format.time", at, zone);
    }

    private static String format(Wording words, String key, Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern(words.text(key), words.locale()).format(at.atZone(zone));
    }
}
