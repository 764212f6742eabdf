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

class VoiceAndMemoryTest {

    @Test
    void stripsMarkdownAndKeepsTwoSentences() {
        assertThat(Voice.spoken("Sure! Your visit is **Tuesday at 10**. Anything else? Bye.", 2))
                .isEqualTo("Sure! Your visit is Tuesday at 10.");
        assertThat(Voice.spoken("## Hours\n- Monday: 8 to 5\n- Saturday: closed", 2))
                .isEqualTo("Hours Monday: 8 to 5 Saturday: closed");
        assertThat(Voice.spoken("See [our prices](https://example.com/prices) today, or `call us`.", 2))
                .isEqualTo("See our prices today, or call us.");
        assertThat(Voice.spoken("Visit https://example.com/book. Thanks!", 2)).isEqualTo("Visit . Thanks!");
        assertThat(Voice.spoken("We open at 8 a.m. tomorrow. Is that OK? Great.", 2))
                .isEqualTo("We open at 8 a.m. tomorrow. Is that OK?");
        assertThat(Voice.spoken("¿Le viene bien el martes? Perfecto. Hasta luego.", 2))
                .isEqualTo("¿Le viene bien el martes? Perfecto.");
        assertThat(Voice.spoken("He said \"done.\" Then left. Then came back.", 2))
                .isEqualTo("He said \"done.\" Then left.");
        assertThat(Voice.spoken(null, 2)).isEmpty();
        assertThat(Voice.spoken("One sentence only", 2)).isEqualTo("One sentence only");
    }

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
