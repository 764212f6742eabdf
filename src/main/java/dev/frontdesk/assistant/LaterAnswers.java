package dev.frontdesk.assistant;

import dev.frontdesk.tenants.BusinessId;

/**
 * The answers of a web chat (or simulated) text conversation that were written after the request that brought
 * their text stopped waiting (the visitor got the holding line): kept until a request takes them. The conversation's
 * next message brings them first in its reply; a page that sends nothing more asks for them here.
 */
public interface LaterAnswers {

    /**
     * Takes the answers kept for the latest conversation with this key on this channel (each is taken once, by
     * this call or by the next message), in the order they were written.
     */
    Later take(BusinessId business, Channel channel, String conversationKey);

    /**
     * Whether the latest conversation with this key still has an answer coming: a turn is still running on it
     * (on any node), or answers are kept for it that nobody took yet.
     */
    boolean pending(BusinessId business, Channel channel, String conversationKey);

    /**
     * What was taken.
     *
     * @param text the answers as one text, empty when there were none
     * @param ended whether one of them ended the conversation
     * @param pending whether another answer is still coming (see {@link #pending})
     */
    record Later(String text, boolean ended, boolean pending) {}
}
