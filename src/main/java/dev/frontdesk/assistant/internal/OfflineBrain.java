package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply.Action;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentClassifier;
import dev.frontdesk.assistant.nlu.IntentResult;
import dev.frontdesk.assistant.nlu.TimeExpressions;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.ServiceOffering;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The offline brain: intent detection with sentence embeddings plus safety rules, slot filling, and a
 * dialogue policy per task (book, reschedule, cancel, my appointments, questions, hours, prices,
 * message, transfer, emergency, goodbye) with confirmations, corrections and a graceful exit after
 * repeated misunderstanding. No network, no API key.
 */
final class OfflineBrain {

    private static final double STRONG = Flow.STRONG;

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
    private final BookingFlow booking;
    private final AppointmentFlow appointments;
    private final OwnAppointments own;
    private final TalkFlow talk;
    private final Flows flows;
    private final Answers answers;
    private final Requests requests;

    OfflineBrain(IntentClassifier intents, AssistantTools tools) {
        this.intents = intents;
        this.tools = tools;
        this.booking = new BookingFlow(tools);
        Verification verification = new Verification(tools);
        this.appointments = new AppointmentFlow(tools, booking, verification);
        this.own = new OwnAppointments(tools);
        this.talk = new TalkFlow(tools, booking);
        this.flows = new Flows(booking, appointments, talk, verification);
        this.answers = new Answers(flows);
        this.requests = new Requests(flows);
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
            return talk.silence(ctx, d);
        }
        d.silences = 0;
        Cues.switchLanguage(d, text);

