package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.TimeQuery;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.tenants.ServiceOffering;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Booking a visit: the service, the day and time, free slots offered and picked, the name, the read-back. */
final class BookingFlow extends Flow {

    private final TimeReading times = new TimeReading();

    BookingFlow(AssistantTools tools) {
        super(tools);
    }

    Output advanceBooking(Context ctx, Dialogue d) {
        d.task = Dialogue.Task.BOOK;
        String lang = d.language;
        List<ServiceOffering> services = ctx.business().services();
        if (d.service == null) {
            if (d.emergency && !services.isEmpty()) {
                d.service = services.stream()
                        .filter(s -> s.name().toLowerCase(Locale.ROOT).contains("emergenc")
                                || s.aliases().stream()
                                        .anyMatch(
                                                a -> a.toLowerCase(Locale.ROOT).contains("emergenc")))
                        .findFirst()
                        .orElse(services.getFirst())
                        .name();
            } else if (services.size() == 1) {
                d.service = services.getFirst().name();
            } else {
                d.asked = Dialogue.Ask.SERVICE;
                return Output.say(Phrases.say(
                        lang,
                        "askService",
                        Phrases.list(
                                lang,
                                services.stream()
                                        .map(s -> Speech.service(s.name(), lang))
                                        .toList(),
                                "or")));
            }
        }
        if (d.chosen == null) {
            if (d.date == null && d.time == null && d.dayPart == null && !d.emergency) {
                // no time said: the soonest free times, or another day if those do not suit
                d.earliest = true;
                d.date = ctx.now().toLocalDate().toString();
            }
            if (d.vague && !d.emergency) {
                d.asked = Dialogue.Ask.WHEN;
                return Output.say(Phrases.say(lang, "askWhenVague"));
            }
            Output offer = offer(ctx, d);
            if (d.chosen == null) {
                return offer;
            }
        }
        if (d.name == null) {
            d.asked = Dialogue.Ask.NAME;
            return Output.say(Phrases.say(lang, "askName"));
        }
        if (d.phone == null && ctx.channel() != dev.frontdesk.assistant.Channel.WEB) {
            d.asked = Dialogue.Ask.PHONE;
            return Output.say(Phrases.say(lang, "askPhone"));
        }
        d.asked = Dialogue.Ask.CONFIRM;
        return Output.say(
                Phrases.say(lang, "confirmBooking", serviceName(d), when(ctx, d, Instant.parse(d.chosen)), d.name));
    }

