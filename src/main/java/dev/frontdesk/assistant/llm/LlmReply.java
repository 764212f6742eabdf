package dev.frontdesk.assistant.llm;

/**
 * The LLM brain's answer to a turn.
 *
 * @param text what to say or write, cleaned for the channel by {@link dev.frontdesk.assistant.speech.ReplyText} (for a spoken turn: at most
 *     two sentences, no markdown, no web addresses); never empty (a silent {@code end_call} gets a farewell),
 *     except for a transfer the model announced with no words: the assistant then says its own line
 * @param endCall the model called {@code end_call}: hang up after saying {@code text}
 * @param transfer {@code transfer_call} found someone to take the call: put the caller through after
 *     saying {@code text} (the tools know the number)
 * @param emergency the model called {@code flag_emergency} during this turn
 * @param outcomeHint the conversation outcome this turn achieved, named like {@code Conversation.Outcome}
 *     (BOOKED, RESCHEDULED, CANCELLED, MESSAGE_TAKEN, TRANSFERRED, EMERGENCY, ANSWERED), or null
 */
public record LlmReply(String text, boolean endCall, boolean transfer, boolean emergency, String outcomeHint) {}
