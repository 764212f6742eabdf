package dev.frontdesk.assistant;

import dev.frontdesk.tenants.BusinessId;

/**
 * What a channel heard: one caller turn. {@code conversationKey} identifies the conversation on its
 * channel (a CallSid, a sender's number, a chat id); {@code text} may be empty (silence);
 * {@code confidence} is the speech recogniser's, when there is one; {@code callerPhone} is E.164 when
 * the channel knows it. {@code callerVerified} says the channel proves the caller holds {@code callerPhone}
 * (a signed SMS or WhatsApp message from it, a call whose caller ID the carrier attested at level A); only
 * then may the assistant read out or change that number's appointments without a one-time code.
 */
public record InboundTurn(
        BusinessId business,
        Channel channel,
        String conversationKey,
        String text,
        String language,
        Double confidence,
        String callerPhone,
        boolean callerVerified) {

    /** A turn whose caller ID, if any, is only a claim. */
    public InboundTurn(
            BusinessId business,
            Channel channel,
            String conversationKey,
            String text,
            String language,
            Double confidence,
            String callerPhone) {
        this(business, channel, conversationKey, text, language, confidence, callerPhone, false);
    }

    public InboundTurn {
        callerVerified = callerVerified && callerPhone != null;
        text = text == null ? "" : text.strip();
        if (text.length() > 2000) {
            text = text.substring(0, 2000);
        }
    }
}
