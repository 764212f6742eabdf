package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentResult;
import dev.frontdesk.assistant.nlu.TimeQuery;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Answers to what the assistant asked last (a service, a day, one of the offered times, a name, a yes to
 * a read-back, which appointment, the message): the frame's expectation decides how a short reply is read.
 */
final class Answers {

    private static final double STRONG = Flow.STRONG;

    private final Flows flows;

    Answers(Flows flows) {
        this.flows = flows;
    }

    Optional<Output> answer(Context ctx, Dialogue d, String text, IntentResult intent) {
        // read where a step needs it: a pending verdict is embedded then (Verdicts)
        java.util.function.BooleanSupplier switching = () -> intent.confidence() >= STRONG
                && switch (intent.intent()) {
                    case BOOK, RESCHEDULE, CANCEL, MY_APPOINTMENTS, HOURS, PRICES, MESSAGE, TRANSFER, HUMAN -> true;
                    default -> false;
                };
        Optional<Boolean> yesNo = Entities.yesNo(text, d.language);
        if (TaskSwitches.leavesBooking(flows, ctx, d, text)) {
            return Optional.empty(); // the other task, from the words (OfflineBrain.byIntent)
        }
        switch (d.asked) {
            case SERVICE -> {
                // "to unclog my kitchen sink": the problem names the service too
                var service = Requests.service(ctx, text);
                if (service.isPresent()) {
                    d.service = service.get().name();
                    flows.booking().fillTime(ctx, d, text);
                    return Optional.of(flows.booking().advanceBooking(ctx, d));
                }
            }
            case WHEN, NEW_TIME -> {
                var shift =
                        d.task == Dialogue.Task.RESCHEDULE ? Moves.shift(text) : Optional.<java.time.Duration>empty();
                if (shift.isPresent()) {
                    // "same time next week", "two hours later": from the appointment's own time
                    d.shiftMinutes = shift.get().toMinutes();
                    d.date = null;
                    d.time = null;
                    return Optional.of(flows.appointments().advanceReschedule(ctx, d));
                }
                boolean otherService =
                        d.task == Dialogue.Task.BOOK && flows.booking().changeService(ctx, d, text);
                if (flows.booking().fillTime(ctx, d, newTime(ctx, d, text)) || otherService) {
                    return Optional.of(advance(ctx, d));
                }
            }
            case PICK_SLOT -> {
                // ("where is my head. Friday then, still at nine": a question word, but a time said is the answer)
                boolean asks = (Cues.asksSomething(text) || Cues.has("aQuestion", text))
                        && flows.booking().parseTime(ctx, d, text).isEmpty();
                if (TalkFlow.faqTopic(text) || asks) {
                    // "ah, and a question: do you give a warranty?": an aside, answered, not one of the times
                    return Optional.empty();
                }
                var shift = d.taken == null ? Optional.<java.time.Duration>empty() : Moves.shift(text);
                if (shift.isPresent()) {
                    // "et deux heures plus tard ?" after a time that is taken: that long after the time asked for
                    var at = java.time.Instant.parse(d.taken)
                            .plus(shift.get())
                            .atZone(ctx.business().timezone());
                    d.offered = new ArrayList<>();
                    d.taken = null;
                    d.date = at.toLocalDate().toString();
                    d.time = at.toLocalTime().toString();
                    return Optional.of(advance(ctx, d));
                }
                Optional<String> picked = flows.booking().pick(ctx, d, text, yesNo);
                if (picked.isPresent()) {
                    d.chosen = picked.get();
                    return Optional.of(advance(ctx, d));
                }
                if (d.task == Dialogue.Task.BOOK && flows.booking().changeService(ctx, d, text)) {
                    d.offered = new ArrayList<>();
                    flows.booking().fillTime(ctx, d, text);
                    return Optional.of(flows.booking().advanceBooking(ctx, d));
                }
                if (flows.booking().fillTime(ctx, d, text)) {
                    // "thursday no wait friday at nine": a new time, even with a no in it
                    d.offered = new ArrayList<>();
                    return Optional.of(advance(ctx, d));
                }
                if (yesNo.isPresent() && !yesNo.get()) {
                    d.offered = new ArrayList<>();
                    d.date = null;
                    d.time = null;
                    d.asked = d.task == Dialogue.Task.RESCHEDULE ? Dialogue.Ask.NEW_TIME : Dialogue.Ask.WHEN;
                    return Optional.of(Output.say(Phrases.say(d.language, "askWhen")));
                }
            }
            case NAME -> {
                if (d.task == Dialogue.Task.MESSAGE
                        && (Cues.has("relay", text)
                                || Cues.has("relayVerb", text)
                                || (Cues.carriesMessage(text)
                                        && Entities.name(text, d.language).isEmpty())
                                // "my name's Ruth Castellano ... the faucet he put in drips, could he call me"
                                || Words.count(text) > 14)
                        && Words.count(text) > 4) {
                    // "yeah sure, tell her I need an itemized invoice": more of the message, then the name
                    d.messageText = d.messageText == null ? d.verbatim(text) : d.messageText + " " + d.verbatim(text);
                    return Optional.of(flows.talk().advanceMessage(ctx, d));
                }
                // "its uh marcus bell": the fillers are not part of the name
                String plain = Cues.pattern("filler", d.language)
                        .matcher(text)
                        .replaceAll(" ")
                        .replaceAll("\\s+", " ")
                        .strip();
                // "Derek Shaw, 617 555 0177": the number given with the name is kept, and is not the name
                var number = Entities.phone(plain, Flow.region(ctx));
                if (number.isPresent()) {
                    if (d.phone == null) {
                        d.phone = number.get().e164();
                    }
                    plain = Requests.withoutPhone(plain);
                }
                String said = plain;
                Optional<String> name = Entities.name(said, d.language)
                        .or(() -> Entities.bareName(said))
                        // "Harriet Lindgren. That's Harriet Lindgren.": the name, then the same again
                        .or(() -> Entities.bareName(Moves.SENTENCE_END.split(said)[0]));
                // "susan lee from the property management office": who is calling, not a department to call
                boolean introduces = name.isPresent()
                        && LanguageData.fold(said).startsWith(LanguageData.fold(name.get()))
                        && !Cues.has("askPerson", said);
                if (name.isPresent() && (introduces || !switching.getAsBoolean())) {
                    d.name = name.get();
                    return Optional.of(
                            d.task == Dialogue.Task.MESSAGE
                                    ? flows.talk().advanceMessage(ctx, d)
                                    : flows.booking().advanceBooking(ctx, d));
                }
            }
            case PHONE -> {
                var phone = Entities.phone(text, Flow.region(ctx));
                if (phone.isPresent()) {
                    d.phone = phone.get().e164();
                    return Optional.of(
                            switch (d.task) {
                                case BOOK -> flows.booking().advanceBooking(ctx, d);
                                case MESSAGE -> flows.talk().advanceMessage(ctx, d);
                                case LOOKUP -> flows.appointments().listAppointments(ctx, d);
                                default -> flows.appointments().lookUpAppointments(ctx, d);
                            });
                }
            }
            case CONFIRM -> {
                if (ReadBacks.shiftsBooking(flows, ctx, d, text)) {
                    return Optional.of(advance(ctx, d));
                }
                // "ah c mercredi je me suis trompé. oui celui-là, à vendredi 14h": its own day named, and the new one
                String meant = yesNo.orElse(false) ? newTime(ctx, d, text) : text;
                if (yesNo.isPresent() && yesNo.get() && !saysOtherTime(ctx, d, meant)) {
                    // "sure, it's Howard Finch": a yes that gives the name puts it on the booking
                    if (d.task == Dialogue.Task.BOOK) {
                        Entities.name(text, d.language).ifPresent(name -> d.name = name);
                    }
                    // "yes. and one more thing, are you insured?": done, and the question answered too
                    return Optional.of(flows.talk().alsoAnswer(ctx, d, text, flows.execute(ctx, d), Intent.AFFIRM));
                }
                if (yesNo.isPresent() && yesNo.get()) {
                    // "ok perfect, then put it on Friday at three": a yes to another time than the one read back
                    d.chosen = null;
                    flows.booking().fillTime(ctx, d, meant);
                    return Optional.of(advance(ctx, d));
                }
                if (yesNo.isPresent() || intent.intent() == Intent.DENY) {
                    // "no, make it Wednesday": a correction in the same breath; a day alone keeps the time read back
                    String readBack = d.time;
                    boolean corrected = flows.booking().fillTime(ctx, d, text);
                    boolean dayAlone = flows.booking()
                            .parseTime(ctx, d, text)
                            .filter(q -> q.date() != null
                                    && q.time() == null
                                    && !q.vague()
                                    && (q.dayPart() == null || q.dayPart() == TimeQuery.DayPart.ANY))
                            .isPresent();
                    if (corrected && dayAlone && d.time == null && readBack != null) {
                        d.time = readBack;
                    }
                    if (d.task == Dialogue.Task.BOOK && flows.booking().changeService(ctx, d, text)) {
                        corrected = true;
                    }
                    if (corrected && d.task == Dialogue.Task.CANCEL && Cues.moves(text) && d.appointmentId != null) {
                        // "actually no wait dont cancel it can you move it to saturday at nine": that one, moved
                        d.task = Dialogue.Task.RESCHEDULE;
                    }
                    if (corrected) {
                        d.chosen = null;
                        return Optional.of(advance(ctx, d));
                    }
                    if (d.task == Dialogue.Task.CANCEL) {
                        d.achieved("ANSWERED", "The caller decided to keep their appointment.");
                        d.resetTask();
                        d.asked = Dialogue.Ask.ANYTHING_ELSE;
                        return Optional.of(Output.say(Phrases.say(d.language, "keptAppointment") + " "
                                + Phrases.say(d.language, "anythingElse")));
                    }
                    d.chosen = null;
                    d.asked = d.task == Dialogue.Task.RESCHEDULE ? Dialogue.Ask.NEW_TIME : Dialogue.Ask.WHEN;
                    return Optional.of(Output.say(Phrases.say(d.language, "whatToChange")));
                }
                if (d.task == Dialogue.Task.CANCEL
                        && yesNo.isEmpty()
                        && d.appointmentId != null
                        && flows.appointments().whichAppointment(ctx, d, text).equals(Optional.of(d.appointmentId))) {
                    // "oh it's wednesday not tomorrow, wednesday at ten, the drain cleaning": the one read back, again
                    return Optional.of(flows.appointments().confirmCancel(ctx, d));
                }
                boolean correcting = !switching.getAsBoolean()
                        || ((d.task == Dialogue.Task.BOOK || d.task == Dialogue.Task.RESCHEDULE)
                                && intent.intent() != Intent.CANCEL
                                && !Cues.cancels(text));
                if (correcting && flows.booking().fillTime(ctx, d, text)) {
                    d.chosen = null;
                    return Optional.of(advance(ctx, d));
                }
            }
            case WHICH_APPOINTMENT -> {
                // "the wednesday one, no wait, the other one": what follows the correction
                String meant = Cues.afterCorrection(text).orElse(text);
                Optional<String> which = flows.appointments().whichAppointment(ctx, d, meant);
                if (d.task == Dialogue.Task.RESCHEDULE && d.date == null && d.time == null) {
                    // "the 10am one. to wed dec 2 same time", "the water heater one move that to monday the 30th":
                    // which one, then where to
                    Moves.Move move = Moves.read(meant, words -> flows.booking().parseTime(ctx, d, words));
                    boolean whereSaid = move.target() != null
                            && !move.source().equals(meant)
                            && flows.booking()
                                    .parseTime(ctx, d, move.target())
                                    .filter(q -> q.date() != null)
                                    .isPresent();
                    if (whereSaid) {
                        which = which.or(() -> flows.appointments().whichAppointment(ctx, d, move.source()));
                        which.ifPresent(id -> flows.booking().fillTime(ctx, d, move.target()));
                    }
                }
                if (which.isPresent()) {
                    d.appointmentId = which.get();
                    if (d.time == null && Cues.has("sameTime", text)) {
                        d.sameTime = true; // "the leak one, same time if you can": its time on the day said
                    }
                    return Optional.of(
                            d.task == Dialogue.Task.CANCEL
                                    ? flows.appointments().confirmCancel(ctx, d)
                                    : flows.appointments().advanceReschedule(ctx, d));
                }
                if (intent.intent() == Intent.MY_APPOINTMENTS || Cues.has("lookup", text)) {
                    // "what have I got booked again?": the list again, and the question still which one
                    return Optional.of(flows.appointments().lookUpAppointments(ctx, d));
                }
            }
            case CODE -> {
                Optional<Output> checked = flows.verification().answer(ctx, d, text, switching.getAsBoolean(), flows);
                if (checked.isPresent()) {
                    return checked;
                }
            }
            case OFFER_TRANSFER -> {
                Optional<Output> through = Transfers.answerOffer(flows, ctx, d, text, yesNo);
                if (through.isPresent()) {
                    return through;
                }
            }
            case MESSAGE_TEXT, OFFER_MESSAGE -> {
                Optional<Output> message = MessageAnswers.answer(flows, ctx, d, text, intent, switching, yesNo);
                if (message.isPresent()) {
                    return message;
                }
            }
            case ANYTHING_ELSE -> {
                if (Cues.endsWithGoodbye(text)) {
                    return Optional.of(flows.talk().goodbye(ctx, d));
                }
                // "and are your estimates free?" after a price: the common question, not another price
                if ("PRICES".equals(d.topic) && !switching.getAsBoolean() && !TalkFlow.faqTopic(text)) {
                    var service = Entities.service(text, ctx.business().services());
                    if (service.isPresent()) {
                        return Optional.of(flows.talk().prices(ctx, d, text));
                    }
                }
                if (yesNo.isPresent()
                        && !switching.getAsBoolean()
                        && !TaskSwitches.asksMore(flows, ctx, d, text)
                        && intent.intent() != Intent.QUESTION) {
                    if (yesNo.get()) {
                        d.asked = Dialogue.Ask.NOTHING;
                        return Optional.of(Output.say(Phrases.say(d.language, "whatElse")));
                    }
                    return Optional.of(flows.talk().goodbye(ctx, d));
                }
            }
            default -> {}
        }
        return Optional.empty();
    }

