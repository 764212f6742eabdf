package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.llm.LlmTools;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.tenants.Business;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The tools as the LLM sees them, bound to one business, one caller and one conversation turn: the same
 * {@link AssistantTools} the offline brain uses, so the rules are the same (a caller only sees, moves
 * and cancels their own appointments, and only once their number is proven: see {@link Verification}).
 *
 * <p>What a call changes is a fact of the turn ({@link ToolEffect}), kept in the {@link ToolLedger}: the
 * same call made again in the turn (by the model, or by the turn run again after a crash) gets the first
 * answer and changes nothing, and the offline brain confirms the turn's effects if the model fails.
 */
final class BoundLlmTools implements LlmTools {

    /** Free start times listed at most in one answer; more are asked for with a time window. */
    static final int MAX_SLOTS = 24;

    private static final String UNPROVEN = ERROR_PREFIX
            + " the caller's number is not proven on this channel; their appointments need a one-time code first";

    private final AssistantTools tools;
    private final ToolLedger ledger;
    private final Business business;
    private final Dialogue d;
    private final UUID conversation;
    private final int turn;
    private final String callerPhone;
    /** The caller's number when the channel or a one-time code proved it; null otherwise. */
    private final String provenPhone;

    private final Channel channel;
    private final ZoneId zone;

    /** The calls of this turn that acted (from the ledger, so also those of an earlier run of the turn). */
    private List<ToolLedger.Entry> acted;
    /** The model reached for the caller's appointments before their number was proven. */
    private boolean refusedUnproven;

    BoundLlmTools(
            AssistantTools tools,
            ToolLedger ledger,
            Business business,
            Dialogue d,
            UUID conversation,
            String callerPhone,
            Channel channel) {
        this.tools = tools;
        this.ledger = ledger;
        this.business = business;
        this.d = d;
        this.conversation = conversation;
        this.turn = d.turns;
        this.callerPhone = callerPhone;
        this.provenPhone = Verification.proven(d);
        this.channel = channel;
        this.zone = business.timezone();
    }

    /**
     * The free start times of the day, within {@code from}–{@code to} when given: every one up to
     * {@value #MAX_SLOTS}; a longer list is cut and says so, with the time to ask from for the rest (a list
     * cut silently would make a free 3 pm look taken). A closed day says it is closed.
     */
    @Override
    public String checkAvailability(String service, LocalDate date, LocalTime from, LocalTime to) {
        if (business.service(service).isEmpty()) {
            return ERROR_PREFIX + " unknown service; the services are " + services();
        }
        List<LocalTime> free = tools.checkAvailability(business, service, date, d.emergency).stream()
                .map(s -> s.start().atZone(zone).toLocalTime())
                .filter(t -> (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to)))
                .toList();
        StringBuilder json = new StringBuilder("{\"date\": \"" + date + "\"");
        if (from != null || to != null) {
            json.append(", \"from\": \"")
                    .append(from == null ? "opening" : from)
                    .append("\", \"to\": \"");
            json.append(to == null ? "closing" : to).append('"');
        }
        if (business.closedDates().contains(date)
                || business.hours().on(date.getDayOfWeek()).isEmpty()) {
            json.append(", \"closed\": true");
        }
        json.append(", \"free\": [")
                .append(free.stream().limit(MAX_SLOTS).map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")))
                .append(']');
        if (free.size() > MAX_SLOTS) {
            json.append(", \"truncated\": true, \"more\": ")
                    .append(free.size() - MAX_SLOTS)
                    .append(", \"ask_again_from\": \"")
                    .append(free.get(MAX_SLOTS))
                    .append('"');
        }
        return json.append('}').toString();
    }

