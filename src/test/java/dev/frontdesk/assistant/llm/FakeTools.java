package dev.frontdesk.assistant.llm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Records every call as "name(arg, arg, ...)" and answers with canned results. */
class FakeTools implements LlmTools {

    final List<String> calls = new ArrayList<>();
    String availability = "{\"slots\":[\"2026-11-24T10:00\",\"2026-11-24T11:30\"]}";
    String booking = "{\"booked\":true,\"id\":\"3f1c9a52-5d7e-4c1b-9f0a-2b8e6d4c7a10\"}";
    String knowledge = "{\"answer\":\"We are open 8 to 5, Monday to Friday.\"}";

    @Override
    public String checkAvailability(String service, LocalDate date, LocalTime from, LocalTime to) {
        calls.add("check_availability(" + service + ", " + date + (from == null ? "" : ", from " + from)
                + (to == null ? "" : ", to " + to) + ")");
        return availability;
    }

    @Override
    public String bookAppointment(
            String service, LocalDateTime start, String customerName, String customerPhone, String customerEmail) {
        calls.add("book_appointment(" + service + ", " + start + ", " + customerName + ", " + customerPhone + ", "
                + customerEmail + ")");
        return booking;
    }

    @Override
    public String rescheduleAppointment(String appointmentId, LocalDateTime newStart) {
        calls.add("reschedule_appointment(" + appointmentId + ", " + newStart + ")");
        return "{\"rescheduled\":true}";
    }

    @Override
    public String cancelAppointment(String appointmentId) {
        calls.add("cancel_appointment(" + appointmentId + ")");
        return "{\"cancelled\":true}";
    }

    @Override
    public String listAppointments() {
        calls.add("list_appointments()");
        return "{\"appointments\":[]}";
    }

    @Override
    public String searchKnowledge(String question) {
        calls.add("search_knowledge(" + question + ")");
        return knowledge;
    }

    @Override
    public String takeMessage(String callerName, String text) {
        calls.add("take_message(" + callerName + ", " + text + ")");
        return "{\"sent\":true}";
    }

    @Override
    public String transferCall(String target) {
        calls.add("transfer_call(" + target + ")");
        return "error: nobody is available to take the call; offer to take a message";
    }

    @Override
    public String flagEmergency(String description, boolean lifeThreatening) {
        calls.add("flag_emergency(" + description + ", " + lifeThreatening + ")");
        return "{\"owner_alerted\":true}";
    }

    @Override
    public String optOut() {
        calls.add("opt_out()");
        return "{\"ok\":true}";
    }

    @Override
    public String endCall() {
        calls.add("end_call()");
        return LlmTools.super.endCall();
    }
}
