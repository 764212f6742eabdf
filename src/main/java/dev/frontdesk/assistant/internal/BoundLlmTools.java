package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.llm.LlmTools;
import dev.frontdesk.scheduling.Scheduling;
import dev.frontdesk.scheduling.TimeSlot;
import dev.frontdesk.tenants.Business;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tools as the LLM sees them, bound to one business and one caller for one turn: the same
 * {@link AssistantTools} the offline brain uses, so the rules are the same (a caller only sees, moves
 * and cancels their own appointments, and only once their number is proven: see {@link Verification}).
 */
final class BoundLlmTools implements LlmTools {

    private final AssistantTools tools;
    private final Business business;
    private final String callerPhone;
    /** The caller's number when the channel or a one-time code proved it; null otherwise. */
    private final String provenPhone;

    private final String channel;
    private final ZoneId zone;

    private static final String UNPROVEN = ERROR_PREFIX
            + " the caller's number is not proven on this channel; their appointments need a one-time code first";

    /** The model reached for the caller's appointments before their number was proven. */
    private boolean refusedUnproven;

    BoundLlmTools(AssistantTools tools, Business business, String callerPhone, String provenPhone, String channel) {
        this.tools = tools;
        this.business = business;
        this.callerPhone = callerPhone;
        this.provenPhone = provenPhone;
        this.channel = channel;
        this.zone = business.timezone();
    }

    @Override
    public String checkAvailability(String service, LocalDate date) {
        if (business.service(service).isEmpty()) {
            return ERROR_PREFIX + " unknown service; the services are " + services();
        }
        List<TimeSlot> slots = tools.checkAvailability(business, service, date, false);
        if (slots.isEmpty()) {
            return "{\"date\": \"" + date + "\", \"free\": []}";
        }
        // every free start time: a list cut short would make a free 3 pm look taken
        return "{\"date\": \"" + date + "\", \"free\": ["
                + slots.stream()
                        .map(s -> "\"" + s.start().atZone(zone).toLocalTime() + "\"")
                        .collect(Collectors.joining(", "))
                + "]}";
    }

    @Override
    public String bookAppointment(
            String service,
            LocalDateTime start,
            String customerName,
            String customerPhone,
            String customerEmail,
            boolean emergency) {
        String phone = callerPhone != null ? callerPhone : customerPhone;
        var result = tools.bookAppointment(
                business,
                service,
                start.atZone(zone).toInstant(),
                customerName,
                phone,
                customerEmail,
                emergency ? "Emergency" : null,
                emergency,
                channel);
        return describe(result);
    }

    @Override
    public String rescheduleAppointment(String appointmentId, LocalDateTime newStart) {
        if (provenPhone == null) {
            refusedUnproven = true;
            return UNPROVEN;
        }
        return describe(tools.rescheduleAppointment(
                business, appointmentId, newStart.atZone(zone).toInstant(), provenPhone));
    }

    @Override
    public String cancelAppointment(String appointmentId) {
        if (provenPhone == null) {
            refusedUnproven = true;
            return UNPROVEN;
        }
        return tools.cancelAppointment(business, appointmentId, provenPhone)
                .map(a -> "{\"cancelled\": true, \"service\": \"" + a.service() + "\", \"start\": \""
                        + a.start().atZone(zone).toLocalDateTime() + "\"}")
                .orElse(ERROR_PREFIX + " no such appointment for this caller");
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
     * Whether the model asked for the caller's appointments without a proven number: the offline brain
     * then takes the turn and texts the code (it also checks it).
     */
    boolean refusedUnproven() {
        return refusedUnproven;
    }

    @Override
    public String searchKnowledge(String question) {
        return tools.searchKnowledge(business, question)
                .orElse(ERROR_PREFIX
                        + " nothing in the business's knowledge base answers this; do not guess, offer a message");
    }

    @Override
    public String takeMessage(String callerName, String text) {
        tools.takeMessage(business, callerName, callerPhone, text);
        return "{\"ok\": true}";
    }

    @Override
    public String transferCall(String target) {
        return tools.transferCall(business, target)
                .map(number -> "{\"ok\": true}")
                .orElse(ERROR_PREFIX + " nobody is available to take the call; offer to take a message");
    }

    @Override
    public String flagEmergency(String description, boolean lifeThreatening) {
        tools.flagEmergency(business, callerPhone, description, lifeThreatening);
        return "{\"ok\": true, \"owner_alerted\": true}";
    }

    private String describe(Scheduling.BookingResult result) {
        if (result instanceof Scheduling.Booked booked) {
            return "{\"ok\": true, \"appointment_id\": \""
                    + booked.appointment().id() + "\", \"service\": \""
                    + booked.appointment().service() + "\", \"start\": \""
                    + booked.appointment().start().atZone(zone).toLocalDateTime() + "\"}";
        }
        var unavailable = (Scheduling.Unavailable) result;
        return ERROR_PREFIX + " not possible (" + unavailable.reason() + ")"
                + (unavailable.alternatives().isEmpty()
                        ? ""
                        : "; nearest free times: "
                                + unavailable.alternatives().stream()
                                        .map(s -> s.start()
                                                .atZone(zone)
                                                .toLocalDateTime()
                                                .toString())
                                        .collect(Collectors.joining(", ")));
    }

    private String services() {
        return business.services().stream().map(s -> s.name()).collect(Collectors.joining(", "));
    }
}
