package dev.frontdesk.assistant;

import dev.frontdesk.tenants.BusinessId;

/**
 * What a channel heard: one caller turn. {@code conversationKey} identifies the conversation on its
 * channel (a CallSid, a sender's number, a chat id); {@code text} may be empty (silence);
 * {@code confidence} is the speech recogniser's, when there is one; {@code callerPhone} is E.164 when
 * the channel knows it.
 */
public record InboundTurn(
        BusinessId business,
        Channel channel,
        String conversationKey,
        String text,
        String language,
        Double confidence,
        String callerPhone) {

    public InboundTurn {
        text = text == null ? "" : text.strip();
        if (text.length() > 2000) {
            text = text.substring(0, 2000);
        }
    }
}
