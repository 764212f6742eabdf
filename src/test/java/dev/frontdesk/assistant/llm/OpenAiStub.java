package dev.frontdesk.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.frontdesk.support.ScriptedModel;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the OpenAI Chat Completions API ({@code POST /v1/chat/completions}) on WireMock: a scripted
 * sequence of answers (text or {@code tool_calls}), and the requests LangChain4j sent, as JSON. The bodies are
 * {@link ScriptedModel}'s (the in-test model the slow-model tests use), so every test speaks the same format;
 * WireMock stays here for its faults and scenario states.
 */
final class OpenAiStub {

    static final String PATH = ScriptedModel.PATH;
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
        return ScriptedModel.text(content);
    }

    /** An assistant message calling tools: triples of id, name, arguments (a JSON string, maybe broken). */
    static String toolCalls(String... idNameArguments) {
        return ScriptedModel.toolCalls(idNameArguments);
    }

    /** An assistant message with words and tool calls together (as models do: "Goodbye!" + end_call). */
    static String textAndToolCalls(String content, String... idNameArguments) {
        return ScriptedModel.textAndToolCalls(content, idNameArguments);
    }
}
