package dev.frontdesk.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible model for tests: a small in-test server (the JDK's, on a loopback port) answering
 * {@code POST /v1/chat/completions} as the test's script says, after a pause or as a stream of server-sent events
 * written piece by piece (WireMock's chunked dribble delay delivers such events only at the end), or with an HTTP
 * error, and the bodies of
 * the Chat Completions format the scripts (and WireMock stubs) answer with. Start one in a static field, point the
 * application at it with {@link #register} from a {@code @DynamicPropertySource}, and {@link #stop} it after all.
 */
public final class ScriptedModel {

    public static final String PATH = "/v1/chat/completions";
    static final JsonMapper JSON = JsonMapper.shared();

    /** What the model answers to one request. */
    public sealed interface Answer {

        /** A JSON body (a completion: {@link #text}, {@link #toolCalls}, …), sent after {@code pause}. */
        record Body(String json, Duration pause) implements Answer {}

        /** A stream of text pieces, one event every {@code pace}, then the end (for {@code "stream": true}). */
        record Stream(List<String> pieces, Duration pace) implements Answer {}

        /** An HTTP error: this status, with an OpenAI-style error body. */
        record Failure(int status, String message) implements Answer {}

        /** This body, at once. */
        static Answer now(String json) {
            return new Body(json, Duration.ZERO);
        }

        /** This body, after {@code pause} (longer than the application's model timeout: a hang). */
        static Answer after(Duration pause, String json) {
            return new Body(json, pause);
        }

        /** An HTTP error with this status (500: the endpoint is overloaded or broken). */
        static Answer failure(int status) {
            return new Failure(status, "overloaded");
        }

        /** These pieces of text as a stream, one every {@code pace}. */
        static Answer stream(Duration pace, String... pieces) {
            return new Stream(List.of(pieces), pace);
        }
    }

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private ScriptedModel(Function<JsonNode, Answer> script) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PATH, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            try (OutputStream out = exchange.getResponseBody()) {
                Answer answer = script.apply(JSON.readTree(body));
                if (answer instanceof Answer.Body reply) {
                    Thread.sleep(reply.pause());
                    byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    out.write(bytes);
                } else if (answer instanceof Answer.Failure failure) {
                    byte[] bytes = JSON.writeValueAsString(JSON.createObjectNode()
                                    .set("error", JSON.createObjectNode().put("message", failure.message())))
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(failure.status(), bytes.length);
                    out.write(bytes);
                } else if (answer instanceof Answer.Stream stream) {
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    for (String event : events(stream.pieces())) {
                        out.write(event.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(stream.pace());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the application stopped waiting (its model timeout) and closed the connection
            }
        });
        server.start();
    }

    /** A model answering each request as {@code script} says (called on a virtual thread per request). */
    public static ScriptedModel start(Function<JsonNode, Answer> script) {
        return new ScriptedModel(script);
    }

    /** The base URL the application is given ({@code http://127.0.0.1:<port>/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Points the application's LLM brain at this model (base URL and a test key). */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.assistant.llm.base-url", this::baseUrl);
        registry.add("frontdesk.assistant.llm.api-key", () -> "sk-test");
    }

    /** The bodies of the requests received so far, oldest first, as sent. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The {@code Authorization} headers of the requests received so far, oldest first ("" when none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Forgets the requests received so far (between tests sharing one model). */
    public void forget() {
        requests.clear();
        authorizations.clear();
    }

    public void stop() {
        server.stop(0);
    }

    /** The words of the user messages of a request, oldest first. */
    public static List<String> userWords(JsonNode request) {
        return StreamSupport.stream(request.get("messages").spliterator(), false)
                .filter(m -> m.get("role").asString().equals("user"))
                .map(m -> m.get("content").asString())
                .toList();
    }

    /** Whether the request asks for the summary of a finished conversation (not a turn). */
    public static boolean asksForASummary(JsonNode request) {
        return request.toString().contains("Summarise this conversation");
    }

    /** A completion: an assistant message with text. */
    public static String text(String content) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        return completion(message, "stop");
    }

    /** A completion calling tools: triples of id, name, arguments (a JSON string, maybe broken). */
    public static String toolCalls(String... idNameArguments) {
        return textAndToolCalls(null, idNameArguments);
    }

    /** A completion with words and tool calls together (as models do: "Goodbye!" + end_call). */
    public static String textAndToolCalls(String content, String... idNameArguments) {
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

    /** A Chat Completions stream of these pieces of text: one event per piece, the end, then {@code [DONE]}. */
    public static List<String> events(List<String> pieces) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            ObjectNode delta = JSON.createObjectNode();
            if (i == 0) {
                delta.put("role", "assistant");
            }
            delta.put("content", pieces.get(i));
            events.add("data: " + JSON.writeValueAsString(chunk(delta, null)) + "\n\n");
        }
        events.add("data: " + JSON.writeValueAsString(chunk(JSON.createObjectNode(), "stop")) + "\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-test")
                .put("object", "chat.completion.chunk")
                .put("created", 1763900000L)
                .put("model", "gpt-4o-mini");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return body;
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