        if (d.asked == Dialogue.Ask.CONFIRM_HEARD) {
            Optional<Boolean> yes = Entities.yesNo(text, d.language);
            String heard = d.heard;
            d.heard = null;
            d.asked = d.heardWhileAsked == null ? Dialogue.Ask.NOTHING : d.heardWhileAsked;
            d.heardWhileAsked = null;
            // "yeah the saturday leak repair move it to monday the thirtieth at ten thirty": said again, and more
            boolean saysMore = Words.count(text) > 4
                    && (TimeExpressions.parse(text, d.language, ctx.now()).isPresent()
                            || Requests.service(ctx, text).isPresent());
            if (yes.orElse(false) && heard != null && !saysMore) {
                return understood(ctx, d, heard);
            }
            if (saysMore) {
                return understood(ctx, d, text);
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
                d.heardWhileAsked = d.asked;
                d.asked = Dialogue.Ask.CONFIRM_HEARD;
                return Output.say(Phrases.say(d.language, "confirmHeard", text));
            }
        }
        return understood(ctx, d, text);
    }

    private Output understood(Context ctx, Dialogue d, String raw) {
        String text = Requests.normalise(raw);
        d.words = raw;
        boolean named = false;
        if (d.name == null && d.asked != Dialogue.Ask.NAME) {
            // "yes please send someone, my name is Omar Haddad": a name said along the way is kept
            Optional<String> name =
                    Entities.name(text, d.language).or(() -> ctx.spoken() ? Optional.empty() : Requests.signature(raw));
            name.ifPresent(n -> d.name = n);
            named = name.isPresent();
        }
        if (!named && requests.bareName(ctx, d, text)) {
            named = true;
        }
        if (d.phone == null && d.asked != Dialogue.Ask.PHONE) {
            Entities.phone(text, Flow.region(ctx)).ifPresent(p -> d.phone = p.e164());
        }
        IntentResult intent = OwnAppointments.afterReadOut(ctx, d, text, Verdicts.of(intents, ctx, d, text));
        if (!intent.pending() && intent.intent() == Intent.EMERGENCY && !d.emergency) {
            return talk.emergency(ctx, d, text, intent.lifeThreatening());
        }
        if (!intent.pending() && intent.intent() == Intent.OPT_OUT) {
            // "stop calling me" puts the number on the do-not-call list; "stop texting me" is a STOP in words too
            String done = answers.yesFirst(ctx, d, text); // "yes, and please stop calling me": the cancel first
            tools.optOut(ctx.business(), d.phone, ctx.spoken());
            d.achieved("NOT_INTERESTED", "Caller asked not to be contacted again.");
            return Flow.end(d, (done + " " + Phrases.say(d.language, "optedOut")).strip());
        }
        Optional<Output> answer = CalledAnswers.answer(ctx, d, text).or(() -> answers.answer(ctx, d, text, intent));
        if (answer.isPresent()) {
            d.misunderstandings = 0;
            return answer.get();
        }
        if (named && d.task != Dialogue.Task.NONE && Words.count(text) <= 6) {
            // the name, before it was asked: thanks, and on with the task
            return flows.resume(ctx, d);
        }
        if (requests.isAside(d, text, intent)) {
            return requests.aside(ctx, d, text, intent);
        }
        if (requests.asksWhichBusiness(ctx, d, text)) {
            d.asked = Dialogue.Ask.NOTHING;
            return Output.say(Phrases.say(d.language, "thisIs", ctx.business().name()));
        }
        Optional<Output> introduction = requests.introduction(ctx, d, text, intent);
        if (introduction.isPresent()) {
            return introduction.get();
        }
        return byIntent(ctx, d, text, intent);
    }

    // --- new requests -------------------------------------------------------------------------------

    private Output byIntent(Context ctx, Dialogue d, String text, IntentResult intent) {
        if (own.speaksOfOwn(ctx, d, text, intent)) {
            return appointments.lookUp(ctx, d, "changeOrCancel"); // "calling about my appointment on Friday"
        }
        if (Cues.asksToBook(text, intent) || requests.wantsBooking(ctx, d, text, intent)) {
            // "quiero reservar una reparación de fugas": the words say book, whatever the neighbours think
            intent = new IntentResult(Intent.BOOK, intent.confidence(), intent.language(), false, null);
        }
        intent = requests.redirect(ctx, d, text, intent);
        if (intent.intent() == Intent.BOOK
                && intent.confidence() < STRONG
                && Cues.asksPrice(text)
                && !Cues.has("book", text)
                && requests.when(ctx, d, text).isEmpty()) {
            // "ballpark, what are you charging to fix a pipe that's dripping": the price, not a visit yet
            intent = new IntentResult(Intent.PRICES, intent.confidence(), intent.language(), false, null);
        }
        if (Cues.callBack(text)
                && intent.intent() != Intent.EMERGENCY
                && intent.intent() != Intent.MY_APPOINTMENTS
                && requests.when(ctx, d, text).isEmpty()) {
            // "have the owner call me back about a quote": a message, whatever else it sounds like
            intent = new IntentResult(Intent.MESSAGE, intent.confidence(), intent.language(), false, null);
        }
        boolean implicitMove = own.movesImplicitly(ctx, d, text);
        boolean onFile = d.phone != null
                && (Cues.moves(text) || Cues.cancels(text) || implicitMove)
                && intent.intent() != Intent.RESCHEDULE
                && intent.intent() != Intent.CANCEL
                && !tools.listAppointments(ctx.business(), d.phone).isEmpty();
        if (onFile) {
            // "quiero cambiar mi cita", "annuler mon rendez-vous": the words say which task, whatever was heard
            Intent task = Cues.moves(text) || implicitMove ? Intent.RESCHEDULE : Intent.CANCEL;
            intent = new IntentResult(task, intent.confidence(), intent.language(), false, null);
        }
        if (intent.intent() == Intent.CANCEL && Cues.moves(text) && !Cues.cancels(text)) {
            // "je dois déplacer mon rendez-vous de demain": the words say move, whatever was heard
            intent = new IntentResult(Intent.RESCHEDULE, intent.confidence(), intent.language(), false, null);
        }
        if (intent.intent() == Intent.RESCHEDULE && Cues.cancels(text) && !Cues.moves(text)) {
            // "je dois annuler mon rdv de samedi": the words say cancel, whatever was heard
            intent = new IntentResult(Intent.CANCEL, intent.confidence(), intent.language(), false, null);
        }
        String lang = d.language;
        boolean smallTalk = switch (intent.intent()) {
            case GREETING, AFFIRM, DENY -> true;
            default -> false;
        };
        if (smallTalk && intent.matchedKeyword() == null && d.asked == Dialogue.Ask.NOTHING) {
            // "uh the um" lands near a yes or a greeting without being one
            return talk.misunderstood(ctx, d);
        }
        return switch (intent.intent()) {
            case BOOK -> {
                if (own.movesExisting(ctx, d, text)) {
                    // "can I move my drain cleaning to Friday": the service words look like a booking
                    yield byIntent(
                            ctx,
                            d,
                            text,
                            new IntentResult(Intent.RESCHEDULE, intent.confidence(), intent.language(), false, null));
                }
                if (own.namesOwnTime(ctx, d, text)) {
                    // "j'ai rendez-vous demain à 10h pour une fuite. Vous prenez les chèques ?", "what'll that run
                    // me?", "c pour ma fuite mardi, t'aurais-tu plus tôt ?": their visit, and a question, its price or
                    // a move
                    Intent about = talk.faqTopic(text)
                            ? Intent.QUESTION
                            : Cues.asksPrice(text) && !Cues.moves(text) ? Intent.PRICES : Intent.RESCHEDULE;
                    yield byIntent(ctx, d, text, new IntentResult(about, 1, intent.language(), false, null));
                }
                String service = d.task == Dialogue.Task.BOOK ? d.service : null;
                d.resetTask();
                d.service = service;
                var named = Entities.service(text, ctx.business().services());
                // a day in the past ("the leak he fixed last week") is not when to come
                boolean timed = TimeExpressions.parse(text, lang, ctx.now())
                        .filter(q ->
                                q.date() == null || !q.date().isBefore(ctx.now().toLocalDate()))
                        .isPresent();
                boolean callBack = Cues.callBack(text);
                if (!timed
                        && (callBack
                                || (named.isEmpty()
                                        && Cues.serviceForProblem(
                                                        text, ctx.business().services())
                                                .isEmpty()
                                        && Cues.carriesMessage(text)
                                        && intent.confidence() < STRONG))) {
                    // "have the owner call me back, it's about the leak he fixed": nothing to book, a message
                    d.task = Dialogue.Task.MESSAGE;
                    d.messageText = d.verbatim(text);
                    yield talk.advanceMessage(ctx, d);
                }
                d.task = Dialogue.Task.BOOK;
                if (EmergencyWords.notAnEmergency(ctx, text)) {
                    // "it's not urgent, just a drip": the urgent word does not name the emergency service
                    named = Cues.serviceForProblem(text, ctx.business().services());
                }
                named.or(() -> Cues.serviceForProblem(text, ctx.business().services()))
                        .map(ServiceOffering::name)
                        .or(() -> Optional.ofNullable(d.topicService))
                        .ifPresent(s -> d.service = s);
                booking.fillTime(ctx, d, text);
                Entities.name(text, lang).ifPresent(n -> d.name = n);
                yield booking.advanceBooking(ctx, d);
            }
            case RESCHEDULE -> {
                if (own.describesNewJob(ctx, d, text, intent)) {
                    yield byIntent(ctx, d, text, Cues.asBooking(intent));
                }
                d.resetTask();
                d.task = Dialogue.Task.RESCHEDULE;
                Moves.Move move = Moves.read(text, words -> requests.when(ctx, d, words));
                java.util.regex.Matcher holiday = Cues.pattern("unreadDay").matcher(text);
                boolean unreadDay = move.target() != null
                        && holiday.find()
                        && requests.when(ctx, d, text.substring(holiday.start()))
                                .filter(q -> q.date() != null)
                                .isEmpty();
                // "i wanted to move my drain cleaning on monday": the only day said is the appointment's own, so
                // where it goes is still to be asked
                boolean onlyItsOwnDay = move.target() != null
                        && move.target().equals(move.source())
                        && requests.when(ctx, d, text)
                                .filter(q -> q.date() != null)
                                .map(q -> tools.listAppointments(ctx.business(), d.phone).stream()
                                        .anyMatch(a -> a.start()
                                                .atZone(ctx.business().timezone())
                                                .toLocalDate()
                                                .equals(q.date())))
                                .orElse(false);
                if (move.target() != null && !unreadDay && !onlyItsOwnDay) {
                    // "to the day after thanksgiving, first thing": with a day not understood, ask where to
                    booking.fillTime(ctx, d, move.target());
                    d.timeOnly = requests.when(ctx, d, move.target())
                            .filter(q -> q.date() == null && q.time() != null)
                            .isPresent();
                    // "my appointment on Tuesday the 1st, to Wednesday": a bare weekday, the appointment named by its
                    // day
                    d.bareWeekday = requests.when(ctx, d, move.target())
                                    .filter(q -> q.date() != null)
                                    .isPresent()
                            && requests.when(ctx, d, move.source()).isPresent()
                            && !Cues.has("dayExplicit", move.target())
                            && !Cues.has("month", move.target())
                            && !move.target().matches("(?s).*\\d+\\s*(st|nd|rd|th|er|e|º)\\b.*");
                }
                own.earliestInstead(ctx, d, text, onlyItsOwnDay);
                d.shiftMinutes = move.shift() == null ? null : move.shift().toMinutes();
                d.said = move.source();
                d.saidIsSource = move.target() == null || !move.source().equals(text) || onlyItsOwnDay;
                yield appointments.lookUpAppointments(ctx, d);
            }
            case CANCEL -> {
                if (own.describesNewJob(ctx, d, text, intent)) {
                    yield byIntent(ctx, d, text, Cues.asBooking(intent));
                }
                d.resetTask();
                d.task = Dialogue.Task.CANCEL;
                // "the one tomorrow no wait (not tomorrow) the wednesday one": the day said after the correction
                d.said = Cues.fromCorrection(text)
                        .filter(after -> requests.when(ctx, d, after).isPresent())
                        .orElse(text);
                yield appointments.lookUpAppointments(ctx, d);
            }
            // ("its about my appt": spoken of, not asked about, so "change it or cancel it?" follows the read-out)
            case MY_APPOINTMENTS ->
                appointments.lookUp(ctx, d, own.onlySpokenOf(text) ? "changeOrCancel" : "anythingElse");
            case HOURS -> talk.alsoAnswer(ctx, d, text, talk.openingHours(ctx, d, text), Intent.HOURS);
            case PRICES -> talk.alsoAnswer(ctx, d, text, talk.prices(ctx, d, text), Intent.PRICES);
            case QUESTION -> talk.alsoAnswer(ctx, d, text, talk.question(ctx, d, text), Intent.QUESTION);
            case MESSAGE -> {
                d.resetTask();
                d.task = Dialogue.Task.MESSAGE;
                d.forWhom = Cues.afterCorrection(text).orElse(text); // "for dana no sorry for mike": Mike
                if (Cues.carriesMessage(text) || (Words.count(text) >= 12 && !Cues.endsWithRequest(text))) {
                    // "ask Joe to call me back about the quote", or a long request: the request is the message
                    d.messageText = d.verbatim(text);
                    yield talk.advanceMessage(ctx, d);
                }
                d.asked = Dialogue.Ask.MESSAGE_TEXT;
                yield Output.say(Phrases.say(lang, "askMessage"));
            }
            case TRANSFER, HUMAN -> Transfers.transfer(flows, ctx, d, text);
            case GOODBYE -> talk.goodbye(ctx, d);
            case GREETING, AFFIRM -> {
                if (d.asked == Dialogue.Ask.ANYTHING_ELSE && intent.intent() == Intent.AFFIRM) {
                    d.asked = Dialogue.Ask.NOTHING;
                    yield Output.say(Phrases.say(lang, "whatElse"));
                }
                yield Output.say(Phrases.say(lang, "howCanIHelp"));
            }
            case DENY ->
                d.asked == Dialogue.Ask.ANYTHING_ELSE
                        ? talk.goodbye(ctx, d)
                        : Output.say(Phrases.say(lang, "howCanIHelp"));
            case EMERGENCY -> talk.emergency(ctx, d, text, intent.lifeThreatening());
            default -> {
                Optional<String> knowledge = talk.knowledge(ctx, d.language, text);
                if (knowledge.isPresent()) {
                    d.asked = Dialogue.Ask.ANYTHING_ELSE;
                    d.achieved("ANSWERED", "Answered a question from the knowledge base.");
                    yield Output.say(talk.shape(ctx, lang, knowledge.get()) + " " + Phrases.say(lang, "anythingElse"));
                }
                yield talk.misunderstood(ctx, d);
            }
        };
    }

    /** What the caller's words ask, as this brain reads them (the LLM brain's outcomes take it from here). */
    Intent asked(Context ctx, Dialogue d, String text) {
        List<String> own = ctx.business().emergencyKeywords();
        return intents.classify(Requests.normalise(text), d.language, own).intent();
    }
}
