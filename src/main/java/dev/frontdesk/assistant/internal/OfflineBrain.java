package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply.Action;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.frontdesk.assistant.nlu.IntentResult;
import dev.frontdesk.assistant.nlu.LanguageDetector;
import dev.frontdesk.assistant.nlu.TimeExpressions;
import dev.frontdesk.assistant.nlu.TimeQuery;
import dev.frontdesk.scheduling.Appointment;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import dev.frontdesk.tenants.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The offline brain: intent detection with sentence embeddings plus safety rules, slot filling, and a
 * dialogue policy per task (book, reschedule, cancel, my appointments, questions, hours, prices,
 * message, transfer, emergency, goodbye) with confirmations, corrections and a graceful exit after
 * repeated misunderstanding. No network, no API key.
 */
final class OfflineBrain {

    private static final double STRONG = 0.55;
    /**
     * An emergency or opt-out told only by the nearest examples (no rule matched) must be at least this
     * sure before the assistant alerts the owner or ends the call: "the leak repair" or "je m'appelle Luc"
     * sit near such examples without being either.
     */
    private static final double SURE_WITHOUT_RULE = 0.35;

    /** What the brain knows about the turn's surroundings. */
    record Context(Business business, ZonedDateTime now, Channel channel, String callerPhone, UUID conversationId) {
        boolean spoken() {
            return channel.spoken();
        }
    }

    /** What to say and do. */
    record Output(String text, List<Action> actions) {
        static Output say(String text) {
            return new Output(text, List.of());
        }

        static Output end(String text) {
            return new Output(text, List.of(new Action.Hangup()));
        }
    }

    private final IntentClassifier intents;
    private final AssistantTools tools;

    OfflineBrain(IntentClassifier intents, AssistantTools tools) {
        this.intents = intents;
        this.tools = tools;
    }

    Output greet(Context ctx, Dialogue d) {
        String greeting = ctx.business().greeting();
        if (greeting != null && d.language.equals(ctx.business().defaultLanguage()) && ctx.spoken()) {
            return Output.say(greeting);
        }
        return Output.say(Phrases.say(
                d.language,
                ctx.spoken() ? "greeting" : "greetingText",
                ctx.business().name()));
    }

    Output respond(Context ctx, Dialogue d, String text, Double confidence, double threshold) {
        d.turns++;
        if (d.phone == null && ctx.callerPhone() != null) {
            d.phone = ctx.callerPhone();
        }
        if (text.isBlank()) {
            return silence(ctx, d);
        }
        d.silences = 0;
        switchLanguage(d, text);

        if (d.asked == Dialogue.Ask.CONFIRM_HEARD) {
            Optional<Boolean> yes = Entities.yesNo(text, d.language);
            String heard = d.heard;
            d.heard = null;
            d.asked = d.task == Dialogue.Task.NONE ? Dialogue.Ask.NOTHING : d.asked;
            if (yes.orElse(false) && heard != null) {
                return understood(ctx, d, heard);
            }
            if (yes.isEmpty()) {
                return understood(ctx, d, text);
            }
            return Output.say(Phrases.say(d.language, "sayAgain"));
        }
        if (confidence != null && confidence < threshold && ctx.spoken()) {
            IntentResult quick =
                    intents.classify(text, d.language, ctx.business().emergencyKeywords());
            if (quick.intent() != Intent.EMERGENCY) {
                d.heard = text;
                d.asked = Dialogue.Ask.CONFIRM_HEARD;
                return Output.say(Phrases.say(d.language, "confirmHeard", text));
            }
        }
        return understood(ctx, d, text);
    }

    private Output understood(Context ctx, Dialogue d, String text) {
        IntentResult intent =
                trusted(d, intents.classify(text, d.language, ctx.business().emergencyKeywords()));
        if (intent.intent() == Intent.EMERGENCY && !d.emergency) {
            return emergency(ctx, d, text, intent.lifeThreatening());
        }
        if (intent.intent() == Intent.OPT_OUT) {
            d.achieved("NOT_INTERESTED", "Caller asked not to be contacted again.");
            return end(d, Phrases.say(d.language, "optedOut"));
        }
        Optional<Output> answer = answerPending(ctx, d, text, intent);
        if (answer.isPresent()) {
            d.misunderstandings = 0;
            return answer.get();
        }
        return byIntent(ctx, d, text, intent);
    }

    /**
     * Drops a consequential verdict (emergency, opt-out) that no rule backs when it is weak, or when the
     * caller is answering a question we asked (a service, a name, a message): the turn is then read as an
     * answer or an unknown request instead.
     */
    private static IntentResult trusted(Dialogue d, IntentResult intent) {
        boolean consequential = intent.intent() == Intent.EMERGENCY || intent.intent() == Intent.OPT_OUT;
        if (!consequential || intent.matchedKeyword() != null) {
            return intent;
        }
        boolean answering = switch (d.asked) {
            case NOTHING, ANYTHING_ELSE -> false;
            default -> true;
        };
        // ending the call on an opt-out cannot be undone: without a rule it needs a strong match
        double needed = intent.intent() == Intent.OPT_OUT ? STRONG : SURE_WITHOUT_RULE;
        if (!answering && intent.confidence() >= needed) {
            return intent;
        }
        return new IntentResult(Intent.UNKNOWN, intent.confidence(), intent.language(), false, null);
    }

    // --- answers to what we asked ----------------------------------------------------------------

