package dev.frontdesk.telephony.internal;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.LateTextReply;
import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PhoneNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the assistant's answer to a text that waited behind a slow turn (or ran over its budget) as an SMS
 * of its own. Synchronous after the answer is stored, so the answers go out in the order of the texts.
 */
@Component
class LateSmsReplies {

    private final Messages messages;

    LateSmsReplies(Messages messages) {
        this.messages = messages;
    }

    @TransactionalEventListener
    void on(LateTextReply reply) {
        if (reply.channel() != Channel.SMS) {
            return;
        }
        String text = reply.text().length() > SmsWebhookController.MAX_BODY
                ? reply.text().substring(0, SmsWebhookController.MAX_BODY)
                : reply.text();
        PhoneNumber.parseStrict(reply.callerPhone())
                .ifPresent(to -> messages.sendSms(reply.business(), to, text, Messages.Purpose.REPLY));
    }
}
