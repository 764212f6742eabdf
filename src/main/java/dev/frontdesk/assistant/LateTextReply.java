package dev.frontdesk.assistant;

import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;

/**
 * An answer to an SMS or WhatsApp message that could not go back as the reply to its own request: the text
 * arrived while the conversation's previous turn was still running (it waited its turn, in order), or its
 * turn ran over the text budget (the texter got the holding line). The channel sends it to the texter as a
 * message of its own. Published once per answer, in the order of the texts, after the transcript has it.
 */
public record LateTextReply(
        BusinessId business,
        UUID conversationId,
        Channel channel,
        String conversationKey,
        String callerPhone,
        String text) {}
