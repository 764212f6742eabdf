package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;

/** The dialogue policy's parts, one per kind of task, and what they do together. */
record Flows(BookingFlow booking, AppointmentFlow appointments, TalkFlow talk, Verification verification) {

    /** Carries out the task the caller just confirmed. */
    Output execute(Context ctx, Dialogue d) {
        return switch (d.task) {
            case BOOK -> booking.book(ctx, d);
            case CANCEL -> appointments.cancel(ctx, d);
            case RESCHEDULE -> appointments.reschedule(ctx, d);
            case MESSAGE -> talk.sendMessage(ctx, d);
            default -> Output.say(Phrases.say(d.language, "howCanIHelp"));
        };
    }

    /** Asks again for what the current task still needs (after a question in the middle of it). */
    Output resume(Context ctx, Dialogue d) {
        return switch (d.task) {
            case BOOK -> booking.advanceBooking(ctx, d);
            case RESCHEDULE -> appointments.advanceReschedule(ctx, d);
            case CANCEL ->
                d.appointmentId == null ? appointments.lookUpAppointments(ctx, d) : appointments.confirmCancel(ctx, d);
            case MESSAGE -> talk.advanceMessage(ctx, d);
            case LOOKUP -> appointments.listAppointments(ctx, d);
            default -> Output.say(Phrases.say(d.language, "howCanIHelp"));
        };
    }
}
