package dev.frontdesk.whatsapp.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.frontdesk.assistant.Assistant;
import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.shared.LogSafe;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.Tenants;
import dev.frontdesk.whatsapp.internal.WhatsAppWebhookController.TextMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers WhatsApp text messages: one assistant turn on the {@code WHATSAPP} channel, the reply sent
 * through the Graph API, the message then marked answered. A durable job looks for messages whose
 * answer never came (the process died) and answers them once their claim has expired.
 */
@Configuration(proxyBeanMethods = false)
class WhatsAppResponder {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppResponder.class);
    static final int MAX_REPLY = 4096;

    private final Tenants tenants;
    private final Assistant assistant;
    private final GraphApiClient graph;
    private final SeenMessageRepository seen;
    private final WhatsAppProperties properties;

    WhatsAppResponder(
            Tenants tenants,
            Assistant assistant,
            GraphApiClient graph,
            SeenMessageRepository seen,
            WhatsAppProperties properties) {
        this.tenants = tenants;
        this.assistant = assistant;
        this.graph = graph;
        this.seen = seen;
        this.properties = properties;
    }

    @Bean
    RecurringTask<Void> whatsappUnansweredTask() {
        return Tasks.recurring("whatsapp-unanswered", FixedDelay.of(properties.recoveryInterval()))
                .execute((instance, context) -> answerExpired());
    }

    /** Answers the messages whose first attempt died with its process. */
    void answerExpired() {
        if (!properties.enabled()) {
            return;
        }
        for (TextMessage message : seen.expired(properties.claimTimeout(), 50)) {
            if (seen.reclaim(message.id(), properties.claimTimeout())) {
                log.warn("Answering a WhatsApp message whose first attempt never finished");
                answer(message);
            }
        }
    }

    /** One assistant turn for the message and the reply through the Graph API; then the message is done. */
    void answer(TextMessage message) {
        try {
            Optional<Business> found =
                    WhatsAppWebhookController.e164(message.displayNumber()).flatMap(tenants::findByPhoneNumber);
            if (found.isEmpty() || !found.get().isActive()) {
                log.warn(
                        "A WhatsApp message to a number with no active business: {}",
                        LogSafe.of(message.displayNumber()));
                return;
            }
            String sender = message.from().replaceAll("\\D", "");
            var number = WhatsAppWebhookController.e164(sender).map(PhoneNumber::e164);
            // the webhook is signed by Meta (X-Hub-Signature-256): the message came from this number
            AssistantReply reply = assistant.handle(new InboundTurn(
                    found.get().id(),
                    Channel.WHATSAPP,
                    sender,
                    message.body(),
                    null,
                    null,
                    number.orElse("+" + sender),
                    number.isPresent()));
            String text = reply.text();
            if (text == null || text.isBlank() || message.phoneNumberId().isEmpty()) {
                return;
            }
            graph.sendText(
                    message.phoneNumberId(), sender, text.length() > MAX_REPLY ? text.substring(0, MAX_REPLY) : text);
        } catch (RuntimeException e) {
            log.error("A WhatsApp message could not be answered", e);
        } finally {
            seen.answered(message.id());
        }
    }
}
