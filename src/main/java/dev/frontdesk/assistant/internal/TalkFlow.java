package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.speech.ReplyText;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Questions, prices, hours, messages, emergencies, silence, misunderstandings and goodbyes. */
final class TalkFlow extends Flow {

    private final BookingFlow booking;

    TalkFlow(AssistantTools tools, BookingFlow booking) {
        super(tools);
        this.booking = booking;
    }

    /**
     * The knowledge base's answer: to the caller's words, or else to the usual way of asking a common
     * question their words point at ({@link AssistantTools#answer}).
     */
    Optional<String> knowledge(Context ctx, String language, String text) {
        return tools.answer(ctx.business(), text, language);
    }

    /** Whether the words point at one of the common questions (payment, area, warranty...). */
    static boolean faqTopic(String text) {
        String folded = LanguageData.fold(text);
        return AssistantTools.FAQ.values().stream().anyMatch(words -> LanguageData.containsAny(folded, words));
    }

    Output question(Context ctx, Dialogue d, String text) {
        Optional<String> answer = knowledge(ctx, d.language, text);
        if (answer.isPresent()) {
            d.asked = Dialogue.Ask.ANYTHING_ELSE;
            d.achieved("ANSWERED", "Answered a question from the knowledge base.");
            return Output.say(shape(ctx, d.language, answer.get()) + " " + Phrases.say(d.language, "anythingElse"));
        }
        d.asked = Dialogue.Ask.OFFER_MESSAGE;
        return Output.say(Phrases.say(d.language, "dontKnow"));
    }

    /**
     * A second question in the same turn ("how much is a leak repair and do you go out to Brookline?", "are
     * you open on saturdays and how much for a water heater"): its answer is added to the first one's.
     */
    Output alsoAnswer(Context ctx, Dialogue d, String text, Output first, Intent answered) {
        String anythingElse = Phrases.say(d.language, "anythingElse");
        if (d.asked != Dialogue.Ask.ANYTHING_ELSE || !first.text().endsWith(anythingElse)) {
            return first;
        }
        String body = first.text()
                .substring(0, first.text().length() - anythingElse.length())
                .strip();
        Optional<String> extra = Optional.empty();
        String[] clauses = Cues.pattern("clauseJoin").split(text);
        // a question answered from the knowledge base may have asked a price first ("how much is a leak repair
        // and do you go out to brookline"): every clause then
        for (int i = answered == Intent.QUESTION ? 0 : 1; i < clauses.length && extra.isEmpty(); i++) {
            String clause = clauses[i];
            if (faqTopic(clause)) {
                extra = knowledge(ctx, d.language, clause).map(a -> shape(ctx, d.language, a));
            } else if (answered != Intent.PRICES
                    && Cues.asksPrice(clause)
                    && Entities.service(clause, ctx.business().services()).isPresent()) {
                Output price = prices(ctx, d, clause);
                extra = price.text().endsWith(anythingElse)
                        ? Optional.of(price.text()
                                .substring(0, price.text().length() - anythingElse.length())
                                .strip())
                        : Optional.empty();
            } else if (answered != Intent.HOURS && Cues.has("hoursWord", clause)) {
                String hours = openingHours(ctx, d).text();
                extra = Optional.of(hours.substring(0, hours.length() - anythingElse.length())
                        .strip());
            }
            extra = extra.filter(e -> !body.contains(e));
        }
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        return extra.map(e -> Output.say(body + " " + e + " " + anythingElse)).orElse(first);
    }