    private Optional<Output> answerPending(Context ctx, Dialogue d, String text, IntentResult intent) {
        boolean switching = intent.confidence() >= STRONG
                && switch (intent.intent()) {
                    case BOOK, RESCHEDULE, CANCEL, MY_APPOINTMENTS, HOURS, PRICES, MESSAGE, TRANSFER, HUMAN -> true;
                    default -> false;
                };
        Optional<Boolean> yesNo = Entities.yesNo(text, d.language);
        switch (d.asked) {
            case SERVICE -> {
                var service = Entities.service(text, ctx.business().services());
                if (service.isPresent()) {
                    d.service = service.get().name();
                    fillTime(ctx, d, text);
                    return Optional.of(advanceBooking(ctx, d));
                }
            }
            case WHEN, NEW_TIME -> {
                boolean otherService = d.task == Dialogue.Task.BOOK && changeService(ctx, d, text);
                if (fillTime(ctx, d, text) || otherService) {
                    return Optional.of(
                            d.task == Dialogue.Task.RESCHEDULE ? advanceReschedule(ctx, d) : advanceBooking(ctx, d));
                }
            }
            case PICK_SLOT -> {
                if (d.task == Dialogue.Task.BOOK && changeService(ctx, d, text)) {
                    d.offered = new ArrayList<>();
                    fillTime(ctx, d, text);
                    return Optional.of(advanceBooking(ctx, d));
                }
                Optional<String> picked = pick(ctx, d, text, yesNo);
                if (picked.isPresent()) {
                    d.chosen = picked.get();
                    return Optional.of(
                            d.task == Dialogue.Task.RESCHEDULE ? advanceReschedule(ctx, d) : advanceBooking(ctx, d));
                }
                if (yesNo.isPresent() && !yesNo.get()) {
                    d.offered = new ArrayList<>();
                    d.date = null;
                    d.time = null;
                    d.asked = d.task == Dialogue.Task.RESCHEDULE ? Dialogue.Ask.NEW_TIME : Dialogue.Ask.WHEN;
                    return Optional.of(Output.say(Phrases.say(d.language, "askWhen")));
                }
                if (fillTime(ctx, d, text)) {
                    d.offered = new ArrayList<>();
                    return Optional.of(
                            d.task == Dialogue.Task.RESCHEDULE ? advanceReschedule(ctx, d) : advanceBooking(ctx, d));
                }
            }
            case NAME -> {
                Optional<String> name = Entities.name(text, d.language).or(() -> Entities.bareName(text));
                if (name.isPresent() && !switching) {
                    d.name = name.get();
                    return Optional.of(
                            d.task == Dialogue.Task.MESSAGE ? advanceMessage(ctx, d) : advanceBooking(ctx, d));
                }
            }
            case PHONE -> {
                var phone = Entities.phone(text, region(ctx));
                if (phone.isPresent()) {
                    d.phone = phone.get().e164();
                    return Optional.of(
                            switch (d.task) {
                                case BOOK -> advanceBooking(ctx, d);
                                case MESSAGE -> advanceMessage(ctx, d);
                                default -> lookUpAppointments(ctx, d);
                            });
                }
            }
            case CONFIRM -> {
                if (yesNo.isPresent() && yesNo.get()) {
                    return Optional.of(execute(ctx, d));
                }
                if (yesNo.isPresent() || intent.intent() == Intent.DENY) {
                    // "no, make it Wednesday": a correction in the same breath
                    boolean corrected = fillTime(ctx, d, text);
                    if (d.task == Dialogue.Task.BOOK && changeService(ctx, d, text)) {
                        corrected = true;
                    }
                    if (corrected) {
                        d.chosen = null;
                        return Optional.of(
                                d.task == Dialogue.Task.RESCHEDULE
                                        ? advanceReschedule(ctx, d)
                                        : advanceBooking(ctx, d));
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
                if (!switching && fillTime(ctx, d, text)) {
                    d.chosen = null;
                    return Optional.of(
                            d.task == Dialogue.Task.RESCHEDULE ? advanceReschedule(ctx, d) : advanceBooking(ctx, d));
                }
            }
            case WHICH_APPOINTMENT -> {
                Optional<String> which = whichAppointment(ctx, d, text);
                if (which.isPresent()) {
                    d.appointmentId = which.get();
                    return Optional.of(
                            d.task == Dialogue.Task.CANCEL ? confirmCancel(ctx, d) : advanceReschedule(ctx, d));
                }
            }
            case MESSAGE_TEXT -> {
                if (!switching || intent.intent() == Intent.MESSAGE) {
                    d.messageText = text;
                    return Optional.of(advanceMessage(ctx, d));
                }
            }
            case OFFER_MESSAGE -> {
                if (yesNo.isPresent()) {
                    if (yesNo.get()) {
                        d.task = Dialogue.Task.MESSAGE;
                        d.asked = Dialogue.Ask.MESSAGE_TEXT;
                        return Optional.of(Output.say(Phrases.say(d.language, "askMessage")));
                    }
                    d.asked = Dialogue.Ask.ANYTHING_ELSE;
                    return Optional.of(Output.say(Phrases.say(d.language, "anythingElse")));
                }
            }
            case ANYTHING_ELSE -> {
                if (endsWithGoodbye(text)) {
                    return Optional.of(goodbye(ctx, d));
                }
                if ("PRICES".equals(d.topic) && !switching) {
                    var service = Entities.service(text, ctx.business().services());
                    if (service.isPresent()) {
                        return Optional.of(prices(ctx, d, text));
                    }
                }
                if (yesNo.isPresent() && !switching && intent.intent() != Intent.QUESTION) {
                    if (yesNo.get()) {
                        d.asked = Dialogue.Ask.NOTHING;
                        return Optional.of(Output.say(Phrases.say(d.language, "whatElse")));
                    }
                    return Optional.of(goodbye(ctx, d));
                }
            }
            default -> {}
        }
        return Optional.empty();
    }

    // --- new requests -------------------------------------------------------------------------------

    private Output byIntent(Context ctx, Dialogue d, String text, IntentResult intent) {
        if (asksToBook(text, intent)) {
            // "quiero reservar una reparación de fugas": the words say book, whatever the neighbours think
            intent = new IntentResult(Intent.BOOK, intent.confidence(), intent.language(), false, null);
        }
        String lang = d.language;
        boolean smallTalk = switch (intent.intent()) {
            case GREETING, AFFIRM, DENY -> true;
            default -> false;
        };
        if (smallTalk && intent.matchedKeyword() == null && d.asked == Dialogue.Ask.NOTHING) {
            // "uh the um" lands near a yes or a greeting without being one
            return misunderstood(ctx, d);
        }
        return switch (intent.intent()) {
            case BOOK -> {
                if (movesExisting(ctx, d, text)) {
                    // "can I move my drain cleaning to Friday": the service words look like a booking
                    yield byIntent(
                            ctx,
                            d,
                            text,
                            new IntentResult(Intent.RESCHEDULE, intent.confidence(), intent.language(), false, null));
                }
                d.resetTask();
                var named = Entities.service(text, ctx.business().services());
                // a day in the past ("the leak he fixed last week") is not when to come
                boolean timed = TimeExpressions.parse(text, lang, ctx.now())
                        .filter(q ->
                                q.date() == null || !q.date().isBefore(ctx.now().toLocalDate()))
                        .isPresent();
                boolean callBack = CALL_BACK.matcher(text).find();
                if (!timed && (callBack || (named.isEmpty() && carriesMessage(text) && intent.confidence() < STRONG))) {
                    // "have the owner call me back, it's about the leak he fixed": nothing to book, a message
                    d.task = Dialogue.Task.MESSAGE;
                    d.messageText = text;
                    yield advanceMessage(ctx, d);
                }
                d.task = Dialogue.Task.BOOK;
                named.ifPresent(s -> d.service = s.name());
                fillTime(ctx, d, text);
                Entities.name(text, lang).ifPresent(n -> d.name = n);
                yield advanceBooking(ctx, d);
            }
            case RESCHEDULE -> {
                if (describesNewJob(ctx, d, text, intent)) {
                    yield byIntent(ctx, d, text, asBooking(intent));
                }
                d.resetTask();
                d.task = Dialogue.Task.RESCHEDULE;
                fillTime(ctx, d, text);
                d.said = text;
                yield lookUpAppointments(ctx, d);
            }
            case CANCEL -> {
                if (describesNewJob(ctx, d, text, intent)) {
                    yield byIntent(ctx, d, text, asBooking(intent));
                }
                d.resetTask();
                d.task = Dialogue.Task.CANCEL;
                d.said = text;
                yield lookUpAppointments(ctx, d);
            }
            case MY_APPOINTMENTS -> {
                d.resetTask();
                yield listAppointments(ctx, d);
            }
            case HOURS -> {
                d.asked = Dialogue.Ask.ANYTHING_ELSE;
                d.topic = "HOURS";
                d.achieved("ANSWERED", "Told the caller the opening hours.");
                yield Output.say(
                        Phrases.say(lang, "hours", hours(ctx, lang)) + " " + Phrases.say(lang, "anythingElse"));
            }
            case PRICES -> prices(ctx, d, text);
            case QUESTION -> question(ctx, d, text);
            case MESSAGE -> {
                d.resetTask();
                d.task = Dialogue.Task.MESSAGE;
                if (carriesMessage(text)) {
                    // "ask Joe to call me back about the quote": the request is the message
                    d.messageText = text;
                    yield advanceMessage(ctx, d);
                }
                d.asked = Dialogue.Ask.MESSAGE_TEXT;
                yield Output.say(Phrases.say(lang, "askMessage"));
            }
            case TRANSFER, HUMAN -> {
                Optional<String> target = tools.transferCall(ctx.business(), text);
                if (target.isPresent() && ctx.spoken()) {
                    d.achieved("TRANSFERRED", "Transferred the caller.");
                    String whisper = "Frontdesk call from " + (d.phone == null ? "an unknown number" : d.phone) + ": "
                            + (text.length() > 120 ? text.substring(0, 120) : text);
                    yield new Output(
                            Phrases.say(lang, "connecting"), List.of(new Action.Transfer(target.get(), whisper)));
                }
                d.resetTask();
                d.task = Dialogue.Task.MESSAGE;
                if (carriesMessage(text)) {
                    d.messageText = text;
                    yield advanceMessage(ctx, d);
                }
                d.asked = Dialogue.Ask.MESSAGE_TEXT;
                yield Output.say(Phrases.say(lang, "noTransfer"));
            }
            case GOODBYE -> goodbye(ctx, d);
            case GREETING, AFFIRM -> {
                if (d.asked == Dialogue.Ask.ANYTHING_ELSE && intent.intent() == Intent.AFFIRM) {
                    d.asked = Dialogue.Ask.NOTHING;
                    yield Output.say(Phrases.say(lang, "whatElse"));
                }
                yield Output.say(Phrases.say(lang, "howCanIHelp"));
            }
            case DENY ->
                d.asked == Dialogue.Ask.ANYTHING_ELSE ? goodbye(ctx, d) : Output.say(Phrases.say(lang, "howCanIHelp"));
            case EMERGENCY -> emergency(ctx, d, text, intent.lifeThreatening());
            default -> {
                Optional<String> knowledge = tools.searchKnowledge(ctx.business(), text);
                if (knowledge.isPresent()) {
                    d.asked = Dialogue.Ask.ANYTHING_ELSE;
                    d.achieved("ANSWERED", "Answered a question from the knowledge base.");
                    yield Output.say(shape(ctx, knowledge.get()) + " " + Phrases.say(lang, "anythingElse"));
                }
                yield misunderstood(ctx, d);
            }
        };
    }

    private Output question(Context ctx, Dialogue d, String text) {
        Optional<String> answer = tools.searchKnowledge(ctx.business(), text);
        if (answer.isPresent()) {
            d.asked = Dialogue.Ask.ANYTHING_ELSE;
            d.achieved("ANSWERED", "Answered a question from the knowledge base.");
            return Output.say(shape(ctx, answer.get()) + " " + Phrases.say(d.language, "anythingElse"));
        }
        d.asked = Dialogue.Ask.OFFER_MESSAGE;
        return Output.say(Phrases.say(d.language, "dontKnow"));
    }

    private Output prices(Context ctx, Dialogue d, String text) {
        Optional<String> answer = tools.searchKnowledge(ctx.business(), text);
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        d.topic = "PRICES";
        if (answer.isPresent()) {
            d.achieved("ANSWERED", "Answered a question about prices.");
            return Output.say(shape(ctx, answer.get()) + " " + Phrases.say(d.language, "anythingElse"));
        }
        var service = Entities.service(text, ctx.business().services());
        List<ServiceOffering> priced = ctx.business().services().stream()
                .filter(s -> s.priceText() != null)
                .filter(s -> service.isEmpty() || s.name().equals(service.get().name()))
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

    // --- booking ---------------------------------------------------------------------------------------

    private Output advanceBooking(Context ctx, Dialogue d) {
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
                                        .map(s -> s.name().toLowerCase(Phrases.locale(lang)))
                                        .toList(),
                                "or")));
            }
        }
        if (d.chosen == null) {
            if (d.date == null && d.time == null && d.dayPart == null && !d.emergency) {
                d.asked = Dialogue.Ask.WHEN;
                return Output.say(Phrases.say(lang, "askWhen"));
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
        if (d.phone == null) {
            d.asked = Dialogue.Ask.PHONE;
            return Output.say(Phrases.say(lang, "askPhone"));
        }
        d.asked = Dialogue.Ask.CONFIRM;
        return Output.say(
                Phrases.say(lang, "confirmBooking", serviceName(d), when(ctx, d, Instant.parse(d.chosen)), d.name));
    }

    /** Finds slots for what was asked; picks the exact time when it is free, else offers the nearest. */
    private Output offer(Context ctx, Dialogue d) {
        String lang = d.language;
        LocalDate today = ctx.now().toLocalDate();
        LocalDate date = d.date == null ? today : LocalDate.parse(d.date);
        List<TimeSlot> slots = List.of();
        LocalDate searched = date;
        for (int i = 0; i < 14 && slots.isEmpty(); i++) {
            searched = date.plusDays(i);
            slots = filterByPart(ctx, d, tools.checkAvailability(ctx.business(), d.service, searched, d.emergency));
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
            return Output.say(Phrases.say(lang, "slotTaken", when(ctx, d, wanted), slotList(ctx, d, nearest)));
        }
        List<TimeSlot> first = d.emergency ? slots.subList(0, 1) : spread(slots);
        d.offered =
                new ArrayList<>(first.stream().map(s -> s.start().toString()).toList());
        d.asked = Dialogue.Ask.PICK_SLOT;
        if (d.emergency) {
            return Output.say(Phrases.say(
                    lang, "emergencyOffer", when(ctx, d, first.getFirst().start())));
        }
        return Output.say(Phrases.say(lang, "offerSlots", slotList(ctx, d, first)));
    }

    /** Keeps the slots in the part of the day the caller asked for (morning, afternoon, evening). */
    private static List<TimeSlot> filterByPart(Context ctx, Dialogue d, List<TimeSlot> slots) {
        if (d.dayPart == null || d.time != null || "ANY".equals(d.dayPart)) {
            return slots;
        }
        return slots.stream()
                .filter(s -> {
                    int hour = s.start().atZone(ctx.business().timezone()).getHour();
                    return switch (d.dayPart) {
                        case "MORNING" -> hour < 12;
                        case "AFTERNOON" -> hour >= 12 && hour < 17;
                        case "EVENING" -> hour >= 17;
                        default -> true;
                    };
                })
                .toList();
    }

    /** Two or three choices spread over the day rather than three neighbouring half hours. */
    private static List<TimeSlot> spread(List<TimeSlot> slots) {
        if (slots.size() <= 2) {
            return slots;
        }
        return List.of(slots.getFirst(), slots.get(slots.size() / 2));
    }

    private String slotList(Context ctx, Dialogue d, List<TimeSlot> slots) {
        return Phrases.list(
                d.language, slots.stream().map(s -> when(ctx, d, s.start())).toList(), "or");
    }

    private Optional<String> pick(Context ctx, Dialogue d, String text, Optional<Boolean> yesNo) {
        if (d.offered.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (d.offered.size() > 1
                && (lower.contains("second")
                        || lower.contains("later")
                        || lower.contains("segund")
                        || lower.contains("deuxième")
                        || lower.contains("last")
                        || lower.contains("último")
                        || lower.contains("dernier"))) {
            return Optional.of(d.offered.get(1));
        }
        if (lower.contains("first")
                || lower.contains("earlier")
                || lower.contains("primer")
                || lower.contains("premier")) {
            return Optional.of(d.offered.getFirst());
        }
        Optional<TimeQuery> time = TimeExpressions.parse(text, d.language, ctx.now());
        if (time.isPresent() && time.get().time() != null) {
            for (String offered : d.offered) {
                ZonedDateTime at = Instant.parse(offered).atZone(ctx.business().timezone());
                boolean sameTime = at.toLocalTime().equals(time.get().time())
                        || at.toLocalTime().equals(time.get().time().plusHours(12));
                boolean sameDay = time.get().date() == null || time.get().date().equals(at.toLocalDate());
                if (sameTime && sameDay) {
                    return Optional.of(offered);
                }
            }
            return Optional.empty();
        }
        if (yesNo.isPresent() && yesNo.get()) {
            return Optional.of(d.offered.getFirst());
        }
        return Optional.empty();
    }

    /** Reads a time from the text into the dialogue; true when anything time-like was found. */
    private boolean fillTime(Context ctx, Dialogue d, String text) {
        Optional<TimeQuery> parsed = TimeExpressions.parse(text, d.language, ctx.now());
        if (parsed.isEmpty()) {
            return false;
        }
        TimeQuery q = parsed.get();
        LocalDate date = q.date();
        if (date != null && d.after != null && !q.vague()) {
            // "sometime next week" … "Tuesday": the Tuesday of that week
            LocalDate after = LocalDate.parse(d.after);
            while (date.isBefore(after)) {
                date = date.plusDays(7);
            }
        }
        boolean vague = q.vague() && q.time() == null;
        d.vague = vague;
        d.after = vague && date != null ? date.toString() : null;
        if (date != null) {
            d.date = date.toString();
        }
        if (q.time() != null) {
            d.time = q.time().toString();
            if (q.date() == null && d.date == null) {
                LocalDate today = ctx.now().toLocalDate();
                boolean passed = !q.time().isAfter(ctx.now().toLocalTime());
                d.date = (passed ? today.plusDays(1) : today).toString();
            }
        }
        if (q.dayPart() != null && (q.dayPart() != TimeQuery.DayPart.ANY || d.dayPart == null)) {
            d.dayPart = q.dayPart().name();
        }
        if (q.date() == null && q.time() == null && d.date == null) {
            d.date = ctx.now().toLocalDate().toString();
        }
        d.chosen = null;
        return true;
    }

    private Output execute(Context ctx, Dialogue d) {
        String lang = d.language;
        return switch (d.task) {
            case BOOK -> {
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
                        ctx.channel().name());
                if (result instanceof Scheduling.Booked booked) {
                    String when = when(ctx, d, booked.appointment().start());
                    d.achieved(
                            "BOOKED",
                            "Booked " + booked.appointment().service() + " for " + d.name + " at "
                                    + booked.appointment().start() + (d.emergency ? " (emergency)." : "."));
                    String service = serviceName(d);
                    d.resetTask();
                    d.asked = Dialogue.Ask.ANYTHING_ELSE;
                    yield Output.say(
                            Phrases.say(lang, "booked", service, when) + " " + Phrases.say(lang, "anythingElse"));
                }
                var unavailable = (Scheduling.Unavailable) result;
                d.chosen = null;
                d.offered = new ArrayList<>(unavailable.alternatives().stream()
                        .limit(2)
                        .map(s -> s.start().toString())
                        .toList());
                if (d.offered.isEmpty()) {
                    d.asked = Dialogue.Ask.WHEN;
                    yield Output.say(Phrases.say(lang, "noSlots"));
                }
                d.asked = Dialogue.Ask.PICK_SLOT;
                yield Output.say(Phrases.say(
                        lang,
                        "slotTaken",
                        when(ctx, d, start),
                        slotList(
                                ctx,
                                d,
                                unavailable.alternatives().stream().limit(2).toList())));
            }
            case CANCEL -> {
                var cancelled = tools.cancelAppointment(ctx.business(), d.appointmentId, d.phone);
                d.asked = Dialogue.Ask.ANYTHING_ELSE;
                if (cancelled.isEmpty()) {
                    d.resetTask();
                    d.asked = Dialogue.Ask.ANYTHING_ELSE;
                    yield Output.say(Phrases.say(lang, "noAppointments") + " " + Phrases.say(lang, "anythingElse"));
                }
                Appointment a = cancelled.get();
                d.achieved("CANCELLED", "Cancelled " + a.service() + " at " + a.start() + ".");
                d.resetTask();
                d.asked = Dialogue.Ask.ANYTHING_ELSE;
                yield Output.say(Phrases.say(
                                lang,
                                "cancelled",
                                a.service().toLowerCase(Phrases.locale(lang)),
                                when(ctx, d, a.start()))
                        + " " + Phrases.say(lang, "anythingElse"));
            }
            case RESCHEDULE -> {
                Instant start = Instant.parse(d.chosen);
                var result = tools.rescheduleAppointment(ctx.business(), d.appointmentId, start, d.phone);
                if (result instanceof Scheduling.Booked moved) {
                    d.achieved("RESCHEDULED", "Moved " + moved.appointment().service() + " to " + start + ".");
                    String service = moved.appointment().service().toLowerCase(Phrases.locale(lang));
                    d.resetTask();
                    d.asked = Dialogue.Ask.ANYTHING_ELSE;
                    yield Output.say(Phrases.say(lang, "rescheduled", service, when(ctx, d, start)) + " "
                            + Phrases.say(lang, "anythingElse"));
                }
                var unavailable = (Scheduling.Unavailable) result;
                d.chosen = null;
                d.offered = new ArrayList<>(unavailable.alternatives().stream()
                        .limit(2)
                        .map(s -> s.start().toString())
                        .toList());
                d.asked = d.offered.isEmpty() ? Dialogue.Ask.NEW_TIME : Dialogue.Ask.PICK_SLOT;
                yield Output.say(
                        d.offered.isEmpty()
                                ? Phrases.say(lang, "noSlots")
                                : Phrases.say(
                                        lang,
                                        "slotTaken",
                                        when(ctx, d, start),
                                        slotList(
                                                ctx,
                                                d,
                                                unavailable.alternatives().stream()
                                                        .limit(2)
                                                        .toList())));
            }
            case MESSAGE -> {
                tools.takeMessage(ctx.business(), d.name, d.phone, d.messageText);
                d.achieved("MESSAGE_TAKEN", "Took a message: " + d.messageText);
                d.resetTask();
                d.asked = Dialogue.Ask.ANYTHING_ELSE;
                yield Output.say(Phrases.say(lang, "messageTaken") + " " + Phrases.say(lang, "anythingElse"));
            }
            default -> Output.say(Phrases.say(lang, "howCanIHelp"));
        };
    }

    // --- existing appointments ------------------------------------------------------------------------

    private Output lookUpAppointments(Context ctx, Dialogue d) {
        String lang = d.language;
        if (d.phone == null) {
            d.asked = Dialogue.Ask.PHONE;
            return Output.say(Phrases.say(lang, "needPhoneForLookup"));
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
            Optional<String> which = whichAppointment(ctx, d, said, d.task == Dialogue.Task.CANCEL);
            if (which.isPresent()) {
                d.appointmentId = which.get();
                return d.task == Dialogue.Task.CANCEL ? confirmCancel(ctx, d) : advanceReschedule(ctx, d);
            }
        }
        d.asked = Dialogue.Ask.WHICH_APPOINTMENT;
        return Output.say(Phrases.say(lang, "whichAppointment", describe(ctx, d, mine)));
    }

    private Output listAppointments(Context ctx, Dialogue d) {
        String lang = d.language;
        if (d.phone == null) {
            d.asked = Dialogue.Ask.PHONE;
            return Output.say(Phrases.say(lang, "needPhoneForLookup"));
        }
        List<Appointment> mine = tools.listAppointments(ctx.business(), d.phone);
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        d.achieved("ANSWERED", "Told the caller about their appointments.");
        if (mine.isEmpty()) {
            return Output.say(Phrases.say(lang, "noAppointments") + " " + Phrases.say(lang, "anythingElse"));
        }
        return Output.say(Phrases.say(lang, "yourAppointments", describe(ctx, d, mine)) + " "
                + Phrases.say(lang, "anythingElse"));
    }

    private String describe(Context ctx, Dialogue d, List<Appointment> appointments) {
        return Phrases.list(
                d.language,
                appointments.stream()
                        .limit(3)
                        .map(a -> a.service().toLowerCase(Phrases.locale(d.language)) + " " + when(ctx, d, a.start()))
                        .toList(),
                "and");
    }

    private Optional<String> whichAppointment(Context ctx, Dialogue d, String text) {
        return whichAppointment(ctx, d, text, true);
    }

    /** The appointment the caller means; byTime false when a time in the text is the new one wanted. */
    private Optional<String> whichAppointment(Context ctx, Dialogue d, String text, boolean byTime) {
        List<Appointment> mine = tools.listAppointments(ctx.business(), d.phone).stream()
                .filter(a -> d.candidates.contains(a.id().toString()))
                .toList();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!mine.isEmpty() && (lower.contains("first") || lower.contains("primer") || lower.contains("premier"))) {
            return Optional.of(mine.getFirst().id().toString());
        }
        if (mine.size() > 1 && (lower.contains("second") || lower.contains("segund") || lower.contains("deuxième"))) {
            return Optional.of(mine.get(1).id().toString());
        }
        var service = Entities.service(text, ctx.business().services());
        if (service.isPresent()) {
            var match = mine.stream()
                    .filter(a -> a.service().equals(service.get().name()))
                    .findFirst();
            if (match.isPresent()) {
                return Optional.of(match.get().id().toString());
            }
        }
        Optional<TimeQuery> time = byTime ? TimeExpressions.parse(text, d.language, ctx.now()) : Optional.empty();
        if (time.isPresent()) {
            for (Appointment a : mine) {
                ZonedDateTime at = a.start().atZone(ctx.business().timezone());
                if ((time.get().date() == null || time.get().date().equals(at.toLocalDate()))
                        && (time.get().time() == null
                                || time.get().time().equals(at.toLocalTime())
                                || time.get().time().plusHours(12).equals(at.toLocalTime()))) {
                    return Optional.of(a.id().toString());
                }
            }
        }
        return Optional.empty();
    }

    private Output confirmCancel(Context ctx, Dialogue d) {
        Appointment a = appointment(ctx, d).orElseThrow();
        d.asked = Dialogue.Ask.CONFIRM;
        return Output.say(Phrases.say(
                d.language,
                "confirmCancel",
                a.service().toLowerCase(Phrases.locale(d.language)),
                when(ctx, d, a.start())));
    }

    private Output advanceReschedule(Context ctx, Dialogue d) {
        d.task = Dialogue.Task.RESCHEDULE;
        Appointment a = appointment(ctx, d).orElse(null);
        if (a == null) {
            return lookUpAppointments(ctx, d);
        }
        d.service = a.service();
        String what = a.service().toLowerCase(Phrases.locale(d.language)) + " " + when(ctx, d, a.start());
        if (d.chosen == null) {
            if (d.date == null && d.time == null) {
                d.asked = Dialogue.Ask.NEW_TIME;
                return Output.say(Phrases.say(d.language, "askNewTime", what));
            }
            if (d.vague) {
                d.asked = Dialogue.Ask.NEW_TIME;
                return Output.say(Phrases.say(d.language, "askWhenVague"));
            }
            Output offer = offer(ctx, d);
            if (d.chosen == null) {
                return offer;
            }
        }
        d.asked = Dialogue.Ask.CONFIRM;
        return Output.say(Phrases.say(d.language, "confirmReschedule", what, when(ctx, d, Instant.parse(d.chosen))));
    }

    private Optional<Appointment> appointment(Context ctx, Dialogue d) {
        if (d.appointmentId == null) {
            return Optional.empty();
        }
        return tools.listAppointments(ctx.business(), d.phone).stream()
                .filter(a -> a.id().toString().equals(d.appointmentId))
                .findFirst();
    }

    // --- messages, emergencies, endings -------------------------------------------------------------

    private Output advanceMessage(Context ctx, Dialogue d) {
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
        return execute(ctx, d);
    }

    private Output emergency(Context ctx, Dialogue d, String text, boolean lifeThreatening) {
        d.emergency = true;
        d.lifeThreatening = lifeThreatening;
        tools.flagEmergency(ctx.business(), d.phone, text, lifeThreatening);
        d.achieved(
                "EMERGENCY",
                "Emergency: \"" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "\". Owner alerted.");
        String owner = ctx.business().name();
        String first = lifeThreatening
                ? Phrases.say(d.language, "emergencyDanger", emergencyNumber(ctx), owner)
                : Phrases.say(d.language, "emergency", owner);
        d.resetTask();
        d.task = Dialogue.Task.BOOK;
        Output booking = advanceBooking(ctx, d);
        if (d.asked == Dialogue.Ask.PICK_SLOT) {
            return Output.say(first + " " + booking.text());
        }
        d.resetTask();
        d.asked = Dialogue.Ask.ANYTHING_ELSE;
        return Output.say(first + " " + Phrases.say(d.language, "emergencyCallback"));
    }

    /** Silence is re-prompted twice, then a message is offered, then the call ends politely. */
    private Output silence(Context ctx, Dialogue d) {
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

    private Output misunderstood(Context ctx, Dialogue d) {
        d.misunderstandings++;
        if (d.misunderstandings >= 3) {
            d.misunderstandings = 0;
            d.resetTask();
            d.task = Dialogue.Task.MESSAGE;
            d.asked = Dialogue.Ask.MESSAGE_TEXT;
            return Output.say(Phrases.say(d.language, "giveUp"));
        }
        return Output.say(Phrases.say(d.language, "notUnderstood"));
    }

    private Output goodbye(Context ctx, Dialogue d) {
        return end(
                d,
                Phrases.say(
                        d.language,
                        ctx.spoken() ? "goodbye" : "goodbyeText",
                        ctx.business().name()));
    }

    private static Output end(Dialogue d, String text) {
        d.ended = true;
        return Output.end(text);
    }

    private static final java.util.regex.Pattern MOVE = java.util.regex.Pattern.compile(
            "\\b(move|moving|reschedule|push (it )?back|bring (it )?forward|postpone|change (the|my) (time|day|date|appointment)"
                    + "|cambiar|mover|aplazar|adelantar|d[ée]placer|reporter|d[ée]caler|changer)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    private static final java.util.regex.Pattern EXPLICIT_BOOK = java.util.regex.Pattern.compile(
            "\\b(book|make an appointment|schedule an appointment|set up an appointment|reservar|agendar"
                    + "|pedir (una )?cita|hacer una cita|r[ée]server|prendre (un )?rendez-vous)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    private static final java.util.regex.Pattern CANCEL_WORDS = java.util.regex.Pattern.compile(
            "\\b(cancel|cancelar|anular|annuler)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** Explicit booking words in a turn the classifier read weakly as something else. */
    private static boolean asksToBook(String text, IntentResult intent) {
        boolean weakOther = intent.confidence() < STRONG
                && switch (intent.intent()) {
                    case RESCHEDULE, CANCEL, MY_APPOINTMENTS, TRANSFER, HUMAN, QUESTION, UNKNOWN -> true;
                    default -> false;
                };
        return weakOther
                && EXPLICIT_BOOK.matcher(text).find()
                && !MOVE.matcher(text).find()
                && !CANCEL_WORDS.matcher(text).find();
    }

    /** "Have the owner call me back", "que me llame", "qu'il me rappelle": a message, whatever it is about. */
    private static final java.util.regex.Pattern CALL_BACK = java.util.regex.Pattern.compile(
            "\\b(call me back|give me a call|call me when|ring me back|get back to me|me llame|me devuelva la llamada"
                    + "|me rappelle|me rappeler|rappelez-moi)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** The caller asks to move something they already have booked. */
    private boolean movesExisting(Context ctx, Dialogue d, String text) {
        return d.phone != null
                && MOVE.matcher(text).find()
                && !tools.listAppointments(ctx.business(), d.phone).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------

    /**
     * A weak cancel/reschedule reading of a caller who has nothing booked but names a service and a day
     * ("j'ai une fuite, vous pouvez passer mardi ?"): they want a new visit.
     */
    private boolean describesNewJob(Context ctx, Dialogue d, String text, IntentResult intent) {
        return intent.confidence() < STRONG
                && d.phone != null
                && Entities.service(text, ctx.business().services()).isPresent()
                && TimeExpressions.parse(text, d.language, ctx.now()).isPresent()
                && tools.listAppointments(ctx.business(), d.phone).isEmpty();
    }

    private static IntentResult asBooking(IntentResult intent) {
        return new IntentResult(Intent.BOOK, intent.confidence(), intent.language(), false, null);
    }

    private static final java.util.regex.Pattern MESSAGE_CONTENT = java.util.regex.Pattern.compile(
            "\\b(about|regarding|because|call me|call him|call her|ring me|get back to me|"
                    + "que me llame|que me devuelva|sobre|acerca|porque|"
                    + "me rappeler|me rappelle|rappelez-moi|au sujet|concernant|parce que)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** A request to pass something on that already says what ("ask Joe to call me back about the quote"). */
    private static boolean carriesMessage(String text) {
        return text.trim().split("\\s+").length >= 5
                && MESSAGE_CONTENT.matcher(text).find();
    }

    /**
     * The service the caller names last: in "not the drain, it's a leak" the leak. Empty when none or
     * when it is the one already chosen.
     */
    private static Optional<ServiceOffering> lastService(Context ctx, String text) {
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
    private static boolean changeService(Context ctx, Dialogue d, String text) {
        Optional<ServiceOffering> named = lastService(ctx, text);
        if (named.isEmpty() || named.get().name().equals(d.service)) {
            return false;
        }
        d.service = named.get().name();
        d.chosen = null;
        return true;
    }

    private static final java.util.Set<String> GOODBYE_ENDINGS =
            java.util.Set.of("bye", "goodbye", "adios", "adiós", "chao", "chau", "revoir");

    /** "ok never mind, bye": a reply that ends with a goodbye ends the call whatever came before. */
    private static boolean endsWithGoodbye(String text) {
        String[] words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}' ]", " ")
                .trim()
                .split("\\s+");
        return words.length > 0 && GOODBYE_ENDINGS.contains(words[words.length - 1]);
    }

    private void switchLanguage(Dialogue d, String text) {
        if (text.trim().split("\\s+").length < 2
                && !List.of("sí", "si", "oui", "gracias", "merci")
                        .contains(text.trim().toLowerCase(Locale.ROOT))) {
            return;
        }
        LanguageDetector.detect(text).ifPresent(lang -> d.language = lang);
    }

    private String when(Context ctx, Dialogue d, Instant instant) {
        return Speech.when(instant, ctx.business().timezone(), ctx.now(), d.language, ctx.spoken());
    }

    private static String serviceName(Dialogue d) {
        return d.service == null ? "" : d.service.toLowerCase(Phrases.locale(d.language));
    }

    private String shape(Context ctx, String answer) {
        if (!ctx.spoken()) {
            return answer.length() <= 300 ? answer : answer.substring(0, 297) + "...";
        }
        String plain =
                answer.replaceAll("[*#_`>-]+\\s*", " ").replaceAll("\\s+", " ").trim();
        String[] sentences = plain.split("(?<=[.!?])\\s+");
        return sentences.length <= 2 ? plain : sentences[0] + " " + sentences[1];
    }

    /** "Monday to Friday 8 AM to 5 PM and Saturday 9 AM to 1 PM": days with the same hours run together. */
    private String hours(Context ctx, String lang) {
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
                parts.add(span + " "
                        + String.join(
                                ", ",
                                ranges.stream()
                                        .map(r -> Phrases.say(
                                                lang,
                                                "timeRange",
                                                Speech.clock(r.start(), lang),
                                                r.end().equals(LocalTime.MAX)
                                                        ? Speech.clock(LocalTime.MIDNIGHT, lang)
                                                        : Speech.clock(r.end(), lang)))
                                        .toList()));
            }
            i = j + 1;
        }
        return Phrases.list(lang, parts, "and");
    }

    private String emergencyNumber(Context ctx) {
        String region = region(ctx);
        return switch (region) {
            case "GB" -> "999";
            case "US", "CA" -> "911";
            case "AU" -> "000";
            default -> "112";
        };
    }

    private static String region(Context ctx) {
        return ctx.business().phoneNumbers().stream()
                .findFirst()
                .or(() -> Optional.ofNullable(ctx.business().ownerPhone()))
                .flatMap(PhoneNumber::region)
                .orElse("US");
    }
}