    /** Finds slots for what was asked; picks the exact time when it is free, else offers the nearest. */
    Output offer(Context ctx, Dialogue d) {
        String lang = d.language;
        d.taken = null;
        LocalDate today = ctx.now().toLocalDate();
        LocalDate date = d.date == null ? today : LocalDate.parse(d.date);
        List<TimeSlot> slots = List.of();
        LocalDate searched = date;
        for (int i = 0; i < 14 && slots.isEmpty(); i++) {
            searched = date.plusDays(i);
            slots = Slots.filterByPart(
                    ctx,
                    d,
                    d.task == Dialogue.Task.RESCHEDULE && d.appointmentId != null
                            ? tools.availabilityForMove(ctx.business(), d.appointmentId, searched)
                            : tools.checkAvailability(ctx.business(), d.service, searched, d.emergency));
            if (d.time != null && i == 0 && !slots.isEmpty()) {
                break;
            }
        }
        if (slots.isEmpty()) {
            d.date = null;
            d.time = null;
            d.dayPart = null;
            d.asked = d.task == Dialogue.Task.RESCHEDULE ? Dialogue.Ask.NEW_TIME : Dialogue.Ask.WHEN;
            return Output.say(Phrases.say(lang, "noSlots"));
        }
        if (d.time != null) {
            Instant wanted = LocalDate.parse(d.date == null ? today.toString() : d.date)
                    .atTime(LocalTime.parse(d.time))
                    .atZone(ctx.business().timezone())
                    .toInstant();
            Optional<TimeSlot> exact =
                    slots.stream().filter(s -> s.start().equals(wanted)).findFirst();
            if (exact.isPresent()) {
                d.chosen = exact.get().start().toString();
                return Output.say("");
            }
            List<TimeSlot> nearest = slots.stream()
                    .sorted(Comparator.comparingLong(
                            s -> Math.abs(s.start().getEpochSecond() - wanted.getEpochSecond())))
                    .limit(2)
                    .sorted(Comparator.comparing(TimeSlot::start))
                    .toList();
            d.offered = new ArrayList<>(
                    nearest.stream().map(s -> s.start().toString()).toList());
            d.asked = Dialogue.Ask.PICK_SLOT;
            d.time = null;
            d.taken = wanted.toString();
            return Output.say(Phrases.say(lang, "slotTaken", when(ctx, d, wanted), slotList(ctx, d, nearest)));
        }
        if (d.firstThing && !d.emergency) {
            d.chosen = slots.getFirst().start().toString();
            return Output.say("");
        }
        List<TimeSlot> first = d.emergency
                ? slots.subList(0, 1)
                : d.earliest ? slots.subList(0, Math.min(2, slots.size())) : Slots.spread(slots);
        d.offered =
                new ArrayList<>(first.stream().map(s -> s.start().toString()).toList());
        d.asked = Dialogue.Ask.PICK_SLOT;
        if (d.emergency) {
            return Output.say(Phrases.say(
                    lang, "emergencyOffer", when(ctx, d, first.getFirst().start())));
        }
        // "can you come Thursday" on a closed day: say so before offering another day
        String closed = !searched.equals(date) && Slots.closedOn(ctx, date)
                ? Phrases.say(lang, "closedOn", Speech.dayAndDate(date, lang)) + " "
                : "";
        return Output.say(
                closed + Phrases.say(lang, d.earliest ? "offerSoonest" : "offerSlots", slotList(ctx, d, first)));
    }

    String slotList(Context ctx, Dialogue d, List<TimeSlot> slots) {
        return Phrases.list(
                d.language, slots.stream().map(s -> when(ctx, d, s.start())).toList(), "or");
    }

    /**
     * One of the times offered: by its time ("ten thirty works"), by position ("the later one") or by a
     * plain yes to a single offer. A new day or time that was not offered is not a pick (the caller is
     * asking for something else), nor is a yes inside a longer sentence that says more.
     */
    Optional<String> pick(Context ctx, Dialogue d, String text, Optional<Boolean> yesNo) {
        if (d.offered.isEmpty() || (yesNo.orElse(false) && Cues.wantsEarliest(text))) {
            return d.offered.stream().findFirst(); // "yes the first available pls": not the 1st of the month
        }
        Optional<TimeQuery> time = parseTime(ctx, d, text);
        if (time.isPresent()) {
            for (String offered : d.offered) {
                ZonedDateTime at = Instant.parse(offered).atZone(ctx.business().timezone());
                boolean sameTime = time.get().time() == null
                        || at.toLocalTime().equals(time.get().time())
                        || at.toLocalTime().equals(time.get().time().plusHours(12));
                boolean sameDay = time.get().date() == null || time.get().date().equals(at.toLocalDate());
                boolean sayable = time.get().time() != null || d.offered.size() == 1;
                if (sameTime && sameDay && sayable) {
                    return Optional.of(offered);
                }
            }
            return Optional.empty();
        }
        if (time.isPresent() && Slots.saysAnotherTime(ctx, d, time.get())) {
            return Optional.empty(); // "el primero de diciembre a las diez y media": a new day, not the first offer
        }
        if (TalkFlow.faqTopic(text) || Cues.asksPrice(text) || Cues.asksSomething(text)) {
            return Optional.empty(); // "wait, first: do you even cover Cambridge?" is a question, not a pick
        }
        if (d.offered.size() > 1 && Cues.has("laterPick", text)) {
            return Optional.of(d.offered.getLast());
        }
        if (Cues.has("earlierPick", text)) {
            return Optional.of(d.offered.getFirst());
        }
        boolean plainYes = yesNo.orElse(false) && !Cues.has("sameTime", text);
        if (plainYes) {
            return Optional.of(d.offered.getFirst());
        }
        return Optional.empty();
    }

