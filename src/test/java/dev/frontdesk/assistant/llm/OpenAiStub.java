package dev.frontdesk.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the OpenAI Chat Completions API ({@code POST /v1/chat/completions}) on WireMock: a scripted
 * sequence of answers (text or {@code tool_calls}), and the requests LangChain4j sent, as JSON.
 */
final class OpenAiStub {

    static final String PATH = "/v1/chat/completions";
    static final JsonMapper JSON = JsonMapper.shared();

    private final WireMockServer server;

    OpenAiStub(WireMockServer server) {
        this.server = server;
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** Answers the requests in order with these bodies; the last one repeats. */
    void answers(String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            var stub = post(urlEqualTo(PATH))
                    .inScenario("chat")
                    .whenScenarioStateIs(state)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(bodies[i]));
            if (i + 1 < bodies.length) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    /** The chat completion requests received so far, oldest first. */
    List<JsonNode> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .map(r -> JSON.readTree(r.getBodyAsString()))
                .toList();
    }

    /** An assistant message with text. */
    static String text(String content) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        return completion(message, "stop");
    }

    /** An assistant message calling tools: triples of id, name, arguments (a JSON string, maybe broken). */
    static String toolCalls(String... idNameArguments) {
        return textAndToolCalls(null, idNameArguments);
    }

    /** An assistant message with words and tool calls together (as models do: "Goodbye!" + end_call). */
    static String textAndToolCalls(String content, String... idNameArguments) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        ArrayNode calls = message.putArray("tool_calls");
        for (int i = 0; i < idNameArguments.length; i += 3) {
            ObjectNode call = calls.addObject().put("id", idNameArguments[i]).put("type", "function");
            call.putObject("function").put("name", idNameArguments[i + 1]).put("arguments", idNameArguments[i + 2]);
        }
        return completion(message, "tool_calls");
    }

    private static String completion(ObjectNode message, String finishReason) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-test")
                .put("object", "chat.completion")
                .put("created", 1763700000L)
                .put("model", "gpt-4o-mini");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        body.putObject("usage")
                .put("prompt_tokens", 120)
                .put("completion_tokens", 20)
                .put("total_tokens", 140);
        return JSON.writeValueAsString(body);
    }
}