    /** See {@link ReadBacks#yesFirst}. */
    String yesFirst(Context ctx, Dialogue d, String text) {
        return ReadBacks.yesFirst(flows, ctx, d, text);
    }

    /** Whether a turn that says yes also names a day or time other than the one being confirmed. */
    private boolean saysOtherTime(Context ctx, Dialogue d, String text) {
        if ((d.task != Dialogue.Task.BOOK && d.task != Dialogue.Task.RESCHEDULE) || Words.count(text) < 4) {
            return false;
        }
        java.time.LocalDate date = d.chosen != null
                ? java.time.Instant.parse(d.chosen)
                        .atZone(ctx.business().timezone())
                        .toLocalDate()
                : d.date == null ? null : java.time.LocalDate.parse(d.date);
        java.time.LocalTime time = d.chosen != null
                ? java.time.Instant.parse(d.chosen)
                        .atZone(ctx.business().timezone())
                        .toLocalTime()
                : d.time == null ? null : java.time.LocalTime.parse(d.time);
        return flows.booking()
                .parseTime(ctx, d, text)
                .filter(q -> (q.date() != null && !q.date().equals(date))
                        || (q.time() != null
                                && !q.time().equals(time)
                                && !q.time().plusHours(12).equals(time)))
                .isPresent();
    }

