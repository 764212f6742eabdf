package dev.frontdesk.assistant.internal;

import dev.frontdesk.crm.PersonalData;
import dev.frontdesk.shared.PersonalTraces;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's dialogue state (names, numbers, what they asked for), words queued during a held
 * turn, answers held for their next message, LLM memory, the model's tool calls and their results, and one-time codes are deleted.
 */
@Component
class DialogueErasure implements PersonalData {

    private final JdbcClient jdbc;

    DialogueErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(BusinessId business, UUID customerId, PersonalTraces person, List<UUID> conversationIds) {
        PhoneNumber phone = person.phone();
        for (UUID conversation : conversationIds) {
            jdbc.sql("DELETE FROM assistant_dialogue WHERE business_id = :b AND conversation_id = :c")
                    .param("b", business.value())
                    .param("c", conversation)
                    .update();
            jdbc.sql("DELETE FROM assistant_held_utterance WHERE business_id = :b AND conversation_id = :c")
                    .param("b", business.value())
                    .param("c", conversation)
                    .update();
            jdbc.sql("DELETE FROM assistant_held_answer WHERE business_id = :b AND conversation_id = :c")
                    .param("b", business.value())
                    .param("c", conversation)
                    .update();
            jdbc.sql("DELETE FROM assistant_tool_call WHERE conversation_id = :c")
                    .param("c", conversation)
                    .update();
            jdbc.sql("DELETE FROM assistant_llm_memory WHERE conversation_id = :c")
                    .param("c", conversation.toString())
                    .update();
        }
        jdbc.sql("DELETE FROM assistant_caller_code WHERE business_id = :b AND phone = :phone")
                .param("b", business.value())
                .param("phone", phone.e164())
                .update();
    }
}