    Output prices(Context ctx, Dialogue d, String text) {
        // "¿cuánto me cobraríais por desatascar el fregadero?": the problem names the service too
        Requests.service(ctx, text).ifPresent(s -> d.topicService = s.name());
        // "do u charge to come out n give a quote?": a common question about prices, answered as written
        Optional<String> answer = faqTopic(text)
                ? tools.answer(ctx.business(), text, d.language)
                : tools.searchKnowledge(ctx.business(), text, d.language);
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        d.topic = "PRICES";
        if (answer.isPresent()) {
            d.achieved("ANSWERED", "Answered a question about prices.");
            return Output.say(shape(ctx, d.language, answer.get()) + " " + Phrases.say(d.language, "anythingElse"));
        }
        // "how much is that gonna run me" while moving a water heater repair, or while an emergency visit is
        // offered: the price of the service under way
        String about = d.task != Dialogue.Task.NONE && d.service != null ? d.service : d.topicService;
        var service = Requests.service(ctx, text)
                .or(() -> ctx.business().services().stream()
                        .filter(o -> o.name().equals(about))
                        .findFirst());
        // "whats ur price for drain cleaning and water heater repair": each service named
        List<ServiceOffering> named = ctx.business().services().stream()
                .filter(s -> Entities.service(text, List.of(s)).isPresent())
                .toList();
        List<ServiceOffering> priced = ctx.business().services().stream()
                .filter(s -> s.priceText() != null)
                .filter(s -> named.size() > 1
                        ? named.contains(s)
                        : service.isEmpty() || s.name().equals(service.get().name()))
                .toList();
        if (priced.isEmpty()) {
            d.asked = Dialogue.Ask.OFFER_MESSAGE;
            return Output.say(Phrases.say(d.language, "noPrices"));
        }
        d.achieved("ANSWERED", "Answered a question about prices.");
        if (ctx.spoken() && priced.size() > 3) {
            // a spoken list stays short: two examples, then ask which service
            String some = Phrases.list(
                    d.language,
                    priced.stream()
                            .limit(2)
                            .map(s -> s.name() + " " + s.priceText())
                            .toList(),
                    "and");
            return Output.say(Phrases.say(d.language, "pricesSome", some));
        }
        String list = Phrases.list(
                d.language,
                priced.stream().map(s -> s.name() + ": " + s.priceText()).toList(),
                "and");
        return Output.say(Phrases.say(d.language, "prices", list) + " " + Phrases.say(d.language, "anythingElse"));
    }

    Output advanceMessage(Context ctx, Dialogue d) {
        d.task = Dialogue.Task.MESSAGE;
        if (d.messageText == null) {
            d.asked = Dialogue.Ask.MESSAGE_TEXT;
            return Output.say(Phrases.say(d.language, "askMessage"));
        }
        if (d.name == null) {
            Entities.name(d.messageText, d.language).ifPresent(n -> d.name = n);
        }
        if (d.name == null) {
            d.asked = Dialogue.Ask.NAME;
            return Output.say(Phrases.say(d.language, "askName"));
        }
        if (d.phone == null) {
            d.asked = Dialogue.Ask.PHONE;
            return Output.say(Phrases.say(d.language, "askPhone"));
        }
        return sendMessage(ctx, d);
    }

    Output emergency(Context ctx, Dialogue d, String text, boolean lifeThreatening) {
        d.emergency = true;
        d.lifeThreatening = lifeThreatening;
        tools.alertOwner(ctx.business(), d, d.phone, text, lifeThreatening);
        d.achieved(
                "EMERGENCY",
                "Emergency: \"" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "\". Owner alerted.");
        String owner = ctx.business().name();
        String first = lifeThreatening
                ? Phrases.say(d.language, "emergencyDanger", emergencyNumber(ctx), owner)
                : Phrases.say(d.language, "emergency", owner);
        d.resetTask();
        d.task = Dialogue.Task.BOOK;
        Output offer = this.booking.advanceBooking(ctx, d);
        if (d.asked == Dialogue.Ask.PICK_SLOT) {
            return Output.say(first + " " + offer.text());
        }
        d.resetTask();
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        return Output.say(first + " " + Phrases.say(d.language, "emergencyCallback"));
    }

    /** Silence is re-prompted twice, then a message is offered, then the call ends politely. */
    Output silence(Context ctx, Dialogue d) {
        d.silences++;
        if (d.silences >= 4) {
            return goodbye(ctx, d);
        }
        if (d.silences == 3) {
            d.task = Dialogue.Task.MESSAGE;
            d.asked = Dialogue.Ask.MESSAGE_TEXT;
            return Output.say(Phrases.say(d.language, "silenceOfferMessage"));
        }
        return Output.say(Phrases.say(d.language, "silence"));
    }

    Output misunderstood(Context ctx, Dialogue d) {
        d.misunderstandings++;
        if (d.misunderstandings >= 2) {
            d.misunderstandings = 0;
            d.resetTask();
            d.task = Dialogue.Task.MESSAGE;
            d.asked = Dialogue.Ask.MESSAGE_TEXT;
            return Output.say(Phrases.say(d.language, "giveUp"));
        }
        return Output.say(Phrases.say(d.language, "notUnderstood"));
    }

