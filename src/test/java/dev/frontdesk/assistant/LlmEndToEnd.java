package dev.frontdesk.assistant;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.ScriptedModel;
import dev.frontdesk.support.ScriptedModel.Answer;
import dev.frontdesk.support.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with an OpenAI-compatible endpoint configured: {@link ScriptedModel} plays the model,
 * speaking the Chat Completions format, answering a script of responses in order. The LLM test classes extend
 * this so that they share one application context (and one scripted server). Monday 8:00 in New York; the
 * circuit breakers do not open here (tests that fail the model on purpose would open them for the others).
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.assistant.llm.timeout=3s",
            "frontdesk.breakers.minimum-calls=1000"
        })
abstract class LlmEndToEnd {

    /** The script: the answers to the conversation's requests in order, the last one repeating. */
    private static final List<Answer> script = new ArrayList<>();

    private static int played;

    /** The answer to the summary of a finished conversation, when answered apart from the script. */
    private static volatile String summary;

    static final ScriptedModel llm = ScriptedModel.start(LlmEndToEnd::answer);

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        llm.register(registry);
        registry.add("frontdesk.assistant.llm.model", () -> "gpt-4o-mini");
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetTheModel() {
        resetAll();
    }

    /** Forgets the script, the summaries and the requests received. */
    static void resetAll() {
        synchronized (script) {
            script.clear();
            played = 0;
        }
        summary = null;
        llm.forget();
    }

    private static Answer answer(JsonNode request) {
        String owners = summary;
        if (owners != null && ScriptedModel.asksForASummary(request)) {
            return Answer.now(text(owners));
        }
        synchronized (script) {
            if (script.isEmpty()) {
                return Answer.failure(404); // nothing scripted (as an unmatched stub)
            }
            return script.get(Math.min(played++, script.size() - 1));
        }
    }

    /** The model answers the conversation's requests with these responses in order; the last one repeats. */
    static void script(Answer... answers) {
        synchronized (script) {
            script.clear();
            script.addAll(List.of(answers));
            played = 0;
        }
    }

    /** The owner's summary, asked for when a conversation ends, is answered apart from the script. */
    static void summaries() {
        summaries("The caller was helped.");
    }

    /** The owner's summary is answered apart from the script, with these words. */
    static void summaries(String words) {
        summary = words;
    }

    static Answer answer(String body) {
        return Answer.now(body);
    }

    /** This body, after a pause (longer than the model's time: a hang). */
    static Answer slowly(Duration pause, String body) {
        return Answer.after(pause, body);
    }

    static Answer serverError() {
        return Answer.failure(500);
    }

    static String toolCall(String id, String name, String arguments) {
        return ScriptedModel.toolCalls(id, name, arguments);
    }

    /** Words and a tool call in one response, as models often answer ("Goodbye!" + end_call). */
    static String textAndToolCall(String content, String id, String name, String arguments) {
        return ScriptedModel.textAndToolCalls(content, id, name, arguments);
    }

    /** Several tool calls in one response: each {id, name, arguments}. */
    static String toolCalls(String content, String[]... calls) {
        List<String> flat = new ArrayList<>();
        for (String[] call : calls) {
            flat.addAll(List.of(call));
        }
        return ScriptedModel.textAndToolCalls(content, flat.toArray(String[]::new));
    }

    static String text(String content) {
        return ScriptedModel.text(content);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The conversation requests the model received (not the summaries), oldest first, as JSON. */
    static List<JsonNode> requests() {
        return llm.requests().stream()
                .map(body -> JsonMapper.shared().readTree(body))
                .filter(r -> !ScriptedModel.asksForASummary(r))
                .toList();
    }

    /** The roles of a request's messages, in order. */
    static List<String> roles(JsonNode request) {
        return StreamSupport.stream(request.get("messages").spliterator(), false)
                .map(m -> m.get("role").asString())
                .toList();
    }

    /** The tool results the model received in a request, in order. */
    static List<String> toolResults(JsonNode request) {
        return StreamSupport.stream(request.get("messages").spliterator(), false)
                .filter(m -> m.get("role").asString().equals("tool"))
                .map(m -> m.get("content").asString())
                .toList();
    }

    JsonNode say(TestApi.TestBusiness business, String text) {
        return say(business, "SMS", text);
    }

    /** One line from +16175550123 in the simulator, on the given channel, in one conversation per business. */
    JsonNode say(TestApi.TestBusiness business, String channel, String text) {
        return say(business, channel, "+16175550123", text);
    }

    JsonNode say(TestApi.TestBusiness business, String channel, String callerPhone, String text) {
        return api.read(api.perform(
                api.as(business, MockMvcRequestBuilders.post("/api/simulator/turns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\": \"" + channel + "\","
                                + (callerPhone == null ? "" : " \"callerPhone\": \"" + callerPhone + "\",")
                                + " \"session\": \"llm-" + business.id() + "\", \"text\": " + quote(text) + "}"),
                200));
    }

    /** The business's appointments (all statuses), as the API lists them. */
    JsonNode appointments(TestApi.TestBusiness business) {
        return api.getJson("/api/appointments", business, 200);
    }
}
