package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;

/** Words that leave the step the dialogue is at for another request. */
final class TaskSwitches {

    private TaskSwitches() {}

    /**
     * In the middle of a booking, words for another task: "ok right so dont book a new one just move that one to
     * friday", "i need to cancel the drain cleaning on december second", "can i just leave a message for the
     * owner to call me back".
     */
    static boolean leavesBooking(Flows flows, Context ctx, Dialogue d, String text) {
        boolean asking = switch (d.asked) {
            case SERVICE, WHEN, PICK_SLOT, NAME -> true;
            default -> false;
        };
        if (d.task != Dialogue.Task.BOOK || !asking || d.emergency) {
            return false;
        }
        if (Cues.has("relay", text) || Cues.callBack(text)) {
            return true;
        }
        return (Cues.cancels(text) || Cues.has("moveStrong", text))
                && d.phone != null
                && !flows.booking()
                        .tools
                        .listAppointments(ctx.business(), d.phone)
                        .isEmpty();
    }

    /** "oh that's no good, can you make it four instead": a yes or no that goes on to ask for something. */
    static boolean asksMore(Flows flows, Context ctx, Dialogue d, String text) {
        return Words.count(text) > 4
                && (Requests.service(ctx, text).isPresent()
                        || Cues.moves(text)
                        || Cues.cancels(text)
                        || Cues.asksForVisit(text)
                        || Cues.asksPrice(text)
                        || flows.booking().parseTime(ctx, d, text).isPresent()
                        // "great, can you put me through to mike turner then"
                        || (Cues.has("askPerson", text) && flows.booking().tools.namesStaff(ctx.business(), text)));
    }
}
