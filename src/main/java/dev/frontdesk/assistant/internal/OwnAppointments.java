package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentResult;
import dev.frontdesk.assistant.nlu.TimeExpressions;

/**
 * What the caller's words say about the appointments they already have: that they speak of one, move one
 * without a move word, or describe a new job although the words sounded like a cancel or a move.
 */
final class OwnAppointments {

    /** The topic that marks the turn after "You have …. Would you like to change it or cancel it?". */
    static final String READ_OUT = "OWN_APPOINTMENT";

    private final AssistantTools tools;

    OwnAppointments(AssistantTools tools) {
        this.tools = tools;
    }

    /**
     * "Mon débouchage est mercredi le 2, t'as-tu de quoi plus tôt? le plus tôt possible": only the appointment's
     * own day is said, and the earliest time is where it goes.
     */
    void earliestInstead(Context ctx, Dialogue d, String text, boolean onlyItsOwnDay) {
        if (onlyItsOwnDay && Cues.wantsEarliest(text)) {
            d.earliest = true;
            d.date = ctx.now().toLocalDate().toString();
        }
    }

    /**
     * The turn after the caller's appointment was read out and they were asked what to do: a time or an
     * amount said ("could we do it a week later, same time?") is where it goes, not a new booking.
     */
    static IntentResult afterReadOut(Context ctx, Dialogue d, String text, IntentResult intent) {
        if (!READ_OUT.equals(d.topic)) {
            return intent;
        }
        d.topic = null; // (for this one turn only)
        boolean other = switch (intent.intent()) {
            case EMERGENCY, OPT_OUT -> true;
            case CANCEL -> intent.confidence() >= Flow.STRONG;
            default -> false;
        };
        if (other || d.asked != Dialogue.Ask.ANYTHING_ELSE || Cues.cancels(text) || TalkFlow.faqTopic(text)) {
            return intent;
        }
        boolean where = Cues.moves(text)
                || Moves.saysInstead(text)
                || Moves.shift(text).isPresent()
                || Moves.pattern("earlier").matcher(text).find()
                || Moves.pattern("later").matcher(text).find()
                || Cues.wantsEarliest(text)
                || TimeExpressions.parse(text, d.language, ctx.now())
                        .filter(q -> q.date() != null || q.time() != null)
                        .isPresent();
        if (!where) {
            return intent;
        }
        if (d.candidates.size() == 1) {
            // the one read out: the words are where it goes, as if asked "when would you like it instead?"
            d.task = Dialogue.Task.RESCHEDULE;
            d.appointmentId = d.candidates.getFirst();
            d.asked = Dialogue.Ask.NEW_TIME;
        }
        return new IntentResult(Intent.RESCHEDULE, 1, intent.language(), false, null);
    }

    /**
     * "I have two plumbers coming on Monday the thirtieth, one in the morning and one after lunch": the caller
     * speaks of their own appointment and asks nothing yet, whatever the words sounded like.
     */
    boolean speaksOfOwn(Context ctx, Dialogue d, String text, IntentResult intent) {
        boolean open = switch (intent.intent()) {
            case BOOK, MY_APPOINTMENTS, GREETING, UNKNOWN, AFFIRM, DENY -> true;
            case HUMAN, TRANSFER, MESSAGE, QUESTION -> intent.confidence() < Flow.STRONG;
            default -> false;
        };
        return open
                && asksNothing(text)
                && !TalkFlow.faqTopic(text)
                && !Cues.callBack(text)
                && !Cues.asksPrice(text)
                && namesOwnTime(ctx, d, text);
    }

    /**
     * "I'm calling about the appointment on Friday, for the leak": no move, no cancel, no "instead", no
     * amount to move by. The caller has said which, not yet what to do with it.
     */
    static boolean asksNothing(String text) {
        // ("j'ai un débouchage vendredi, t'aurais-tu quelque chose au plus vite?": a question asks for a time)
        return !Cues.moves(text)
                && !Cues.cancels(text)
                && !Moves.saysInstead(text)
                && Moves.shift(text).isEmpty()
                && !Cues.wantsEarliest(text)
                && !text.contains("?");
    }

