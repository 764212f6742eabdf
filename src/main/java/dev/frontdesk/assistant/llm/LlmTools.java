package dev.frontdesk.assistant.llm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The assistant's ten tools in the form the LLM brain calls them: one instance per turn, bound to the
 * business and the caller (so "the caller's own appointments" needs no argument). Dates and times are
 * local to the business's time zone and already parsed from the model's ISO strings by {@link ToolCatalog}.
 *
 * <p>Every method returns a short string for the model to read, ideally compact JSON such as
 * {@code {"slots":["2026-11-24T10:00","2026-11-24T11:30"]}} or {@code {"booked":true,"id":"..."}}. A
 * failure is reported, not thrown, as a string starting with {@value #ERROR_PREFIX} followed by the reason
 * and what to do (e.g. {@code error: unknown service 'haircut'; services: Drain cleaning, Boiler repair}).
 * An exception thrown anyway is caught by {@link ToolCatalog} and reported to the model as a failure.
 */
public interface LlmTools {

    /** The start of a failure result; {@link ToolCatalog} uses it for malformed calls too. */
    String ERROR_PREFIX = "error:";

    /**
     * check_availability: the free start times of a service on a day, from {@code from} (inclusive) to
     * {@code to} (exclusive) when given; a long list is cut and says so.
     */
    String checkAvailability(String service, LocalDate date, LocalTime from, LocalTime to);

    /**
     * book_appointment: books a service for the caller, after the caller confirmed. Whether it is an
     * emergency booking (which may skip notice, the daily cap and the morning reserve) is the conversation's
     * to say (an emergency flagged with {@code flag_emergency} or recognised by the offline brain), never
     * the model's.
     *
     * @param customerPhone the number the caller gave, or null; the caller's own number takes precedence
     *     when known
     * @param customerEmail null when not given
     */
    String bookAppointment(
            String service, LocalDateTime start, String customerName, String customerPhone, String customerEmail);

    /** reschedule_appointment: moves one of the caller's own appointments. */
    String rescheduleAppointment(String appointmentId, LocalDateTime newStart);

    /** cancel_appointment: cancels one of the caller's own appointments. */
    String cancelAppointment(String appointmentId);

    /** list_appointments: the caller's own upcoming appointments (with their ids). */
    String listAppointments();

    /**
     * search_knowledge: the business's answer to a question, or a result starting with
     * {@value #ERROR_PREFIX} when it has none (so that the turn's outcome is not ANSWERED).
     */
    String searchKnowledge(String question);

    /** take_message: passes a message to the business owner. */
    String takeMessage(String callerName, String text);

    /**
     * transfer_call: arranges a transfer to a person or department (the implementation keeps the number
     * for the channel's transfer action), or reports with {@value #ERROR_PREFIX} that nobody is available.
     */
    String transferCall(String target);

    /** flag_emergency: alerts the owner at once. */
    String flagEmergency(String description, boolean lifeThreatening);

    /** end_call: the conversation is over; the LLM brain sets {@link LlmReply#endCall()}. */
    /** The caller asked not to be contacted again: no more calls to their number, nor texts when they texted. */
    String optOut();

    default String endCall() {
        return "{\"ok\":true}";
    }

    /**
     * Whether the offline brain must take the turn after the calls so far (e.g. the caller's number needs a
     * one-time code, which the offline brain asks for and checks): the LLM brain then stops and gives no
     * reply, keeping what the tools did in its memory.
     */
    default boolean handsOver() {
        return false;
    }
}
