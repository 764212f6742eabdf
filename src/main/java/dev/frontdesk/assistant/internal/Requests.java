package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.internal.OfflineBrain.Context;
import dev.frontdesk.assistant.internal.OfflineBrain.Output;
import dev.frontdesk.assistant.nlu.Entities;
import dev.frontdesk.assistant.nlu.Intent;
import dev.frontdesk.assistant.nlu.IntentResult;
import dev.frontdesk.assistant.nlu.TimeQuery;
import dev.frontdesk.tenants.ServiceOffering;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a turn that answers nothing we asked is read in its context: a booking told by a service or a
 * problem plus a day or a request for a visit ("leak repair friday at 11", "could somebody come Monday at
 * 9?", "ok then first thing Monday" after a price), a question in the middle of a task, a caller who
 * reached the wrong business, a caller who only says who they are.
 */
final class Requests {

    private static final Pattern YES_SYMBOLS = Pattern.compile("[👍👌✅✔☑🙂😊🆗]\\p{M}*|\\u2714\\uFE0F?");

    /** Below this, a message or transfer verdict without words for one is a guess. */
    private static final double WEAK_REQUEST = 0.35;

    private final Flows flows;

    Requests(Flows flows) {
        this.flows = flows;
    }

    private static final java.util.List<java.util.Map.Entry<Pattern, String>> SHORTHAND =
            LanguageData.load("shorthand").entrySet().stream()
                    .map(e -> java.util.Map.entry(LanguageData.pattern(e.getValue()), e.getKey()))
                    .toList();
    /** Texting and speech-recogniser shorthand as words ("tmrw" is tomorrow, "at to thirty" at two thirty); 👍 is a yes. */
    static String normalise(String text) {
        String replaced = YES_SYMBOLS.matcher(text).replaceAll(" yes ");
        for (var shorthand : SHORTHAND) {
            replaced = shorthand
                    .getKey()
                    .matcher(replaced)
                    .replaceAll(java.util.regex.Matcher.quoteReplacement(shorthand.getValue()));
        }
        return replaced.strip().replaceAll("\\s+", " ");
    }

    /** The service the turn names, or the one its problem needs ("the faucet drips": leak repair). */
    static Optional<ServiceOffering> service(Context ctx, String text) {
        return Entities.service(text, ctx.business().services())
                .or(() -> Cues.serviceForProblem(text, ctx.business().services()));
    }

    /** A future day or time in the turn; a day in the past ("the leak he fixed last week") is not one. */
    Optional<TimeQuery> when(Context ctx, Dialogue d, String text) {
        return flows.booking()
                .parseTime(ctx, d, text)
                .filter(q -> q.date() == null || !q.date().isBefore(ctx.now().toLocalDate()))
                .filter(q -> q.date() != null || q.time() != null);
    }

    /** Whether a turn the classifier read otherwise is a request for a visit. */
    boolean wantsBooking(Context ctx, Dialogue d, String text, IntentResult intent) {
        boolean strongOther = intent.confidence() >= Flow.STRONG
                && switch (intent.intent()) {
                    case MY_APPOINTMENTS, RESCHEDULE, CANCEL, MESSAGE, TRANSFER, HUMAN, GOODBYE -> true;
                    default -> false;
                };
        if (intent.intent() == Intent.BOOK
                || intent.intent() == Intent.EMERGENCY
                || intent.intent() == Intent.OPT_OUT
                || strongOther
                || Cues.moves(text)
                || Cues.cancels(text)
                || Cues.asksPrice(text)
                || Cues.callBack(text)) {
            return false;
        }
        if (Cues.has("hypothetical", text)
                || (TalkFlow.faqTopic(text) && text.contains("?") && !Cues.asksForVisit(text))) {
            // "if a pipe ever bursts at night do you come out? just wondering", "URGENT!! do you cover brookline?"
            return false;
        }
        Optional<TimeQuery> when = when(ctx, d, text);
        if (when.isEmpty() && TalkFlow.faqTopic(text)) {
            return false; // "if you fix it and it leaks again, am I covered?": a question about the service
        }
        boolean service = service(ctx, text).isPresent();
        boolean visit = Cues.asksForVisit(text);
        boolean earliest = Cues.wantsEarliest(text);
        boolean context = d.topicService != null || d.asked == Dialogue.Ask.ANYTHING_ELSE;
        boolean clock = when.filter(q -> q.time() != null).isPresent();
        if (intent.intent() == Intent.HOURS && intent.confidence() >= Flow.STRONG && !service && !visit) {
            return false;
        }
        // "le llamo porque la cisterna pierde agua": a problem told at length sounds like a message or a transfer
        // to the classifier; only a clear one, or words for a person or a message, make it one
        boolean messageOrPerson = (intent.intent() == Intent.MESSAGE || intent.intent() == Intent.TRANSFER)
                && (intent.confidence() >= WEAK_REQUEST
                        || Cues.has("askPerson", text)
                        || Cues.has("relay", text)
                        || flows.booking().tools.namesStaff(ctx.business(), text));
        boolean problem =
                Cues.serviceForProblem(text, ctx.business().services()).isPresent()
                        && intent.confidence() < Flow.STRONG
                        && !messageOrPerson
                        && !Cues.has("serviceQuestion", text)
                        && !TalkFlow.faqTopic(text); // "if it leaks again in six months am I covered?"
        return problem
                || (when.isPresent() && (service || visit || context || clock))
                || (service && (visit || earliest))
                || (earliest && (context || visit));
    }

    private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile(
            "(?:^|[\\s,.!?])[-–—,~]\\s*(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})[\\s.!,]*$");

    private static final java.util.regex.Pattern CLOSING_NAME =
            java.util.regex.Pattern.compile("[.!?,]\\s+(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})[\\s.!]*$");

    /** The text without a written phone number ("Derek Shaw, 617 555 0177" → "Derek Shaw"). */
    static String withoutPhone(String text) {
        return Entities.withoutPhone(text).replaceAll("[\\s,;.-]+$", "").strip();
    }

    /**
     * A name signed at the end of a text ("drain cleaning tmrw 11am pls - Sam Ortiz", "..., thanks, Linda
     * Park, 617-555-0131"): two or three capitalised words after a dash or a comma, a number aside.
     */
    static Optional<String> signature(String text) {
        String unsigned = withoutPhone(text);
        var m = SIGNATURE.matcher(unsigned);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        // "... is in the mail. Beth Carver": two or three capitalised name words closing the text
        var closing = CLOSING_NAME.matcher(unsigned);
        return closing.find()
                ? Entities.bareName(closing.group(1)).filter(n -> n.equals(closing.group(1)))
                : Optional.empty();
    }

    /** A question about prices, hours or the business in the middle of a task, which the task survives. */
    boolean isAside(Dialogue d, String text, IntentResult intent) {
        boolean inTask = d.task != Dialogue.Task.NONE
                && d.asked != Dialogue.Ask.NOTHING
                && d.asked != Dialogue.Ask.ANYTHING_ELSE
                && d.asked != Dialogue.Ask.OFFER_MESSAGE;
        boolean question = switch (intent.intent()) {
            case PRICES, HOURS, QUESTION -> intent.confidence() >= Flow.STRONG;
            default -> false;
        };
        boolean asks = TalkFlow.faqTopic(text)
                || (Cues.asksSomething(text)
                        && (intent.intent() == Intent.QUESTION || intent.intent() == Intent.UNKNOWN));
        return inTask && (question || asks || Cues.asksPrice(text));
    }

    /** Answers the question, then asks again for what the task still needs. */
    Output aside(Context ctx, Dialogue d, String text, IntentResult intent) {
        Dialogue.Task task = d.task;
        boolean awaitingCode = d.asked == Dialogue.Ask.CODE;
        // "do you guys go out that far": a common question's words win over an hours verdict
        Output answer = intent.intent() == Intent.HOURS && !TalkFlow.faqTopic(text)
                ? flows.talk().openingHours(ctx, d)
                : (intent.intent() == Intent.QUESTION && !Cues.asksPrice(text)) || TalkFlow.faqTopic(text)
                        // "before you do that, do i pay the guy when he comes, like do you take cards"
                        ? flows.talk().question(ctx, d, text)
                        : flows.talk().prices(ctx, d, text);
        String said = answer.text().equals(Phrases.say(d.language, "dontKnow"))
                ? Phrases.say(d.language, "dontKnowAside")
                : answer.text();
        String anythingElse = Phrases.say(d.language, "anythingElse");
        if (said.endsWith(anythingElse)) {
            said = said.substring(0, said.length() - anythingElse.length()).strip();
        }
        d.task = task;
        if (awaitingCode) {
            // the code already went out: ask for it again rather than send another
            return Output.say(said + " " + flows.verification().askAgain(ctx, d).text());
        }
        return Output.say(said + " " + flows.resume(ctx, d).text());
    }

    /** "Is this the pizza place?": which business this is, unless the turn also asks for something. */
    boolean asksWhichBusiness(Context ctx, Dialogue d, String text) {
        return Cues.has("otherBusiness", text)
                && when(ctx, d, text).isEmpty()
                && service(ctx, text).isEmpty()
                && d.task == Dialogue.Task.NONE;
    }

    /**
     * A turn whose words say which task better than its intent: a message to pass on ("tell Mike I'll be
     * late"), someone of the staff asked for by name or department, "when are you coming?" from a caller
     * with appointments, a question the knowledge base answers when the intent was weak.
     */
    IntentResult redirect(Context ctx, Dialogue d, String text, IntentResult intent) {
        // "una pregunta nada más: ¿van hasta Brookline?" sounds like a goodbye to the classifier, and is not one
        boolean weakGoodbye = intent.intent() == Intent.GOODBYE
                && intent.matchedKeyword() == null
                && intent.confidence() < Flow.STRONG;
        boolean settled = switch (intent.intent()) {
            case EMERGENCY, OPT_OUT, RESCHEDULE, CANCEL, MESSAGE -> true;
            case GOODBYE -> !weakGoodbye;
            case BOOK, MY_APPOINTMENTS, PRICES, HOURS -> intent.confidence() >= Flow.STRONG;
            default -> false;
        };
        boolean mustAct = switch (intent.intent()) {
            case EMERGENCY, OPT_OUT -> true;
            case GOODBYE -> !weakGoodbye;
            case RESCHEDULE, CANCEL -> intent.confidence() >= Flow.STRONG;
            default -> false;
        };
        if (Cues.has("ifCancelled", text) && !Cues.cancels(text) && (text.contains("?") || Cues.asksSomething(text))) {
            return as(Intent.QUESTION, intent); // "do you charge anything if i cancel last minute?"
        }
        if (!mustAct && !Cues.moves(text) && !Cues.cancels(text) && relays(ctx, text)) {
            // "dites à Mike que je serai en retard", "can I talk to the owner": a message, whatever it sounded like
            return as(Intent.MESSAGE, intent);
        }
        if (!mustAct && Cues.has("askPerson", text) && flows.booking().tools.namesStaff(ctx.business(), text)) {
            return as(Intent.TRANSFER, intent); // "parler à Mike, c'est pour l'estimation": the person, not the topic
        }
        boolean lookup = Cues.has("lookup", text)
                && !Cues.moves(text)
                && !Cues.cancels(text)
                && d.phone != null
                && !flows.booking()
                        .tools
                        .listAppointments(ctx.business(), d.phone)
                        .isEmpty();
        if (lookup && intent.intent() != Intent.EMERGENCY && intent.intent() != Intent.OPT_OUT) {
            return as(Intent.MY_APPOINTMENTS, intent);
        }
        boolean faq = switch (intent.intent()) {
            case MY_APPOINTMENTS, UNKNOWN, HUMAN, TRANSFER, GREETING, QUESTION, PRICES, HOURS -> true;
            case GOODBYE -> weakGoodbye;
            // "URGENT!! do you guys cover brookline?": a question, though it sounded like a message
            case MESSAGE -> !Cues.callBack(text) && !Cues.carriesMessage(text);
            // "vous intervenez du côté de cambridge", "si ça refuit après six mois vous revenez-tu?": a weak
            // booking or move verdict on a common question that asks for nothing
            case BOOK, RESCHEDULE, CANCEL ->
                intent.confidence() < Flow.STRONG
                        && !Cues.moves(text)
                        && !Cues.cancels(text)
                        && !Cues.asksForVisit(text)
                        // "do you do emergency call outs, like if something happens on a sunday night"
                        && (when(ctx, d, text)
                                        // "si ça brise encore six mois après": a time no booking could be at
                                        .filter(q -> q.date() == null
                                                || q.date()
                                                        .isBefore(ctx.now()
                                                                .toLocalDate()
                                                                .plusDays(90)))
                                        .isEmpty()
                                || Cues.has("hypothetical", text))
                        && (text.contains("?")
                                || Entities.service(text, ctx.business().services())
                                        .isEmpty());
            default -> false;
        };
        if (faq
                && flows.talk().faqTopic(text)
                && flows.talk().knowledge(ctx, d.language, text).isPresent()) {
            // "se puede pagar con tarjeta?": a common question, whatever else it sounded like
            return as(Intent.QUESTION, intent);
        }
        if (intent.intent() == Intent.MESSAGE
                && Cues.has("askPerson", text)
                && flows.booking().tools.namesStaff(ctx.business(), text)) {
            return as(Intent.TRANSFER, intent); // "is Mike around? I need to talk to him"
        }
        if (settled) {
            return intent;
        }
        if (intent.intent() != Intent.BOOK && flows.booking().tools.namesStaff(ctx.business(), text)) {
            return as(Intent.TRANSFER, intent);
        }
        boolean weakOther = intent.confidence() < Flow.STRONG
                && switch (intent.intent()) {
                    case HUMAN, TRANSFER, GREETING, UNKNOWN, AFFIRM, DENY -> true;
                    default -> false;
                };
        if (weakOther && Cues.asksPrice(text) && !Cues.moves(text) && !Cues.cancels(text)) {
            return as(Intent.PRICES, intent); // "what's a water heater repair gonna run me roughly"
        }
        if (weakOther
                && d.asked != Dialogue.Ask.CONFIRM
                && flows.talk().knowledge(ctx, d.language, text).isPresent()) {
            return as(Intent.QUESTION, intent);
        }
        return intent;
    }

    /**
     * A message to pass on ("pass a msg to Dana", "tell Mike I'll be late", "le pueden decir a Mike que…") or
     * a request for the owner, who is reached by message rather than by transfer.
     */
    private boolean relays(Context ctx, String text) {
        if (Cues.has("relay", text)) {
            return true;
        }
        boolean staff = flows.booking().tools.namesStaff(ctx.business(), text);
        boolean askPerson = Cues.has("askPerson", text);
        if (staff) {
            return Cues.has("relayVerb", text) && !askPerson;
        }
        return Cues.has("owner", text) && (askPerson || Cues.callBack(text) || Cues.carriesMessage(text));
    }

    private static IntentResult as(Intent task, IntentResult intent) {
        return new IntentResult(task, intent.confidence(), intent.language(), false, null);
    }

    /** "Hi, this is Carla Nguyen" and nothing else: remember the name and ask how to help. */
    Optional<Output> introduction(Context ctx, Dialogue d, String text, IntentResult intent) {
        if (d.task != Dialogue.Task.NONE || Words.count(text) > 7) {
            return Optional.empty();
        }
        Optional<String> name = Entities.name(text, d.language);
        boolean request = intent.confidence() >= Flow.STRONG
                && switch (intent.intent()) {
                    case GREETING, AFFIRM, DENY, UNKNOWN, TRANSFER, HUMAN -> false;
                    default -> true;
                };
        if (name.isEmpty()
                || request
                || Cues.has("askPerson", text)
                || service(ctx, text).isPresent()
                || Cues.asksForVisit(text)) {
            return Optional.empty();
        }
        d.name = name.get();
        d.asked = Dialogue.Ask.NOTHING;
        return Optional.of(Output.say(Phrases.say(d.language, "helloName", d.name.split(" ")[0])));
    }

    /**
     * "Jess Park" said while a booking waits for a service, a day or a pick (the caller's name, told before it
     * was asked, not a person to put the call through to), or to a read-back of another name (the right one).
     */
    boolean bareName(Context ctx, Dialogue d, String text) {
        boolean readBack = d.task == Dialogue.Task.BOOK && d.asked == Dialogue.Ask.CONFIRM;
        boolean waiting = d.task == Dialogue.Task.BOOK
                && (d.asked == Dialogue.Ask.SERVICE
                        || d.asked == Dialogue.Ask.WHEN
                        || d.asked == Dialogue.Ask.PICK_SLOT);
        String plain = Requests.withoutPhone(text);
        if (!(waiting || readBack)
                || (d.name != null && !readBack)
                || Words.count(plain) > 4
                || plain.contains("?")
                || flows.booking().parseTime(ctx, d, plain).isPresent()
                || Entities.yesNo(plain, d.language).isPresent()
                || Requests.service(ctx, plain).isPresent()
                || when(ctx, d, plain).isPresent()
                || flows.booking().tools.namesStaff(ctx.business(), plain)) {
            return false;
        }
        Optional<String> name = Entities.bareName(plain);
        name.ifPresent(n -> d.name = n);
        return name.isPresent();
    }
}