    Output goodbye(Context ctx, Dialogue d) {
        return end(
                d,
                Phrases.say(
                        d.language,
                        !ctx.spoken() ? "goodbyeText" : d.outbound ? "goodbyeCalled" : "goodbye",
                        ctx.business().name()));
    }

    Output openingHours(Context ctx, Dialogue d) {
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        d.topic = "HOURS";
        d.achieved("ANSWERED", "Told the caller the opening hours.");
        String closed = ctx.business().closedDates().stream()
                .filter(day -> !day.isBefore(ctx.now().toLocalDate())
                        && day.isBefore(ctx.now().toLocalDate().plusDays(15)))
                .sorted()
                .map(day -> Speech.dayAndDate(day, d.language))
                .collect(java.util.stream.Collectors.joining(", "));
        String open = hours(ctx, d.language);
        return Output.say((closed.isEmpty()
                        ? Phrases.say(d.language, "hours", open)
                        : Phrases.say(d.language, "hoursClosed", open, closed))
                + " " + Phrases.say(d.language, "anythingElse"));
    }

    String shape(Context ctx, String language, String answer) {
        return ReplyText.forChannel(
                answer, ctx.channel(), language, ctx.business().timezone());
    }

    /** "Monday to Friday 8 AM to 5 PM and Saturday 9 AM to 1 PM": days with the same hours run together. */
    private static String ranges(List<TimeRange> ranges, String lang) {
        return String.join(
                ", ",
                ranges.stream()
                        .map(r -> Phrases.say(
                                lang,
                                "timeRange",
                                Speech.clock(r.start(), lang),
                                r.end().equals(LocalTime.MAX)
                                        ? Speech.clock(LocalTime.MIDNIGHT, lang)
                                        : Speech.clock(r.end(), lang)))
                        .toList());
    }

    /** "Are you open on Thanksgiving / on Saturday?": the hours of the day asked about, or that it is closed. */
    Output openingHours(Context ctx, Dialogue d, String text) {
        var day = dev.frontdesk.assistant.nlu.TimeExpressions.parse(text, d.language, ctx.now())
                .map(dev.frontdesk.assistant.nlu.TimeQuery::date)
                .filter(date -> !date.isBefore(ctx.now().toLocalDate()));
        if (day.isEmpty()) {
            return openingHours(ctx, d);
        }
        java.time.LocalDate date = day.get();
        String named = Speech.dayAndDate(date, d.language);
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        d.topic = "HOURS";
        d.achieved("ANSWERED", "Told the caller the opening hours.");
        String said = Slots.closedOn(ctx, date)
                ? Phrases.say(d.language, "closedOn", named)
                : Phrases.say(
                        d.language,
                        "openOn",
                        named,
                        ranges(ctx.business().hours().on(date.getDayOfWeek()), d.language));
        return Output.say(said + " " + Phrases.say(d.language, "anythingElse"));
    }

    String hours(Context ctx, String lang) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        int i = 0;
        while (i < days.length) {
            List<TimeRange> ranges = ctx.business().hours().on(days[i]);
            int j = i;
            while (j + 1 < days.length && ctx.business().hours().on(days[j + 1]).equals(ranges)) {
                j++;
            }
            if (!ranges.isEmpty()) {
                String span = j == i
                        ? Speech.dayName(days[i], lang)
                        : j == i + 1
                                ? Speech.dayName(days[i], lang) + " " + Phrases.say(lang, "and") + " "
                                        + Speech.dayName(days[j], lang)
                                : Phrases.say(
                                        lang, "dayRange", Speech.dayName(days[i], lang), Speech.dayName(days[j], lang));
                parts.add(span + " " + ranges(ranges, lang));
            }
            i = j + 1;
        }
        return Phrases.list(lang, parts, "and");
    }

    Output sendMessage(Context ctx, Dialogue d) {
        String lang = d.language;
        // "for dana no sorry for mike": a recipient named in the request is the one, not one named in the message
        String forWhom = d.forWhom == null
                ? d.messageText
                : tools.namesStaff(ctx.business(), d.forWhom) ? d.forWhom : d.forWhom + " " + d.messageText;
        tools.takeMessage(ctx.business(), forWhom, d.name, d.phone, d.messageText);
        d.forWhom = null;
        d.achieved("MESSAGE_TAKEN", "Took a message: " + d.messageText);
        d.resetTask();
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        return Output.say(Phrases.say(lang, "messageTaken") + " " + Phrases.say(lang, "anythingElse"));
    }
}