    /** Reads a time from the text into the dialogue; true when anything time-like was found. */
    boolean fillTime(Context ctx, Dialogue d, String text) {
        Optional<TimeQuery> parsed = parseTime(ctx, d, text);
        if (parsed.isEmpty()) {
            if (Cues.wantsEarliest(text)) {
                // "just give me the earliest you have": search from today (or the day already said)
                d.earliest = true;
                d.time = null;
                d.vague = false;
                d.offered = new ArrayList<>();
                d.chosen = null;
                if (d.date == null) {
                    d.date = ctx.now().toLocalDate().toString();
                }
                return true;
            }
            return false;
        }
        TimeQuery q = parsed.get();
        if (q.date() == null && Cues.has("unreadDay", text)) {
            // "the day after thanksgiving, first thing": a day was said that is not understood; never assume one
            return false;
        }
        q = sameAsMoved(ctx, d, text, q);
        // "monday, same time" before the appointment is known: its time is taken once it is
        d.sameTime = q.time() == null && Cues.has("sameTime", text);
        d.following = d.task == Dialogue.Task.RESCHEDULE && Cues.has("following", text);
        d.earliest = Cues.wantsEarliest(text) && q.time() == null;
        d.firstThing = Cues.has("firstThing", text) && q.time() == null;
        LocalDate date = q.date();
        if (date != null && d.after != null && !q.vague()) {
            // "sometime next week" … "Tuesday": the Tuesday of that week
            LocalDate after = LocalDate.parse(d.after);
            while (date.isBefore(after)) {
                date = date.plusDays(7);
            }
        }
        boolean vague = q.vague() && q.time() == null && !d.earliest;
        if (vague && q.date() == null && q.dayPart() != TimeQuery.DayPart.ANY && d.date != null) {
            vague = false; // "anything after lunch?" about the day already said: that day's afternoon
        }
        d.vague = vague;
        d.after = vague && date != null ? date.toString() : null;
        if (date != null) {
            d.date = date.toString();
        }
        if (q.time() != null) {
            LocalDate day = d.date == null ? ctx.now().toLocalDate() : LocalDate.parse(d.date);
            d.time = (Cues.has("sameTime", text) ? q.time() : TimeOfDay.likely(ctx, day, q)).toString();
            if (q.date() == null && d.date == null && d.task != Dialogue.Task.RESCHEDULE) {
                // a booking at an hour alone is the next such hour; a move keeps the appointment's day
                LocalDate today = ctx.now().toLocalDate();
                boolean passed = !LocalTime.parse(d.time).isAfter(ctx.now().toLocalTime());
                d.date = (passed ? today.plusDays(1) : today).toString();
            }
        } else if (date != null) {
            d.time = null; // a new day without a time: the old time does not carry over
        }
        if (q.dayPart() != null && (q.dayPart() != TimeQuery.DayPart.ANY || d.dayPart == null)) {
            d.dayPart = q.dayPart().name();
        }
        if (q.date() == null
                && q.time() == null
                && d.date == null
                && (d.task != Dialogue.Task.RESCHEDULE || d.earliest)) {
            d.date = ctx.now().toLocalDate().toString();
        }
        d.chosen = null;
        return true;
    }