    /**
     * An emergency booking (which may skip notice, the daily cap and the morning reserve) only in a
     * conversation whose emergency was flagged, which alerted the owner: the model has no say in it. The
     * caller's number and the start time are checked first ({@link ToolInput}).
     */
    @Override
    public String bookAppointment(
            String service, LocalDateTime start, String customerName, String customerPhone, String customerEmail) {
        ToolInput.Checked phone = ToolInput.phone(business, callerPhone, customerPhone);
        if (!phone.ok()) {
            return phone.error();
        }
        boolean emergency = d.emergency;
        return act(
                "book_appointment",
                () -> ToolInput.offGrid(
                                business,
                                start,
                                () -> tools.checkAvailability(business, service, start.toLocalDate(), emergency))
                        .map(Acted::failed)
                        .orElseGet(() -> booked(
                                ToolEffect.Kind.BOOKED,
                                tools.bookAppointment(
                                        business,
                                        service,
                                        start.atZone(zone).toInstant(),
                                        customerName,
                                        phone.value(),
                                        customerEmail,
                                        emergency ? "Emergency" : null,
                                        emergency,
                                        channel.name(),
                                        d.language))),
                service,
                start,
                customerName,
                phone.value(),
                customerEmail);
    }

    @Override
    public String rescheduleAppointment(String appointmentId, LocalDateTime newStart) {
        if (provenPhone == null) {
            refusedUnproven = true;
            return UNPROVEN;
        }
        return act(
                "reschedule_appointment",
                () -> ToolInput.offGrid(
                                business,
                                newStart,
                                () -> tools.listAppointments(business, provenPhone).stream()
                                        .filter(a -> a.id().toString().equals(appointmentId))
                                        .findFirst()
                                        .map(a -> tools.checkAvailability(
                                                business, a.service(), newStart.toLocalDate(), a.emergency()))
                                        .orElse(List.of()))
                        .map(Acted::failed)
                        .orElseGet(() -> booked(
                                ToolEffect.Kind.RESCHEDULED,
                                tools.rescheduleAppointment(
                                        business,
                                        appointmentId,
                                        newStart.atZone(zone).toInstant(),
                                        provenPhone))),
                appointmentId,
                newStart);
    }

    @Override
    public String cancelAppointment(String appointmentId) {
        if (provenPhone == null) {
            refusedUnproven = true;
            return UNPROVEN;
        }
        return act(
                "cancel_appointment",
                () -> tools.cancelAppointment(business, appointmentId, provenPhone)
                        .map(a -> new Acted(
                                "{\"cancelled\": true, \"service\": \"" + a.service() + "\", \"start\": \""
                                        + a.start().atZone(zone).toLocalDateTime() + "\"}",
                                ToolEffect.of(ToolEffect.Kind.CANCELLED, a)))
                        .orElse(Acted.failed(ERROR_PREFIX + " no such appointment for this caller")),
                appointmentId);
    }

    @Override
    public String listAppointments() {
        if (provenPhone == null) {
            refusedUnproven = true;
            return UNPROVEN;
        }
        return "["
                + tools.listAppointments(business, provenPhone).stream()
                        .map(a -> "{\"appointment_id\": \"" + a.id() + "\", \"service\": \"" + a.service()
                                + "\", \"start\": \"" + a.start().atZone(zone).toLocalDateTime() + "\"}")
                        .collect(Collectors.joining(", "))
                + "]";
    }

    /**
     * The model asked for the caller's appointments without a proven number: the offline brain takes the
     * turn and texts the code (it also checks it).
     */
    @Override
    public boolean handsOver() {
        return refusedUnproven;
    }

    @Override
    public String searchKnowledge(String question) {
        // the same look-up as the offline brain's: the words, then the common question they point at
        return tools.answer(business, question, d.language)
                .orElse(ERROR_PREFIX
                        + " nothing in the business's knowledge base answers this; do not guess, offer a message");
    }

    @Override
    public String takeMessage(String callerName, String text) {
        return act(
                "take_message",
                () -> {
                    tools.takeMessage(business, callerName, callerPhone, text);
                    return new Acted("{\"ok\": true}", ToolEffect.messageTaken());
                },
                callerName,
                text);
    }

    /** The same opt-out as the offline brain's: after a text no more texts or calls, after a call no more calls. */
    @Override
    public String optOut() {
        return act("opt_out", () -> {
            tools.optOut(business, d.phone != null ? d.phone : callerPhone, channel.spoken());
            return new Acted("{\"ok\": true, \"opted_out\": true}", ToolEffect.optedOut());
        });
    }

