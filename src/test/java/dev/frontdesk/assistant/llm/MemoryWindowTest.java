package dev.frontdesk.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryWindowTest {

    @Test
    void theMemoryWindowStartsAtACallerMessage() {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from("system"));
        for (int turn = 0; turn < 8; turn++) {
            messages.add(UserMessage.from("user " + turn));
            var call = ToolExecutionRequest.builder()
                    .id("c" + turn)
                    .name("list_appointments")
                    .arguments("{}")
                    .build();
            messages.add(AiMessage.from(call));
            messages.add(ToolExecutionResultMessage.from(call, "{}"));
            messages.add(AiMessage.from("answer " + turn));
        }

        List<ChatMessage> window = LlmMemory.window(messages);

        assertThat(window).hasSizeBetween(LlmMemory.WINDOW, LlmMemory.WINDOW + 3);
        assertThat(window.getFirst()).isInstanceOf(UserMessage.class);
        assertThat(window.getLast()).isEqualTo(AiMessage.from("answer 7"));
        assertThat(window).noneMatch(m -> m instanceof SystemMessage);
        assertThat(LlmMemory.window(List.of(AiMessage.from("orphan"), UserMessage.from("hi"))))
                .containsExactly(UserMessage.from("hi"));
        assertThat(LlmMemory.window(List.of())).isEmpty();
    }
}