    /** "its about my appt", "i have an appointment fri": an appointment of theirs named, nothing asked about it. */
    boolean onlySpokenOf(String text) {
        return asksNothing(text)
                && Cues.has("myAppointment", text)
                && !Cues.has("lookup", text)
                && !Cues.asksSomething(text);
    }

    /** The caller asks to move something they already have booked. */
    boolean movesExisting(Context ctx, Dialogue d, String text) {
        return d.phone != null
                && (Cues.moves(text) || movesImplicitly(ctx, d, text))
                && !tools.listAppointments(ctx.business(), d.phone).isEmpty();
    }

    /**
     * "J'ai rendez-vous demain à dix heures", "c pour ma fuite mardi": the caller speaks of an appointment they
     * have (its day, and its time if one is said, named as "my appointment" or by its service), not of a new one.
     */
    boolean namesOwnTime(Context ctx, Dialogue d, String text) {
        var said = TimeExpressions.parse(text, d.language, ctx.now()).filter(q -> q.date() != null);
        boolean mine = Cues.has("myAppointment", text);
        // ("I have two appointments, one tomorrow and another one next week": theirs, both)
        if (d.phone == null || said.isEmpty() || (Cues.has("another", text) && !mine)) {
            return false;
        }
        // "c pour ma fuite mardi": its service said as theirs ("can I get a drain cleaning tomorrow" is a booking)
        var service = Requests.service(ctx, text).map(s -> s.name()).filter(s -> Cues.has("mine", text));
        if (!mine && service.isEmpty()) {
            return false; // (without a word that makes it theirs, their appointments are not looked up)
        }
        return tools.listAppointments(ctx.business(), d.phone).stream()
                .filter(a -> mine || service.filter(a.service()::equals).isPresent())
                .map(a -> a.start().atZone(ctx.business().timezone()))
                .anyMatch(start -> start.toLocalDate().equals(said.get().date())
                        && (!plausibleHour(said.get().time())
                                || start.toLocalTime().equals(said.get().time())));
    }

    /** An hour someone could have booked ("one in the morning and one after lunch" says no 1 am). */
    private static boolean plausibleHour(java.time.LocalTime time) {
        return time != null && time.getHour() >= 6 && time.getHour() < 21;
    }

    /**
     * "Mon débouchage de vendredi, plutôt jeudi ?": no move word, but one of the caller's own appointments
     * named (by its service or as "my appointment") with another time said instead.
     */
    boolean movesImplicitly(Context ctx, Dialogue d, String text) {
        if (d.phone == null || Cues.cancels(text) || !Moves.saysInstead(text)) {
            return false;
        }
        var mine = tools.listAppointments(ctx.business(), d.phone);
        boolean named = Cues.has("myAppointment", text)
                || Entities.service(text, ctx.business().services())
                        .filter(s -> mine.stream().anyMatch(a -> a.service().equals(s.name())))
                        .isPresent();
        return named
                && !mine.isEmpty()
                && TimeExpressions.parse(text, d.language, ctx.now()).isPresent();
    }

    /**
     * A weak cancel/reschedule reading of a caller who has nothing booked but names a service and a day
     * ("j'ai une fuite, vous pouvez passer mardi ?"): they want a new visit.
     */
    boolean describesNewJob(Context ctx, Dialogue d, String text, IntentResult intent) {
        return intent.confidence() < Flow.STRONG
                && d.phone != null
                && Entities.service(text, ctx.business().services()).isPresent()
                && TimeExpressions.parse(text, d.language, ctx.now()).isPresent()
                && tools.listAppointments(ctx.business(), d.phone).isEmpty();
    }
}
