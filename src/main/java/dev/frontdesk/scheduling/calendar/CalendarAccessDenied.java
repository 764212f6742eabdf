package dev.frontdesk.scheduling.calendar;

/**
 * An external calendar or meeting provider refused our credentials (401/403, a revoked or invalid
 * grant). Retrying does not help: the business owner has to re-authorise the connection.
 */
public class CalendarAccessDenied extends RuntimeException {

    public CalendarAccessDenied(String message, Throwable cause) {
        super(message, cause);
    }
}
