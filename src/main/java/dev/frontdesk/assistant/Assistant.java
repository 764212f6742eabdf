package dev.frontdesk.assistant;

import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;

/** The assistant's API for the channels: one turn at a time, any channel, any node. */
public interface Assistant {

    /** The greeting that opens a conversation (an answered call, a new chat). */
    AssistantReply greet(InboundTurn opening);

    /**
     * Opens a conversation the business started (an outbound call that a person answered) with
     * {@code line} as the assistant's first words instead of the greeting; the caller's answer is the next
     * {@link #handle} turn. {@code calledName} is the name of the person called (null when unknown): it is
     * not asked again, and the goodbye thanks them for their time rather than for calling.
     */
    AssistantReply open(InboundTurn opening, String line, String calledName);

    /** Runs one turn: understands the caller, acts, and answers. */
    AssistantReply handle(InboundTurn turn);

    /**
     * Whether a turn may wait on a language model over the network (an LLM brain is configured). A channel
     * may store a whole turn in one transaction only when it does not: a transaction is never held across a
     * call to a model.
     */
    default boolean callsAModel() {
        return true;
    }

    /**
     * A transfer found nobody (no answer, busy, declined): the caller is offered to leave a message, and
     * their next words are taken as the message.
     */
    AssistantReply transferFailed(BusinessId business, Channel channel, String conversationKey);

    /** The caller left (hung up, closed the chat): records the outcome and summary. */
    void hangUp(BusinessId business, UUID conversationId);

    /** The caller left the open conversation with this key on this channel (e.g. a call's CallSid). */
    void hangUp(BusinessId business, Channel channel, String conversationKey);
}
