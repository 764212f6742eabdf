package dev.frontdesk.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * With streaming on, Gemini is asked through {@code streamGenerateContent?alt=sse} and its words reach the
 * turn while the answer is still being written: a small in-test server speaks Gemini's documented event
 * stream (one {@code GenerateContentResponse} per {@code data:} event), answers the first request with a
 * function call and the second with two pieces of text, and writes the second piece only once the turn has
 * heard the first.
 */
class GeminiStreamingTest {

    static final String PATH = "/v1beta/models/gemini-2.5-flash:streamGenerateContent";

    final HttpServer server;
    final CountDownLatch firstPieceHeard = new CountDownLatch(1);
    final AtomicBoolean secondPieceSent = new AtomicBoolean();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> queries = new CopyOnWriteArrayList<>();

    GeminiStreamingTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PATH, this::stream);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        queries.add(exchange.getRequestURI().getQuery());
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (requests.incrementAndGet() == 1) {
                event(out, """
                        {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"check_availability",\
                        "args":{"service":"Drain cleaning","date":"2026-11-24"}}}]},"finishReason":"STOP"}],\
                        "usageMetadata":{"promptTokenCount":100,"candidatesTokenCount":10,"totalTokenCount":110}}""");
                return;
            }
            event(out, """
                    {"candidates":[{"content":{"role":"model","parts":[{"text":"I have 10 or 11:30 tomorrow. "}]}}]}""");
            try {
                firstPieceHeard.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            secondPieceSent.set(true);
            event(out, """
                    {"candidates":[{"content":{"role":"model","parts":[{"text":"Which one suits you?"}]},\
                    "finishReason":"STOP"}],\
                    "usageMetadata":{"promptTokenCount":120,"candidatesTokenCount":12,"totalTokenCount":132}}""");
        }
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void geminiStreamsTheAnswerSoTheTurnHearsItsFirstWordsBeforeTheRestIsWritten() {
        var jdbc = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:h2:mem:gemini_stream_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                ""));
        jdbc.sql(LlmBrainTest.migration()).update();
        var settings = new LlmSettings(
                "gemini",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta",
                "AIza-test",
                "gemini-2.5-flash",
                Duration.ofSeconds(10),
                null);
        var brain = new LlmBrain(
                        ChatModels.create(settings, true),
                        new LlmMemory(jdbc, Clock.systemUTC()),
                        new ToolCatalog(),
                        settings.timeout())
                .streaming(true);
        var tools = new FakeTools();
        List<String> heard = new CopyOnWriteArrayList<>();
        List<Boolean> restWrittenWhenHeard = new CopyOnWriteArrayList<>();

        var reply = brain.respond(
                new LlmTurn(
                        "gs-1",
                        "Acme Plumbing",
                        LlmBrainTest.ZONE,
                        LlmBrainTest.NOW,
                        "en",
                        true,
                        null,
                        "+34600111222",
                        "Anything for drain cleaning tomorrow?",
                        null,
                        null),
                tools,
                words -> {
                    heard.add(words);
                    restWrittenWhenHeard.add(secondPieceSent.get());
                    firstPieceHeard.countDown();
                });

        assertThat(reply.orElseThrow().text()).isEqualTo("I have 10 or 11:30 tomorrow. Which one suits you?");
        assertThat(tools.calls).containsExactly("check_availability(Drain cleaning, 2026-11-24)");
        assertThat(queries).containsOnly("alt=sse");
        assertThat(String.join("", heard).strip()).isEqualTo("I have 10 or 11:30 tomorrow. Which one suits you?");
        assertThat(restWrittenWhenHeard.getFirst())
                .as("the first words were heard before the rest was written")
                .isFalse();
    }
}
