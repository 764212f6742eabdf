package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.LaterAnswers;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.shared.Timestamps;
import dev.frontdesk.tenants.BusinessId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link LaterAnswers} from the answers kept in the database ({@link HeldAnswers}): taking them records them in the
 * transcript as the assistant's lines (as a request that waited for its answer does), and a conversation has an
 * answer coming while its dialogue is held by a running turn ({@link HeldTurns}) or answers are kept for it.
 */
@Service
class KeptLaterAnswers implements LaterAnswers {

    private final Conversations conversations;
    private final HeldAnswers answers;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeptLaterAnswers(Conversations conversations, HeldAnswers answers, JdbcClient jdbc, Clock clock) {
        this.conversations = conversations;
        this.answers = answers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Later take(BusinessId business, Channel channel, String conversationKey) {
        Optional<Conversation> conversation = conversations.findLatest(business, channel.name(), conversationKey);
        if (conversation.isEmpty()) {
            return new Later("", false, false);
        }
        List<String> texts = new ArrayList<>();
        boolean ended = false;
        for (HeldAnswers.Held held :
                answers.takeEach(business, conversation.get().id())) {
            ended |= held.hangUp();
            if (!held.text().isBlank()) {
                texts.add(held.text());
                conversations.record(business, conversation.get().id(), "ASSISTANT", held.text());
            }
        }
        return new Later(String.join(" ", texts), ended, !ended && pending(business, conversation.get()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean pending(BusinessId business, Channel channel, String conversationKey) {
        return conversations
                .findLatest(business, channel.name(), conversationKey)
                .map(c -> pending(business, c))
                .orElse(false);
    }

    private boolean pending(BusinessId business, Conversation conversation) {
        boolean running = jdbc.sql("SELECT COUNT(*) FROM assistant_dialogue WHERE business_id = :b"
                                + " AND conversation_id = :c AND held_until > :now")
                        .param("b", business.value())
                        .param("c", conversation.id())
                        .param("now", Timestamps.utc(clock.instant()))
                        .query(Long.class)
                        .single()
                > 0;
        return running || answers.kept(business, conversation.id());
    }
}
