package dev.frontdesk.scheduling.calendar;

/**
 * An external calendar or meeting provider rejected a request for a reason other than access (for
 * example 400 for an invalid event, or 404 when updating an event the owner deleted). Retrying the
 * same request does not help.
 */
public class CalendarRequestRejected extends RuntimeException {

    private final int status;

    public CalendarRequestRejected(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The provider's HTTP status. */
    public int status() {
        return status;
    }
}
