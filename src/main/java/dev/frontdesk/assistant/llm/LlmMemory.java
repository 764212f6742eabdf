package dev.frontdesk.assistant.llm;

import static dev.frontdesk.shared.Timestamps.utc;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The LLM brain's memory of each conversation, in the database so that any node can take the next turn:
 * the last {@value #WINDOW} or so messages (caller, assistant, tool calls and their results), without the
 * system prompt, which is rebuilt every turn. The window always starts at a caller message, so a tool
 * result is never kept without the call it answers.
 */
@Repository
class LlmMemory {

    static final int WINDOW = 20;

    private final JdbcClient jdbc;
    private final Clock clock;

    LlmMemory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<ChatMessage> load(String conversationId) {
        return jdbc.sql("SELECT messages FROM assistant_llm_memory WHERE conversation_id = :id")
                .param("id", conversationId)
                .query(String.class)
                .optional()
                .map(ChatMessageDeserializer::messagesFromJson)
                .map(LlmMemory::window)
                .orElseGet(List::of);
    }

    void save(String conversationId, List<ChatMessage> messages) {
        String stored = ChatMessageSerializer.messagesToJson(window(messages));
        var now = utc(clock.instant());
        int updated = jdbc.sql("UPDATE assistant_llm_memory SET messages = :m, updated_at = :now"
                        + " WHERE conversation_id = :id")
                .param("m", stored)
                .param("now", now)
                .param("id", conversationId)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO assistant_llm_memory (conversation_id, messages, updated_at)"
                                + " VALUES (:id, :m, :now)")
                        .param("id", conversationId)
                        .param("m", stored)
                        .param("now", now)
                        .update();
            } catch (DuplicateKeyException e) {
                // another node saved the first turn at the same moment: the later turn wins
                save(conversationId, messages);
            }
        }
    }

    void forget(String conversationId) {
        jdbc.sql("DELETE FROM assistant_llm_memory WHERE conversation_id = :id")
                .param("id", conversationId)
                .update();
    }

    /** The last {@link #WINDOW} messages or a few more, from a caller message on, without system messages. */
    static List<ChatMessage> window(List<ChatMessage> messages) {
        List<ChatMessage> kept =
                messages.stream().filter(m -> !(m instanceof SystemMessage)).toList();
        int from = Math.max(0, kept.size() - WINDOW);
        while (from > 0 && !(kept.get(from) instanceof UserMessage)) {
            from--;
        }
        if (from > 0 || kept.isEmpty() || kept.getFirst() instanceof UserMessage) {
            return new ArrayList<>(kept.subList(from, kept.size()));
        }
        int first = 0;
        while (first < kept.size() && !(kept.get(first) instanceof UserMessage)) {
            first++;
        }
        return new ArrayList<>(kept.subList(first, kept.size()));
    }
}
