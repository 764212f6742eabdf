package dev.frontdesk.assistant.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one conversation between turns, stored as JSON so that any node can take the next turn
 * and a restart loses nothing.
 */
final class Dialogue {

    /** What the caller is trying to get done. */
    enum Task {
        NONE,
        BOOK,
        RESCHEDULE,
        CANCEL,
        MESSAGE,
        /** Reading out the caller's appointments, waiting for their number to be proven. */
        LOOKUP
    }

    /** What the assistant asked last, so that a short answer ("Tuesday", "yes", "Dana") fills it. */
    enum Ask {
        NOTHING,
        SERVICE,
        WHEN,
        PICK_SLOT,
        NAME,
        PHONE,
        CONFIRM,
        WHICH_APPOINTMENT,
        NEW_TIME,
        MESSAGE_TEXT,
        OFFER_MESSAGE,
        /** Put through to someone the caller only spoke of, or a message? */
        OFFER_TRANSFER,
        ANYTHING_ELSE,
        CONFIRM_HEARD,
        /** The one-time code texted to the number on file. */
        CODE
    }

    public String language = "en";
    public Task task = Task.NONE;
    public Ask asked = Ask.NOTHING;
    public String service;
    public String date;
    public String time;
    public String dayPart;
    public List<String> offered = new ArrayList<>();

    /** The time asked for that was taken (an instant), while its alternatives are offered: "two hours later?" is from it. */
    public String taken;

    public String chosen;
    public String name;
    public String phone;
    /**
     * The number this conversation has proven the caller holds (a signed text from it, an attested call,
     * or the one-time code texted to it); only its appointments are read out or changed.
     */
    public String verifiedPhone;
    /** Answers without a code since the code was texted. */
    public int codeMisses;

    public String email;
    public String appointmentId;
    public List<String> candidates = new ArrayList<>();
    public String messageText;
    /** Who a message is for, as the caller put it ("put me through to Dana"). */
    public String forWhom;

    public String heard;
    /** What was asked when a low-confidence line was read back ("did you say ...?"): asked again after the answer. */
    public Ask heardWhileAsked;
    /** The request that started a reschedule or cancel, which may say which appointment is meant. */
    public String said;
    /** What the caller last asked about (HOURS, PRICES), so that "what about a water heater?" follows on. */
    public String topic;
    /** The caller was vague ("sometime next week"): ask before offering; days given next are not before {@link #after}. */
    public boolean vague;

    public String after;
    /** The service last talked about (a price, a question), so that "can I book one Friday" knows which. */
    public String topicService;
    /** The caller asked for the earliest time ("the earliest you have", "as soon as possible"). */
    public boolean earliest;
    /** "First thing Wednesday": the first free time that day, without a choice. */
    public boolean firstThing;
    /** A move by an amount ("two hours later", "same time next week"), applied once the appointment is known. */
    public Long shiftMinutes;
    /** "Friday, same time": the new day keeps the moved appointment's time. */
    public boolean sameTime;
    /** "le samedi suivant": the new day comes after the moved appointment's own. */
    public boolean following;
    /** {@link #said} holds only the words naming the appointment, so a time in it says which one. */
    public boolean saidIsSource;
    /** The new day was a bare weekday ("to wednesday"): read in the week of the appointment being moved. */
    public boolean bareWeekday;
    /** The new time came without a day ("push Saturday's appointment to noon"): the appointment's own day. */
    public boolean timeOnly;

    public int misunderstandings;
    public int silences;
    public int turns;
    public boolean emergency;
    public boolean lifeThreatening;
    /** When the owner was last alerted about this conversation (an ISO instant), and whether of danger. */
    public String ownerAlertedAt;

    public boolean ownerAlertedOfDanger;
    public boolean ended;
    /** The business placed the call (a campaign's): the person called was greeted by name and told why. */
    public boolean outbound;

    public String outcome;
    public List<String> summary = new ArrayList<>();
    /** This turn's readings of times in the caller's words (not stored: a new turn reads anew). */
    final transient java.util.Map<String, java.util.Optional<dev.frontdesk.assistant.nlu.TimeQuery>> readings =
            new java.util.HashMap<>();

    /** This turn's words as the caller said them (before shorthand was expanded): messages pass on these. */
    transient String words;

    /** The caller's own words for this turn's text ("need a W-9", not the text read with shorthand expanded). */
    String verbatim(String text) {
        return words != null && Requests.normalise(words).equals(text) ? words.strip() : text;
    }

    /** A reply that finished after its turn's budget, to be said at the next turn. */
    public String deferred;

    /** Where the deferred reply puts the caller through ({@link #deferredWhisper} for who answers), if anywhere. */
    public String deferredTransfer;

    public String deferredWhisper;

    /**
     * Until when a held turn of this conversation may still be running (its own column, not part of the
     * stored state): what the caller says meanwhile is queued ({@link HeldTurns}).
     */
    transient java.time.Instant heldUntil;

    /** A number the channel proves (a signed text, an attested call) stays proven for the conversation. */
    void provenBy(dev.frontdesk.assistant.InboundTurn turn) {
        if (turn.callerVerified()) {
            verifiedPhone = turn.callerPhone();
        }
    }

    /** A new conversation's state: the channel's language, else the number's, else the business's. */
    static Dialogue fresh(dev.frontdesk.tenants.Business business, dev.frontdesk.assistant.InboundTurn turn) {
        Dialogue d = new Dialogue();
        d.language = turn.language() != null
                ? turn.language()
                : NumberLanguage.of(turn.callerPhone()).orElse(business.defaultLanguage());
        if (!Phrases.LANGUAGES.contains(d.language)) {
            d.language = Phrases.LANGUAGES.getFirst();
        }
        d.phone = turn.callerPhone();
        return d;
    }

    /** A call the business placed to {@code name} (null when the lead has none): their name is not asked again. */
    void calledBy(String name) {
        outbound = true;
        if (name != null && !name.isBlank()) {
            this.name = name.strip();
        }
    }

    /** Whether this turn changed what the conversation's row says (its language, the emergency flag). */
    boolean changes(dev.frontdesk.crm.Conversation conversation) {
        return (language != null && !language.equals(conversation.language()))
                || (emergency && !conversation.emergency());
    }

    void resetTask() {
        task = Task.NONE;
        asked = Ask.NOTHING;
        service = null;
        date = null;
        time = null;
        dayPart = null;
        offered = new ArrayList<>();
        taken = null;
        chosen = null;
        appointmentId = null;
        candidates = new ArrayList<>();
        messageText = null;
        said = null;
        vague = false;
        after = null;
        earliest = false;
        firstThing = false;
        shiftMinutes = null;
        saidIsSource = false;
        bareWeekday = false;
        timeOnly = false;
        sameTime = false;
        following = false;
    }

    /** Records what happened; the strongest outcome wins. */
    void achieved(String result, String line) {
        if (outcome == null || rank(result) > rank(outcome)) {
            outcome = result;
        }
        summary.add(line);
    }

    private static int rank(String outcome) {
        return switch (outcome) {
            case "BOOKED", "RESCHEDULED", "CANCELLED" -> 5;
            case "EMERGENCY" -> 4;
            case "MESSAGE_TAKEN", "TRANSFERRED" -> 3;
            case "ANSWERED" -> 2;
            case "NOT_INTERESTED" -> 1;
            default -> 0;
        };
    }
}
