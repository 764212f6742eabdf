package dev.frontdesk.assistant.llm;

import java.util.List;
import java.util.Map;

/** What the tools did during one turn. */
final class Progress {

    private static final Map<String, String> OUTCOMES = Map.of(
            ToolCatalog.BOOK_APPOINTMENT, "BOOKED",
            ToolCatalog.RESCHEDULE_APPOINTMENT, "RESCHEDULED",
            ToolCatalog.CANCEL_APPOINTMENT, "CANCELLED",
            ToolCatalog.TAKE_MESSAGE, "MESSAGE_TAKEN",
            ToolCatalog.TRANSFER_CALL, "TRANSFERRED",
            ToolCatalog.FLAG_EMERGENCY, "EMERGENCY",
            ToolCatalog.SEARCH_KNOWLEDGE, "ANSWERED",
            ToolCatalog.LIST_APPOINTMENTS, "ANSWERED",
            ToolCatalog.OPT_OUT, "NOT_INTERESTED");
    /** Higher wins when a turn achieves several things. */
    private static final List<String> OUTCOME_RANK = List.of(
            "ANSWERED",
            "NOT_INTERESTED",
            "TRANSFERRED",
            "MESSAGE_TAKEN",
            "CANCELLED",
            "RESCHEDULED",
            "BOOKED",
            "EMERGENCY");

    boolean endCall;
    boolean transfer;
    boolean emergency;
    String outcome;

    void record(String tool, String result) {
        if (ToolCatalog.failed(result)) {
            return;
        }
        if (ToolCatalog.END_CALL.equals(tool)) {
            endCall = true;
        }
        if (ToolCatalog.TRANSFER_CALL.equals(tool)) {
            transfer = true;
        }
        if (ToolCatalog.FLAG_EMERGENCY.equals(tool)) {
            emergency = true;
        }
        String achieved = OUTCOMES.get(tool);
        if (achieved != null && (outcome == null || OUTCOME_RANK.indexOf(achieved) >= OUTCOME_RANK.indexOf(outcome))) {
            outcome = achieved;
        }
    }
}
