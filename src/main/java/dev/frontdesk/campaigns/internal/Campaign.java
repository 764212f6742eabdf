package dev.frontdesk.campaigns.internal;

import dev.frontdesk.tenants.BusinessId;
import java.time.Instant;
import java.util.UUID;

/**
 * An outbound campaign of one business: whom it calls is in its leads, how in its settings
 * ({@code callsPerMinute}, the pacing, is null when only {@code maxConcurrentCalls} limits the calls).
 */
record Campaign(
        UUID id,
        BusinessId businessId,
        String name,
        String purpose,
        Status status,
        CallingHours window,
        int maxConcurrentCalls,
        Integer callsPerMinute,
        int retryAttempts,
        int retryBackoffMinutes,
        Voicemail voicemail,
        String openingScript,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the campaign is; the moves between them are {@link #next}. */
    enum Status {
        DRAFT,
        RUNNING,
        PAUSED,
        STOPPED,
        COMPLETED
    }

    /** What to do when an answering machine picks up. */
    enum Voicemail {
        LEAVE_MESSAGE,
        HANG_UP
    }

    /** The moves a business can make: start, pause, resume, stop. */
    enum Move {
        START,
        PAUSE,
        RESUME,
        STOP
    }

    /** Where {@code move} takes a campaign in {@code status}; null when the move is not allowed there. */
    static Status next(Status status, Move move) {
        return switch (move) {
            case START -> status == Status.DRAFT ? Status.RUNNING : null;
            case PAUSE -> status == Status.RUNNING ? Status.PAUSED : null;
            case RESUME -> status == Status.PAUSED ? Status.RUNNING : null;
            case STOP ->
                status == Status.DRAFT || status == Status.RUNNING || status == Status.PAUSED ? Status.STOPPED : null;
        };
    }

    /** A lead's stage in the campaign. */
    enum LeadState {
        QUEUED,
        CALLING,
        CONTACTED,
        MEETING_SCHEDULED,
        /** The person answered and said they were not interested. */
        NOT_INTERESTED,
        NO_ANSWER,
        FAILED,
        DO_NOT_CALL,
        /** The customer was erased before the lead's outcome was known: never called again. */
        ERASED
    }
}
