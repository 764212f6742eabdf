package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.TimeQuery;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The caller's own appointments: which one is meant, where to move it, cancelling it, reading them out. */
final class AppointmentFlow extends Flow {

    private final BookingFlow booking;
    private final Verification verification;

    AppointmentFlow(AssistantTools tools, BookingFlow booking, Verification verification) {
        super(tools);
        this.booking = booking;
        this.verification = verification;
    }

    Output lookUpAppointments(Context ctx, Dialogue d) {
        String lang = d.language;
        if (d.phone == null) {
            d.asked = Dialogue.Ask.PHONE;
            return Output.say(Phrases.say(lang, "needPhoneForLookup"));
        }
        if (Verification.proven(d) == null) {
            return verification.start(ctx, d);
        }
        List<Appointment> mine = tools.listAppointments(ctx.business(), d.phone);
        if (mine.isEmpty()) {
            d.achieved("ANSWERED", "Told the caller there are no upcoming appointments for their number.");
            d.resetTask();
            d.asked = Dialogue.Ask.ANYTHING_ELSE;
            return Output.say(Phrases.say(lang, "noAppointments") + " " + Phrases.say(lang, "anythingElse"));
        }
        d.candidates = new ArrayList<>(mine.stream().map(a -> a.id().toString()).toList());
        if (mine.size() == 1) {
            d.appointmentId = mine.getFirst().id().toString();
            return d.task == Dialogue.Task.CANCEL ? confirmCancel(ctx, d) : advanceReschedule(ctx, d);
        }
        // "move my drain cleaning to Friday", "cancel the one on Thursday": the request may say which
        String said = d.said;
        d.said = null;
        if (said != null) {
            boolean byTime = d.task == Dialogue.Task.CANCEL || d.saidIsSource;
            // "the 2pm one tmrw, can we make it 3": a time that is one of theirs names it, even in a move
            Optional<String> which = whichAppointment(ctx, d, said, byTime)
                    .or(() -> byTime ? Optional.empty() : whichAppointment(ctx, d, said, true));
            if (which.isPresent()) {
                d.appointmentId = which.get();
                return d.task == Dialogue.Task.CANCEL ? confirmCancel(ctx, d) : advanceReschedule(ctx, d);
            }
        }
        d.asked = Dialogue.Ask.WHICH_APPOINTMENT;
        return Output.say(Phrases.say(lang, "whichAppointment", describe(ctx, d, mine)));
    }

    Output listAppointments(Context ctx, Dialogue d) {
        return listAppointments(ctx, d, "anythingElse");
    }

    /** "When is my appointment?", "I'm calling about the one on Friday": a new task of reading them out. */
    Output lookUp(Context ctx, Dialogue d, String next) {
        d.resetTask();
        d.task = Dialogue.Task.LOOKUP;
        return listAppointments(ctx, d, next);
    }

    /** Reads out the caller's appointments and asks what next ("changeOrCancel" when they spoke of one). */
    Output listAppointments(Context ctx, Dialogue d, String next) {
        String lang = d.language;
        if (d.phone == null) {
            d.asked = Dialogue.Ask.PHONE;
            return Output.say(Phrases.say(lang, "needPhoneForLookup"));
        }
        if (Verification.proven(d) == null) {
            return verification.start(ctx, d);
        }
        List<Appointment> mine = tools.listAppointments(ctx.business(), d.phone);
        d.resetTask();
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        d.achieved("ANSWERED", "Told the caller about their appointments.");
        if (mine.isEmpty()) {
            return Output.say(Phrases.say(lang, "noAppointments") + " " + Phrases.say(lang, "anythingElse"));
        }
        if ("changeOrCancel".equals(next)) {
            // the next turn may say where the one read out goes (OwnAppointments.afterReadOut)
            d.topic = OwnAppointments.READ_OUT;
            d.candidates =
                    new ArrayList<>(mine.stream().map(a -> a.id().toString()).toList());
        }
        return Output.say(
                Phrases.say(lang, "yourAppointments", describe(ctx, d, mine)) + " " + Phrases.say(lang, next));
    }

    String describe(Context ctx, Dialogue d, List<Appointment> appointments) {
        return Phrases.list(
                d.language,
                appointments.stream()
                        .limit(3)
                        .map(a -> Speech.service(a.service(), d.language) + " "
                                + Speech.fullWhen(
                                        a.start(), ctx.business().timezone(), ctx.now(), d.language, ctx.spoken()))
                        .toList(),
                "and");
    }

    Optional<String> whichAppointment(Context ctx, Dialogue d, String text) {
        return whichAppointment(ctx, d, text, true);
    }

    /** The appointment the caller means; byTime false when a time in the text is the new one wanted. */
    Optional<String> whichAppointment(Context ctx, Dialogue d, String said, boolean byTime) {
        Optional<String> named = whichOne(ctx, d, said, byTime);
        String kept = Cues.kept(said);
        if (named.isPresent() || kept == null || d.candidates.size() != 2) {
            return named;
        }
        // "cancel the one after Thanksgiving... the one tomorrow is still fine": of two, the one not kept
        return whichOne(ctx, d, kept, byTime)
                .flatMap(keptId ->
                        d.candidates.stream().filter(id -> !id.equals(keptId)).findFirst());
    }

