package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.tenants.Business;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A texter's last word after the assistant said goodbye ("thx", "nope all good", "👍", "merci"): it joins the
 * transcript of the conversation that just ended, and gets no answer and no new conversation. Before, it opened
 * a conversation of its own and was answered "Sorry, I didn't catch that". Only on SMS and WhatsApp (a web chat
 * ends with its window), only within {@link #WINDOW} of a conversation the assistant ended itself (not one left
 * idle), and only when every word is one of the {@code afterword} cues of {@code cues.properties}: anything else
 * ("thanks, and do you do gutters?") starts a conversation as before.
 */
@Component
class Afterwords {

    /** How long after a goodbye a last word still belongs to the conversation it ended. */
    static final Duration WINDOW = Duration.ofMinutes(30);

    private final Conversations conversations;
    private final Clock clock;

    Afterwords(Conversations conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The silent reply to a last word after a goodbye; empty for any other text. */
    Optional<AssistantReply> after(Business business, InboundTurn turn) {
        if ((turn.channel() != Channel.SMS && turn.channel() != Channel.WHATSAPP)
                || turn.text().isBlank()
                || !Cues.only("afterword", Requests.normalise(turn.text()))) {
            return Optional.empty();
        }
        // one read: the open conversation if there is one (then the words are an answer in it), else the last
        return conversations
                .findLatest(business.id(), turn.channel().name(), turn.conversationKey())
                .filter(c -> !c.isOpen() && c.outcome() != Conversation.Outcome.ABANDONED)
                .filter(c -> !c.endedAt().plus(WINDOW).isBefore(clock.instant()))
                .map(c -> {
                    conversations.record(business.id(), c.id(), "CALLER", turn.text());
                    return new AssistantReply(c.id(), "", c.language(), List.of());
                });
    }
}