    /** "Same day but nine", "Friday, same time": the day or time of the appointment being moved. */
    private TimeQuery sameAsMoved(Context ctx, Dialogue d, String text, TimeQuery q) {
        if (q.date() != null
                && d.date != null
                && Cues.has("thatWeekday", text)
                && LocalDate.parse(d.date).getDayOfWeek() == q.date().getDayOfWeek()) {
            // "one thirty that wednesday": the Wednesday already talked about, not the next one
            q = new TimeQuery(LocalDate.parse(d.date), q.time(), q.dayPart(), false, q.matched());
        }
        boolean thatDay = q.date() == null && Cues.has("thatDay", text);
        if (thatDay && d.date != null) {
            // "how about nine in the morning that day": the day just talked about
            q = new TimeQuery(LocalDate.parse(d.date), q.time(), q.dayPart(), false, q.matched());
        }
        boolean sameDay = q.date() == null && (Cues.has("sameDay", text) || thatDay);
        boolean onTheTable = d.asked == Dialogue.Ask.PICK_SLOT || d.asked == Dialogue.Ask.CONFIRM;
        if (sameDay && !thatDay && onTheTable && d.date != null) {
            // "ten in the morning, same day" about the day just offered or read back, not the appointment's
            return new TimeQuery(LocalDate.parse(d.date), q.time(), q.dayPart(), false, q.matched());
        }
        boolean sameTime = q.time() == null && (q.date() != null || sameDay) && Cues.has("sameTime", text);
        if (!sameDay && !sameTime) {
            return q;
        }
        if (sameTime && !sameDay && d.asked == Dialogue.Ask.CONFIRM && d.time != null) {
            // "no, Thursday the 3rd at the same time" after a read-back: the time just read back
            return new TimeQuery(q.date(), java.time.LocalTime.parse(d.time), q.dayPart(), false, q.matched());
        }
        Optional<Appointment> moved = appointment(ctx, d);
        if (moved.isEmpty()) {
            return q;
        }
        ZonedDateTime at = moved.get().start().atZone(ctx.business().timezone());
        return new TimeQuery(
                sameDay ? at.toLocalDate() : q.date(),
                sameTime ? at.toLocalTime() : q.time(),
                q.dayPart(),
                false,
                q.matched());
    }

    /** The time the caller said (see {@link TimeReading}). */
    Optional<TimeQuery> parseTime(Context ctx, Dialogue d, String text) {
        return times.read(ctx, d, text);
    }

    /**
     * The service the caller names last: in "not the drain, it's a leak" the leak. Empty when none or
     * when it is the one already chosen.
     */
    static Optional<ServiceOffering> lastService(Context ctx, String text) {
        String[] words = text.trim().split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            var found = Entities.service(
                    String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)),
                    ctx.business().services());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A booking's service corrected mid-way ("actually it's a leak, not the drain"); true when it changed. */
    static boolean changeService(Context ctx, Dialogue d, String text) {
        Optional<ServiceOffering> named = lastService(ctx, text);
        if (named.isEmpty() || named.get().name().equals(d.service)) {
            return false;
        }
        d.service = named.get().name();
        d.chosen = null;
        return true;
    }

    Output book(Context ctx, Dialogue d) {
        String lang = d.language;
        Instant start = Instant.parse(d.chosen);
        var result = tools.bookAppointment(
                ctx.business(),
                d.service,
                start,
                d.name,
                d.phone,
                d.email,
                d.emergency ? "Emergency" : null,
                d.emergency,
                ctx.channel().name(),
                lang);
        if (result instanceof Scheduling.Booked booked) {
            d.topicService = booked.appointment().service();
            String when = when(ctx, d, booked.appointment().start());
            d.achieved(
                    "BOOKED",
                    "Booked " + booked.appointment().service() + " for " + d.name + " at "
                            + booked.appointment().start() + (d.emergency ? " (emergency)." : "."));
            String service = serviceName(d);
            d.resetTask();
            d.asked = Dialogue.Ask.ANYTHING_ELSE;
            // no number, no reminder (web chat books with a name alone unless the visitor gives one)
            String key = d.phone == null ? "bookedNoReminder" : "booked";
            return Output.say(Phrases.say(lang, key, service, when) + " " + Phrases.say(lang, "anythingElse"));
        }
        var unavailable = (Scheduling.Unavailable) result;
        d.chosen = null;
        d.offered = new ArrayList<>(unavailable.alternatives().stream()
                .limit(2)
                .map(s -> s.start().toString())
                .toList());
        if (d.offered.isEmpty()) {
            d.asked = Dialogue.Ask.WHEN;
            return Output.say(Phrases.say(lang, "noSlots"));
        }
        d.asked = Dialogue.Ask.PICK_SLOT;
        return Output.say(Phrases.say(
                lang,
                "slotTaken",
                when(ctx, d, start),
                slotList(ctx, d, unavailable.alternatives().stream().limit(2).toList())));
    }
}