    /** The next step of the booking or the move under way, once the caller has said something about the time. */
    private Output advance(Context ctx, Dialogue d) {
        return d.task == Dialogue.Task.RESCHEDULE
                ? flows.appointments().advanceReschedule(ctx, d)
                : flows.booking().advanceBooking(ctx, d);
    }

    /** "from tue dec 1 to fri dec 4, same time": when asked where a move goes, the words after "to". */
    private String newTime(Context ctx, Dialogue d, String text) {
        if (d.task != Dialogue.Task.RESCHEDULE) {
            return text;
        }
        Moves.Move move = Moves.read(text, words -> flows.booking().parseTime(ctx, d, words));
        if (move.target() == null || move.target().equals(text)) {
            return text;
        }
        // the words before name the appointment's own day and those after another day ("mercredi à quinze
        // heures" is one time, "quarter to eleven" one clock, "el martes 1 a la mañana" a day and a part of it)
        var own = flows.appointments()
                .appointment(ctx, d)
                .map(a -> a.start().atZone(ctx.business().timezone()).toLocalDate());
        var from = flows.booking().parseTime(ctx, d, move.source()).map(TimeQuery::date);
        var to = flows.booking().parseTime(ctx, d, move.target()).map(TimeQuery::date);
        boolean fromItsDay = own.isPresent() && from.equals(own);
        return fromItsDay && to.isPresent() && !to.equals(own) ? move.target() : text;
    }
}