    private Optional<String> whichOne(Context ctx, Dialogue d, String said, boolean byTime) {
        // "cancel the Wednesday visit, but the leak thing on Friday, no, keep that": not the one kept
        String text = Cues.withoutKept(said);
        List<Appointment> mine = tools.listAppointments(ctx.business(), d.phone).stream()
                .filter(a -> d.candidates.contains(a.id().toString()))
                .toList();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        var service = Entities.service(text, ctx.business().services());
        Optional<TimeQuery> time = byTime ? booking.parseTime(ctx, d, text) : Optional.empty();
        boolean byService = service.isPresent()
                && mine.stream().anyMatch(a -> a.service().equals(service.get().name()));
        if (!byService && time.isEmpty()) {
            boolean morning = Cues.has("morningPick", text);
            if (morning || Cues.has("afternoonPick", text)) {
                // "celui du matin, peux-tu le mettre plus tard": the part of the day says which, not "plus tard"
                var part = mine.stream()
                        .filter(a ->
                                (a.start().atZone(ctx.business().timezone()).getHour() < 12) == morning)
                        .toList();
                if (part.size() == 1) {
                    return Optional.of(part.getFirst().id().toString());
                }
            }
            if (mine.size() > 2 && (Cues.has("secondPick", text) || Cues.has("thirdPick", text))) {
                // "the second one" of three read out is the middle one, not the last
                return Optional.of(
                        mine.get(Cues.has("thirdPick", text) ? 2 : 1).id().toString());
            }
            if (mine.size() > 1 && Cues.has("laterPick", text)) {
                return Optional.of(mine.getLast().id().toString());
            }
            if (Cues.has("earlierPick", text)) {
                return Optional.of(mine.getFirst().id().toString());
            }
            return Optional.empty();
        }
        // the one appointment that fits everything said: its service, day, time or part of the day
        List<Appointment> fits = mine.stream()
                .filter(a -> !byService || a.service().equals(service.get().name()))
                .filter(a -> time.isEmpty() || fits(ctx, a, time.get()))
                .toList();
        if (fits.isEmpty() && byService) {
            // "I've got two things booked ... move the water heater one": the service says which, whatever
            // else sounded like a time
            fits = mine.stream()
                    .filter(a -> a.service().equals(service.get().name()))
                    .toList();
        }
        if (fits.size() > 1 && Cues.has("laterPick", text)) {
            // "two appointments tomorrow ... move the later one": the later of those that fit
            return Optional.of(fits.getLast().id().toString());
        }
        if (fits.size() > 1 && Cues.has("earlierPick", text)) {
            return Optional.of(fits.getFirst().id().toString());
        }
        return fits.size() == 1 ? Optional.of(fits.getFirst().id().toString()) : Optional.empty();
    }

    /** Whether the day, time and part of the day said all fit the appointment ("mardi matin" for Tuesday 9:00). */
    static boolean fits(Context ctx, Appointment a, TimeQuery q) {
        ZonedDateTime at = a.start().atZone(ctx.business().timezone());
        boolean day = q.date() == null || q.date().equals(at.toLocalDate());
        boolean time = q.time() == null
                || q.time().equals(at.toLocalTime())
                || q.time().plusHours(12).equals(at.toLocalTime());
        // "she only needs the afternoon one. Could you cancel the nine a.m.?": an hour said is more exact than a part
        boolean part = q.time() != null
                || switch (q.dayPart()) {
                    case MORNING -> at.getHour() < 12;
                    case AFTERNOON -> at.getHour() >= 12 && at.getHour() < 17;
                    case EVENING -> at.getHour() >= 17;
                    case ANY -> true;
                };
        return day && time && part;
    }

    Output confirmCancel(Context ctx, Dialogue d) {
        Appointment a = appointment(ctx, d).orElseThrow();
        d.asked = Dialogue.Ask.CONFIRM;
        return Output.say(Phrases.say(
                d.language, "confirmCancel", Speech.service(a.service(), d.language), when(ctx, d, a.start())));
    }

