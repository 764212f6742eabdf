package dev.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.ScriptedModel;
import dev.frontdesk.support.ScriptedModel.Answer;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * A web chat answer the assistant writes after the message's request stopped waiting (the visitor got the holding
 * line) reaches the visitor without another message: the reply says {@code pending}, and the page's
 * {@code POST /api/widget/answers} brings the answer, once, and it is in the transcript once. The model
 * ({@link ScriptedModel}) answers "You wrote: " and the last message, after 3 s for "slow" (over the 1 s text
 * budget), at once otherwise.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.assistant.text-turn-budget=1s",
            "frontdesk.assistant.llm.timeout=10s",
            "frontdesk.breakers.minimum-calls=1000"
        })
class WidgetLaterAnswersTest {

    static final ScriptedModel model = ScriptedModel.start(request -> {
        if (ScriptedModel.asksForASummary(request)) {
            return Answer.now(ScriptedModel.text("The visitor was answered."));
        }
        String last = ScriptedModel.userWords(request).getLast();
        return Answer.after(
                Duration.ofMillis(last.equals("slow") ? 3_000 : 0), ScriptedModel.text("You wrote: " + last + "."));
    });

    @AfterAll
    static void stop() {
        model.stop();
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        model.register(registry);
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnswerWrittenAfterTheRequestStoppedWaitingReachesTheVisitorWhoSendsNothingMore() {
        TestBusiness business = api.createBusiness("Later answers plumbing");
        JsonNode opened = post(business, "/api/widget/messages", "{\"text\": \"\"}", 200);
        String chat = opened.get("conversationId").asString();
        assertThat(opened.get("pending").asBoolean())
                .as("the greeting leaves nothing coming")
                .isFalse();

        JsonNode holding = message(business, chat, "slow");
        assertThat(holding.get("reply").asString()).isNotBlank().doesNotContain("You wrote");
        assertThat(holding.get("pending").asBoolean())
                .as("the answer is still being written")
                .isTrue();

        // the page asks until the answer comes, as the widget does every 2 s
        List<String> replies = new ArrayList<>();
        JsonNode last = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            JsonNode asked = ask(business, chat);
                            if (!asked.get("reply").asString().isEmpty()) {
                                replies.add(asked.get("reply").asString());
                            }
                            return asked;
                        },
                        asked -> !asked.get("pending").asBoolean());
        assertThat(replies).containsExactly("You wrote: slow.");
        assertThat(last.get("ended").asBoolean()).isFalse();
        assertThat(last.get("conversationId").asString()).isEqualTo(chat);

        // given once: asking again brings nothing, and the next message is answered on its own
        assertThat(ask(business, chat).get("reply").asString()).isEmpty();
        JsonNode next = message(business, chat, "thanks");
        assertThat(next.get("reply").asString()).isEqualTo("You wrote: thanks.");
        assertThat(next.get("pending").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT t.text FROM conversation_turn t JOIN conversation c ON c.id = t.conversation_id"
                                + " WHERE c.channel = 'WEB' AND c.conversation_key LIKE :key AND t.speaker = 'ASSISTANT'"
                                + " ORDER BY t.seq")
                        .param("key", "%:" + chat)
                        .query(String.class)
                        .list())
                .filteredOn(text -> text.startsWith("You wrote"))
                .containsExactly("You wrote: slow.", "You wrote: thanks.");
    }

    @Test
    void askingForAnotherBusinesssChatOrAnIdNotIssuedFindsNothing() {
        TestBusiness business = api.createBusiness("Asking plumbing");
        TestBusiness other = api.createBusiness("Other asking plumbing");
        String chat = post(business, "/api/widget/messages", "{\"text\": \"\"}", 200)
                .get("conversationId")
                .asString();

        JsonNode elsewhere = ask(other, chat);
        assertThat(elsewhere.get("reply").asString()).isEmpty();
        assertThat(elsewhere.get("pending").asBoolean()).isFalse();
        JsonNode bad = post(business, "/api/widget/answers", "{\"conversationId\": \"not an id\"}", 400);
        assertThat(bad.get("errors").findValuesAsString("field")).containsExactly("conversationId");
        post(business, "/api/widget/answers", "{}", 400);
        post(business, "/api/widget/answers", "null", 400);
        api.perform(
                MockMvcRequestBuilders.post("/api/widget/answers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"conversationId\": \"" + chat + "\"}"),
                401);
    }

    private JsonNode message(TestBusiness business, String chat, String text) {
        return post(
                business,
                "/api/widget/messages",
                "{\"conversationId\": \"%s\", \"text\": \"%s\"}".formatted(chat, text),
                200);
    }

    private JsonNode ask(TestBusiness business, String chat) {
        return post(business, "/api/widget/answers", "{\"conversationId\": \"%s\"}".formatted(chat), 200);
    }

    private JsonNode post(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                MockMvcRequestBuilders.post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Widget-Token", business.widgetToken())
                        .content(body),
                status));
    }
}
