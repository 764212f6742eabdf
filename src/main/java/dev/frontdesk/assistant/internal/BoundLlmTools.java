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
 * and cancels their own appointments).
 */
final class BoundLlmTools implements LlmTools {

    private final AssistantTools tools;
    private final Business business;
    private final String callerPhone;
    private final String channel;
    private final ZoneId zone;

    BoundLlmTools(AssistantTools tools, Business business, String callerPhone, String channel) {
        this.tools = tools;
        this.business = business;
        this.callerPhone = callerPhone;
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
        return "{\"date\": \"" + date + "\", \"free\": ["
                + slots.stream()
                        .limit(12)
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
        return describe(tools.rescheduleAppointment(
                business, appointmentId, newStart.atZone(zone).toInstant(), callerPhone));
    }

    @Override
    public String cancelAppointment(String appointmentId) {
        return tools.cancelAppointment(business, appointmentId, callerPhone)
                .map(a -> "{\"cancelled\": true, \"service\": \"" + a.service() + "\", \"start\": \""
                        + a.start().atZone(zone).toLocalDateTime() + "\"}")
                .orElse(ERROR_PREFIX + " no such appointment for this caller");
    }

    @Override
    public String listAppointments() {
        if (callerPhone == null) {
            return ERROR_PREFIX + " the caller's phone number is unknown; ask for it";
        }
        return "["
                + tools.listAppointments(business, callerPhone).stream()
                        .map(a -> "{\"appointment_id\": \"" + a.id() + "\", \"service\": \"" + a.service()
                                + "\", \"start\": \"" + a.start().atZone(zone).toLocalDateTime() + "\"}")
                        .collect(Collectors.joining(", "))
                + "]";
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