    Output advanceReschedule(Context ctx, Dialogue d) {
        d.task = Dialogue.Task.RESCHEDULE;
        Appointment a = appointment(ctx, d).orElse(null);
        if (a == null) {
            return lookUpAppointments(ctx, d);
        }
        d.service = a.service();
        String what = Speech.service(a.service(), d.language) + " " + when(ctx, d, a.start());
        if (d.sameTime && d.time == null && d.date != null && d.chosen == null) {
            d.time = a.start().atZone(ctx.business().timezone()).toLocalTime().toString();
            d.sameTime = false;
            d.vague = false;
        }
        if (d.following && d.date != null && d.chosen == null) {
            // "le samedi suivant" of a Saturday appointment: the Saturday after it, not the same one
            var own = a.start().atZone(ctx.business().timezone()).toLocalDate();
            var date = java.time.LocalDate.parse(d.date);
            while (!date.isAfter(own)) {
                date = date.plusWeeks(1);
            }
            d.date = date.toString();
            d.following = false;
        }
        if ((d.timeOnly || d.date == null)
                && (d.time != null || d.dayPart != null)
                && d.chosen == null
                && !d.earliest) {
            // "push it to noon", "at three instead": an hour alone is on the appointment's own day
            d.date = a.start().atZone(ctx.business().timezone()).toLocalDate().toString();
            d.timeOnly = false;
        }
        if (d.bareWeekday && d.date != null && d.chosen == null) {
            // "move my appointment on Tuesday the 1st to Wednesday": the Wednesday nearest to it
            d.date = Flow.nearestTo(ctx.business().timezone(), java.time.LocalDate.parse(d.date), a.start())
                    .toString();
            d.bareWeekday = false;
        }
        if (d.shiftMinutes != null && d.chosen == null) {
            // "two hours later", "same time next week": from the appointment's own time
            var target = a.start()
                    .plusSeconds(d.shiftMinutes * 60)
                    .atZone(ctx.business().timezone());
            d.shiftMinutes = null;
            d.date = target.toLocalDate().toString();
            d.time = target.toLocalTime().toString();
            d.vague = false;
        }
        if (d.chosen == null) {
            if (d.date == null && d.time == null) {
                d.asked = Dialogue.Ask.NEW_TIME;
                return Output.say(Phrases.say(d.language, "askNewTime", what));
            }
            if (d.vague) {
                d.asked = Dialogue.Ask.NEW_TIME;
                return Output.say(Phrases.say(d.language, "askWhenVague"));
            }
            Output offer = booking.offer(ctx, d);
            if (d.chosen == null) {
                return offer;
            }
        }
        if (Instant.parse(d.chosen).equals(a.start())) {
            // a reading that lands on the appointment's own time is no move: ask where to
            d.chosen = null;
            d.date = null;
            d.time = null;
            d.asked = Dialogue.Ask.NEW_TIME;
            return Output.say(Phrases.say(d.language, "askNewTime", what));
        }
        d.asked = Dialogue.Ask.CONFIRM;
        return Output.say(Phrases.say(d.language, "confirmReschedule", what, when(ctx, d, Instant.parse(d.chosen))));
    }

    Output cancel(Context ctx, Dialogue d) {
        String lang = d.language;
        if (Verification.proven(d) == null) {
            return verification.start(ctx, d);
        }
        var cancelled = tools.cancelAppointment(ctx.business(), d.appointmentId, d.phone);
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        if (cancelled.isEmpty()) {
            d.resetTask();
            d.asked = Dialogue.Ask.ANYTHING_ELSE;
            return Output.say(Phrases.say(lang, "noAppointments") + " " + Phrases.say(lang, "anythingElse"));
        }
        Appointment a = cancelled.get();
        d.achieved("CANCELLED", "Cancelled " + a.service() + " at " + a.start() + ".");
        d.resetTask();
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        return Output.say(Phrases.say(lang, "cancelled", Speech.service(a.service(), lang), when(ctx, d, a.start()))
                + " " + Phrases.say(lang, "anythingElse"));
    }

    Output reschedule(Context ctx, Dialogue d) {
        String lang = d.language;
        if (Verification.proven(d) == null) {
            return verification.start(ctx, d);
        }
        Instant start = Instant.parse(d.chosen);
        var result = tools.rescheduleAppointment(ctx.business(), d.appointmentId, start, d.phone);
        if (result instanceof Scheduling.Booked moved) {
            d.achieved("RESCHEDULED", "Moved " + moved.appointment().service() + " to " + start + ".");
            String service = Speech.service(moved.appointment().service(), lang);
            d.resetTask();
            d.asked = Dialogue.Ask.ANYTHING_ELSE;
            return Output.say(Phrases.say(lang, "rescheduled", service, when(ctx, d, start)) + " "
                    + Phrases.say(lang, "anythingElse"));
        }
        var unavailable = (Scheduling.Unavailable) result;
        d.chosen = null;
        d.offered = new ArrayList<>(unavailable.alternatives().stream()
                .limit(2)
                .map(s -> s.start().toString())
                .toList());
        d.asked = d.offered.isEmpty() ? Dialogue.Ask.NEW_TIME : Dialogue.Ask.PICK_SLOT;
        return Output.say(
                d.offered.isEmpty()
                        ? Phrases.say(lang, "noSlots")
                        : Phrases.say(
                                lang,
                                "slotTaken",
                                when(ctx, d, start),
                                booking.slotList(
                                        ctx,
                                        d,
                                        unavailable.alternatives().stream()
                                                .limit(2)
                                                .toList())));
    }
}
