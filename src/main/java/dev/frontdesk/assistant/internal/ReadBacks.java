package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.nlu.Entities;

/** Turns that answer a read-back with more than a yes or a no. */
final class ReadBacks {

    private ReadBacks() {}

    /**
     * What a read-back's yes said at the start of a turn does before the rest of it ("yes, and please stop
     * calling me": the cancel, then the opt-out): the action's reply without its "anything else?", or "".
     */
    static String yesFirst(Flows flows, Context ctx, Dialogue d, String text) {
        String first = Cues.pattern("clauseJoin").split(text.replaceAll("[,.;!]", " , "), 2)[0];
        if (d.asked != Dialogue.Ask.CONFIRM
                || !Entities.yesNo(first.replace(",", " ").strip(), d.language).orElse(false)) {
            return "";
        }
        String said = flows.execute(ctx, d).text();
        String anythingElse = Phrases.say(d.language, "anythingElse");
        return said.endsWith(anythingElse)
                ? said.substring(0, said.length() - anythingElse.length()).strip()
                : said;
    }

    /**
     * "Oh wait, can we make it an hour later?" after a booking's read-back: the time read back, moved by that
     * much (no other day said). True when the booking's day and time were changed so.
     */
    static boolean shiftsBooking(Flows flows, Context ctx, Dialogue d, String text) {
        if (d.task != Dialogue.Task.BOOK || d.chosen == null) {
            return false;
        }
        var shift = Moves.shift(text);
        var today = ctx.now().toLocalDate();
        boolean otherDay = flows.booking()
                .parseTime(ctx, d, text)
                .filter(q -> q.date() != null && !q.date().equals(today))
                .isPresent();
        if (shift.isEmpty() || otherDay) {
            return false;
        }
        var at = java.time.Instant.parse(d.chosen)
                .plus(shift.get())
                .atZone(ctx.business().timezone());
        d.date = at.toLocalDate().toString();
        d.time = at.toLocalTime().toString();
        d.chosen = null;
        d.vague = false;
        return true;
    }
}
