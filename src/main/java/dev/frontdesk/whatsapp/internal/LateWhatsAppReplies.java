package dev.frontdesk.whatsapp.internal;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.LateTextReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the assistant's answer to a WhatsApp message that waited behind a slow turn (or ran over its
 * budget) as a message of its own, from the number the texter last wrote to. Synchronous after the answer
 * is stored, so the answers go out in the order of the messages.
 */
@Component
class LateWhatsAppReplies {

    private static final Logger log = LoggerFactory.getLogger(LateWhatsAppReplies.class);

    private final GraphApiClient graph;
    private final SeenMessageRepository seen;

    LateWhatsAppReplies(GraphApiClient graph, SeenMessageRepository seen) {
        this.graph = graph;
        this.seen = seen;
    }

    @TransactionalEventListener
    void on(LateTextReply reply) {
        if (reply.channel() != Channel.WHATSAPP) {
            return;
        }
        String sender = reply.conversationKey();
        String text = reply.text().length() > WhatsAppResponder.MAX_REPLY
                ? reply.text().substring(0, WhatsAppResponder.MAX_REPLY)
                : reply.text();
        seen.lastNumberId(sender)
                .ifPresentOrElse(
                        numberId -> graph.sendText(numberId, sender, text),
                        () -> log.warn("A late WhatsApp answer has no number to send it from"));
    }
}
