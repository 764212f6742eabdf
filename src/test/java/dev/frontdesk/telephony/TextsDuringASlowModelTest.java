package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.ScriptedModel;
import dev.frontdesk.support.ScriptedModel.Answer;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Texts that arrive while a slow model is still answering the one before: each is answered once, in the
 * order written, by a model that knows what came before, and the texter gets every answer — on SMS the
 * first as the webhook's reply and the later ones as texts of their own, on web chat each as the reply to
 * its own message. The model ({@link ScriptedModel}, an OpenAI-compatible test server) takes
 * 1.5 s per answer and answers "You wrote: " and the texter's last message.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL,
            "frontdesk.assistant.llm.timeout=6s",
            "frontdesk.breakers.minimum-calls=1000"
        })
class TextsDuringASlowModelTest {

    static final String TEXTER = "+16175550123";
    /** The caller's words of each conversation request the model received, in the order received. */
    static final List<List<String>> asked = new CopyOnWriteArrayList<>();

    static volatile CountDownLatch firstRequest = new CountDownLatch(1);

    static final ScriptedModel model = ScriptedModel.start(request -> {
        if (ScriptedModel.asksForASummary(request)) {
            return Answer.now(ScriptedModel.text("The texter was answered."));
        }
        List<String> words = ScriptedModel.userWords(request);
        asked.add(words);
        firstRequest.countDown();
        return Answer.after(Duration.ofMillis(1_500), ScriptedModel.text("You wrote: " + words.getLast() + "."));
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

    @BeforeEach
    void reset() {
        asked.clear();
        firstRequest = new CountDownLatch(1);
    }

    @Test
    void twoTextsSentWhileTheModelAnswersTheFirstAreAnsweredInOrderAsTextsOfTheirOwn() throws Exception {
        var twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
        TestBusiness business = api.createBusiness("Slow texting plumbing");
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() ->
                twilio.post("/twilio/sms", sms(TwilioClient.sid("SM"), TEXTER, business.phoneNumber(), "first"), 200));
        assertThat(firstRequest.await(30, TimeUnit.SECONDS))
                .as(
                        "the model was asked (%s)",
                        first.isDone() ? first.handle((a, e) -> a + " " + e).join() : "")
                .isTrue();

        String second =
                twilio.post("/twilio/sms", sms(TwilioClient.sid("SM"), TEXTER, business.phoneNumber(), "second"), 200);
        String third =
                twilio.post("/twilio/sms", sms(TwilioClient.sid("SM"), TEXTER, business.phoneNumber(), "third"), 200);

        // the first text's answer is the webhook's reply; the two texts behind it get no reply there...
        assertThat(first.get(20, TimeUnit.SECONDS)).contains("<Message>You wrote: first.</Message>");
        assertThat(second).doesNotContain("<Message");
        assertThat(third).doesNotContain("<Message");
        // ...but each its answer as a text of its own, in order, once
        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(business).size() >= 2);
        Thread.sleep(500); // nothing more comes
        assertThat(sentTo(business)).containsExactly("You wrote: second.", "You wrote: third.");
        // the model was asked one text at a time, each with the texts before it
        assertThat(asked)
                .containsExactly(List.of("first"), List.of("first", "second"), List.of("first", "second", "third"));
        // the transcript has every text and every answer once, as they came
        assertThat(transcript("SMS", TEXTER))
                .containsExactly(
                        "CALLER: first",
                        "CALLER: second",
                        "CALLER: third",
                        "ASSISTANT: You wrote: first.",
                        "ASSISTANT: You wrote: second.",
                        "ASSISTANT: You wrote: third.");
    }

    @Test
    void aWebChatMessageSentWhileTheModelAnswersTheOneBeforeGetsItsOwnAnswerAfterIt() throws Exception {
        TestBusiness business = api.createBusiness("Slow chatting plumbing");
        JsonNode opened = chat(business, null, "");
        String chat = opened.get("conversationId").asString();
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> chat(business, chat, "first"));
        assertThat(firstRequest.await(30, TimeUnit.SECONDS)).isTrue();

        JsonNode second = chat(business, chat, "second");

        assertThat(second.get("reply").asString()).isEqualTo("You wrote: second.");
        assertThat(first.get(20, TimeUnit.SECONDS).get("reply").asString()).isEqualTo("You wrote: first.");
        assertThat(asked).containsExactly(List.of("first"), List.of("first", "second"));
        // and the next message is answered on its own, with nothing left over from before
        assertThat(chat(business, chat, "third").get("reply").asString()).isEqualTo("You wrote: third.");
    }

    private JsonNode chat(TestBusiness business, String chat, String text) {
        String body = chat == null
                ? "{\"text\": \"%s\"}".formatted(text)
                : "{\"conversationId\": \"%s\", \"text\": \"%s\"}".formatted(chat, text);
        return api.read(api.perform(
                MockMvcRequestBuilders.post("/api/widget/messages")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Widget-Token", business.widgetToken())
                        .content(body),
                200));
    }

    private List<String> sentTo(TestBusiness business) {
        return api.getJson("/api/outbox?channel=SMS", business, 200)
                .get("items")
                .valueStream()
                .filter(m -> m.get("to").asString().equals(TEXTER))
                .map(m -> m.get("body").asString())
                .toList()
                .reversed();
    }

    private List<String> transcript(String channel, String key) {
        return jdbc.sql("SELECT t.speaker, t.text FROM conversation_turn t JOIN conversation c ON c.id ="
                        + " t.conversation_id WHERE c.channel = :channel AND c.conversation_key = :key ORDER BY t.seq")
                .param("channel", channel)
                .param("key", key)
                .query((rs, n) -> rs.getString("speaker") + ": " + rs.getString("text"))
                .list();
    }
}
