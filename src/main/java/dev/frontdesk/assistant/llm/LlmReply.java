package dev.frontdesk.assistant.llm;

/**
 * The LLM brain's answer to a turn.
 *
 * @param text what to say or write, cleaned for the channel by {@link ReplyText} (for a spoken turn: at most
 *     two sentences, no markdown, no web addresses); never empty (a silent {@code end_call} gets a farewell)
 * @param endCall the model called {@code end_call}: hang up after saying {@code text}
 * @param emergency the model called {@code flag_emergency} during this turn
 * @param outcomeHint the conversation outcome this turn achieved, named like {@code Conversation.Outcome}
 *     (BOOKED, RESCHEDULED, CANCELLED, MESSAGE_TAKEN, TRANSFERRED, EMERGENCY, ANSWERED), or null
 */
public record LlmReply(String text, boolean endCall, boolean emergency, String outcomeHint) {}