    /**
     * Finds who can take the call now; the caller is put through after the reply (the same {@code <Dial>}
     * as the offline brain's). Only on a phone call: in a text conversation there is nothing to put through.
     */
    @Override
    public String transferCall(String target) {
        if (!channel.spoken()) {
            return ERROR_PREFIX + " this is a text conversation, not a call, so it cannot be transferred; offer to"
                    + " take a message for them instead";
        }
        return act(
                "transfer_call",
                () -> tools.transferCall(business, target)
                        .map(number -> new Acted(
                                "{\"ok\": true, \"putting_through\": true}", ToolEffect.transferredTo(number)))
                        .orElse(Acted.failed(
                                ERROR_PREFIX + " nobody is available to take the call; offer to take a message")),
                target);
    }

    /** The emergency is the conversation's from now on; the owner's alert is rate-limited per conversation. */
    @Override
    public String flagEmergency(String description, boolean lifeThreatening) {
        return act(
                "flag_emergency",
                () -> {
                    d.emergency = true;
                    boolean alerted = tools.alertOwner(business, d, callerPhone, description, lifeThreatening);
                    return new Acted(
                            alerted
                                    ? "{\"ok\": true, \"owner_alerted\": true}"
                                    : "{\"ok\": true, \"owner_alerted\": false, \"reason\": \"the owner was"
                                            + " alerted about this conversation a few minutes ago; do not flag it"
                                            + " again\"}",
                            ToolEffect.emergency(lifeThreatening));
                },
                description,
                lifeThreatening);
    }

    /** What this turn's tool calls changed, in order (with those of an earlier run of the same turn). */
    List<ToolEffect> effects() {
        return acted().stream()
                .map(ToolLedger.Entry::effect)
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * Runs a call that may change something, once per turn for the same arguments: a repeated call gets
     * the first answer and changes nothing. Calls that changed nothing (refused, failed) are not kept,
     * so the model may correct them.
     */
    private String act(String tool, Supplier<Acted> action, Object... arguments) {
        String key = ToolLedger.key(tool, arguments);
        for (ToolLedger.Entry done : acted()) {
            if (done.callKey().equals(key)) {
                return done.result();
            }
        }
        if (!tool.equals("flag_emergency")) {
            var change = acted().stream()
                    .filter(done ->
                            done.effect() != null && done.effect().kind().changesState())
                    .findFirst();
            if (change.isPresent()) {
                return ERROR_PREFIX + " only one change per turn, and this turn already made one ("
                        + change.get().tool() + "); tell the caller what was done and ask before the next change";
            }
        }
        Acted result = action.get();
        if (result.effect() != null) {
            var entry = new ToolLedger.Entry(tool, key, result.result(), result.effect());
            ledger.record(conversation, turn, entry);
            acted.add(entry);
        }
        return result.result();
    }

    private List<ToolLedger.Entry> acted() {
        if (acted == null) {
            acted = new ArrayList<>(ledger.turn(conversation, turn));
        }
        return acted;
    }

    private Acted booked(ToolEffect.Kind kind, Scheduling.BookingResult result) {
        if (result instanceof Scheduling.Booked booked) {
            return new Acted(
                    "{\"ok\": true, \"appointment_id\": \""
                            + booked.appointment().id() + "\", \"service\": \""
                            + booked.appointment().service() + "\", \"start\": \""
                            + booked.appointment().start().atZone(zone).toLocalDateTime() + "\"}",
                    ToolEffect.of(kind, booked.appointment()));
        }
        var unavailable = (Scheduling.Unavailable) result;
        return Acted.failed(ERROR_PREFIX + " not possible (" + unavailable.reason() + ")"
                + (unavailable.alternatives().isEmpty()
                        ? ""
                        : "; nearest free times: "
                                + unavailable.alternatives().stream()
                                        .map(s -> s.start()
                                                .atZone(zone)
                                                .toLocalDateTime()
                                                .toString())
                                        .collect(Collectors.joining(", "))));
    }

    private String services() {
        return business.services().stream().map(s -> s.name()).collect(Collectors.joining(", "));
    }

    /** What a call answered the model, and what it changed (null: nothing). */
    private record Acted(String result, ToolEffect effect) {
        static Acted failed(String result) {
            return new Acted(result, null);
        }
    }
}
