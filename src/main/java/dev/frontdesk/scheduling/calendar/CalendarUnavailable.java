package dev.frontdesk.scheduling.calendar;

/**
 * An external calendar or meeting provider could not be reached or failed on its side (5xx, 429, I/O
 * error, timeout). Trying again later may succeed.
 */
public class CalendarUnavailable extends RuntimeException {

    public CalendarUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
