package dev.frontdesk.assistant.llm;

/**
 * The LLM brain's answer to a turn.
 *
 * @param text what to say or write (for a spoken turn: at most two sentences, no markdown); may be empty
 *     only when {@code endCall} is set and the model said nothing more
 * @param endCall the model called {@code end_call}: hang up after saying {@code text}
 * @param emergency the model called {@code flag_emergency} during this turn
 * @param outcomeHint the conversation outcome this turn achieved, named like {@code Conversation.Outcome}
 *     (BOOKED, RESCHEDULED, CANCELLED, MESSAGE_TAKEN, TRANSFERRED, EMERGENCY, ANSWERED), or null
 */
public record LlmReply(String text, boolean endCall, boolean emergency, String outcomeHint) {}
