package dev.frontdesk.assistant.internal;

import dev.frontdesk.scheduling.Appointment;
import java.time.Instant;

/**
 * Something a tool call of the LLM brain changed outside the conversation: a durable fact of the turn.
 * It is kept with the call ({@link ToolLedger}), written into the dialogue (outcome and summary), and
 * confirmed by the offline brain when the model fails after acting, instead of being done again.
 *
 * @param appointmentId the appointment booked, moved or cancelled
 * @param service its service
 * @param start its start (the new one for a move)
 * @param number the number a call is put through to ({@link Kind#TRANSFERRED})
 * @param lifeThreatening for {@link Kind#EMERGENCY}: someone may be in danger
 */
record ToolEffect(
        Kind kind, String appointmentId, String service, Instant start, String number, boolean lifeThreatening) {

    enum Kind {
        BOOKED,
        RESCHEDULED,
        CANCELLED,
        MESSAGE_TAKEN,
        TRANSFERRED,
        EMERGENCY,
        NOT_INTERESTED;

        /** Changes to appointments, messages and transfers: at most one of them per turn. */
        boolean changesState() {
            return this != EMERGENCY;
        }
    }

    static ToolEffect of(Kind kind, Appointment appointment) {
        return new ToolEffect(
                kind, appointment.id().toString(), appointment.service(), appointment.start(), null, false);
    }

    static ToolEffect messageTaken() {
        return new ToolEffect(Kind.MESSAGE_TAKEN, null, null, null, null, false);
    }

    static ToolEffect optedOut() {
        return new ToolEffect(Kind.NOT_INTERESTED, null, null, null, null, false);
    }

    static ToolEffect transferredTo(String number) {
        return new ToolEffect(Kind.TRANSFERRED, null, null, null, number, false);
    }

    static ToolEffect emergency(boolean lifeThreatening) {
        return new ToolEffect(Kind.EMERGENCY, null, null, null, null, lifeThreatening);
    }

    /** The line for the owner's summary (instants are shown in the business's time by {@link Summaries}). */
    String summary() {
        return switch (kind) {
            case BOOKED -> "Booked " + service + " at " + start + " (LLM).";
            case RESCHEDULED -> "Moved " + service + " to " + start + " (LLM).";
            case CANCELLED -> "Cancelled " + service + " at " + start + " (LLM).";
            case MESSAGE_TAKEN -> "Took a message (LLM).";
            case TRANSFERRED -> "Transferred the caller (LLM).";
            case EMERGENCY -> "Emergency flagged; owner alerted (LLM).";
            case NOT_INTERESTED -> "Caller asked not to be contacted again (LLM).";
        };
    }

    /** The conversation outcome this effect achieves, named like {@code Conversation.Outcome}. */
    String outcome() {
        return kind.name();
    }
}
