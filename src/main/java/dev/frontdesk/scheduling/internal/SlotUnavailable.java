package dev.frontdesk.scheduling.internal;

import dev.frontdesk.scheduling.availability.Slot;
import dev.frontdesk.scheduling.availability.Verdict;
import dev.frontdesk.shared.FrontdeskException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A requested time cannot be booked. Taken slots and full days are conflicts (409); times outside
 * hours, on closed days, too soon or too far ahead are unprocessable (422). Both carry the nearest
 * {@code alternatives}.
 */
class SlotUnavailable extends FrontdeskException {

    private final Verdict.Reason reason;
    private final List<Slot> alternatives;

    private SlotUnavailable(
            HttpStatus status,
            String type,
            String title,
            String detail,
            Verdict.Reason reason,
            List<Slot> alternatives) {
        super(status, type, title, detail);
        this.reason = reason;
        this.alternatives = List.copyOf(alternatives);
    }

    Verdict.Reason reason() {
        return reason;
    }

    List<Slot> alternatives() {
        return alternatives;
    }

    static SlotUnavailable because(Verdict.Reason reason, Instant requested, List<Slot> alternatives) {
        SlotUnavailable problem = switch (reason) {
            case TAKEN ->
                new SlotUnavailable(
                        HttpStatus.CONFLICT,
                        "slot-taken",
                        "Time already taken",
                        "Another appointment holds " + requested,
                        reason,
                        alternatives);
            case DAY_FULL ->
                new SlotUnavailable(
                        HttpStatus.CONFLICT,
                        "day-full",
                        "Day fully booked",
                        "No more appointments fit on that day",
                        reason,
                        alternatives);
            default ->
                new SlotUnavailable(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "outside-hours",
                        "Time not bookable",
                        describe(reason),
                        reason,
                        alternatives);
        };
        problem.with("reason", reason.name().toLowerCase(Locale.ROOT));
        problem.with(
                "alternatives",
                alternatives.stream()
                        .map(s -> Map.of(
                                "start", s.start().toString(), "end", s.end().toString()))
                        .toList());
        return problem;
    }

    /**
     * PostgreSQL's overlap guard refused a write the calendar lock should have kept out: the same 409 as a
     * taken slot. Its transaction is aborted, so nothing of it (not even an idempotent answer) is stored.
     */
    static OverlapRefused refusedByOverlapGuard(Instant requested) {
        var problem = new OverlapRefused(requested);
        problem.with("reason", Verdict.Reason.TAKEN.name().toLowerCase(Locale.ROOT));
        problem.with("alternatives", List.of());
        return problem;
    }

    /** See {@link #refusedByOverlapGuard}. */
    static final class OverlapRefused extends SlotUnavailable {
        private OverlapRefused(Instant requested) {
            super(
                    HttpStatus.CONFLICT,
                    "slot-taken",
                    "Time already taken",
                    "Another appointment holds " + requested,
                    Verdict.Reason.TAKEN,
                    List.of());
        }
    }

    private static String describe(Verdict.Reason reason) {
        return switch (reason) {
            case OUTSIDE_HOURS -> "The business is not open for that whole appointment";
            case CLOSED -> "The business is closed that day";
            case TOO_SOON -> "That is in the past or sooner than the business's minimum notice";
            case BEYOND_HORIZON -> "That is further ahead than the business takes bookings";
            case RESERVED_FOR_EMERGENCIES -> "That time is kept free for emergencies";
            default -> "That time cannot be booked";
        };
    }
}
