package dev.frontdesk.assistant.internal;

import dev.frontdesk.assistant.llm.LlmBrain;
import dev.frontdesk.crm.Conversation;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Ends a conversation with its outcome and summary (a model-written one replaces it when it comes). */
@Component
class ConversationEndings {

    private final Tenants tenants;
    private final Conversations conversations;
    private final LlmTurns llmTurns;
    private final ObjectProvider<LlmBrain> llmBrain;
    private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();

    ConversationEndings(
            Tenants tenants, Conversations conversations, LlmTurns llmTurns, ObjectProvider<LlmBrain> llmBrain) {
        this.tenants = tenants;
        this.conversations = conversations;
        this.llmTurns = llmTurns;
        this.llmBrain = llmBrain;
    }

    void finish(BusinessId business, UUID conversation, Dialogue d) {
        Conversation.Outcome outcome =
                d.outcome == null ? Conversation.Outcome.ABANDONED : Conversation.Outcome.valueOf(d.outcome);
        var zone = tenants.find(business).map(Business::timezone).orElse(java.time.ZoneOffset.UTC);
        conversations.end(business, conversation, outcome, Summaries.of(d.summary, zone), d.emergency);
        llmTurns.forget(conversation);
        LlmBrain llm = llmBrain.getIfAvailable();
        if (llm != null) {
            // a model-written summary replaces the one built from the dialogue state, when it comes (from the
            // transcript as committed: after the turn's transaction, when there is one)
            afterCommit(() -> turns.submit(() -> {
                var lines = conversations.transcript(business, conversation).stream()
                        .map(t -> t.speaker() + ": " + t.text())
                        .toList();
                tenants.find(business)
                        .flatMap(b -> llm.summarize(b.name(), lines))
                        .ifPresent(better -> conversations.resummarize(business, conversation, better));
                llm.forget(conversation.toString());
                return null;
            }));
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
