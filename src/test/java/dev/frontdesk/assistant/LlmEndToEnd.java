package dev.frontdesk.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
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
 * The whole application with an OpenAI-compatible endpoint configured: WireMock plays the model, speaking
 * the Chat Completions format, answering a script of responses in order. The LLM test classes extend this
 * so that they share one application context (and one scripted server). Monday 8:00 in New York; the
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

    static final String CHAT = "/v1/chat/completions";
    static final WireMockServer llm = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        llm.start();
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.assistant.llm.base-url", () -> llm.baseUrl() + "/v1");
        registry.add("frontdesk.assistant.llm.api-key", () -> "sk-test");
        registry.add("frontdesk.assistant.llm.model", () -> "gpt-4o-mini");
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetTheModel() {
        llm.resetAll();
    }

    /** The model answers the conversation's requests with these responses in order; the last one repeats. */
    static void script(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            var stub = post(urlPathEqualTo(CHAT))
                    .atPriority(5)
                    .inScenario("script")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(answers[i]);
            if (i + 1 < answers.length) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            llm.stubFor(stub);
        }
    }

    /** The owner's summary, asked for when a conversation ends, is answered apart from the script. */
    static void summaries() {
        llm.stubFor(post(urlPathEqualTo(CHAT))
                .withRequestBody(WireMock.containing("Summarise this conversation"))
                .atPriority(1)
                .willReturn(okJson(text("The caller was helped."))));
    }

    static ResponseDefinitionBuilder answer(String body) {
        return okJson(body);
    }

    static ResponseDefinitionBuilder serverError() {
        return WireMock.aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"overloaded\"}}");
    }

    static String toolCall(String id, String name, String arguments) {
        return textAndToolCall(null, id, name, arguments);
    }

    /** Words and a tool call in one response, as models often answer ("Goodbye!" + end_call). */
    static String textAndToolCall(String content, String id, String name, String arguments) {
        return toolCalls(content, new String[] {id, name, arguments});
    }

    /** Several tool calls in one response: each {id, name, arguments}. */
    static String toolCalls(String content, String[]... calls) {
        StringBuilder list = new StringBuilder();
        for (String[] call : calls) {
            list.append(list.isEmpty() ? "" : ", ")
                    .append(
                            "{\"id\": \"%s\", \"type\": \"function\", \"function\": {\"name\": \"%s\", \"arguments\": %s}}"
                                    .formatted(call[0], call[1], quote(call[2])));
        }
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1763900000, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": %s,
                   "tool_calls": [%s]}}],
                 "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}""".formatted(content == null ? "null" : quote(content), list);
    }

    static String text(String content) {
        return """
                {"id": "chatcmpl-t", "object": "chat.completion", "created": 1763900000, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": %s}}],
                 "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}""".formatted(quote(content));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The conversation requests the model received (not the summaries), oldest first, as JSON. */
    static List<JsonNode> requests() {
        return llm.findAll(postRequestedFor(urlPathEqualTo(CHAT))).stream()
                .map(r -> JsonMapper.shared().readTree(r.getBodyAsString()))
                .filter(r -> !r.toString().contains("Summarise this conversation"))
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
