package dev.frontdesk.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/** The Gemini model from {@link ChatModels} runs the same tool loop (WireMock playing generateContent). */
class GeminiBrainTest {

    static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void callsToolsThroughGemini() {
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("gemini")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered")
                .willReturn(json("""
                        {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{
                          "name":"check_availability","args":{"service":"Drain cleaning","date":"2026-11-24"}}}]},
                          "finishReason":"STOP"}],
                         "usageMetadata":{"promptTokenCount":100,"candidatesTokenCount":10,"totalTokenCount":110}}""")));
        server.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("gemini")
                .whenScenarioStateIs("answered")
                .willReturn(json("""
                        {"candidates":[{"content":{"role":"model","parts":[{"text":"I have 10 or 11:30 tomorrow."}]},
                          "finishReason":"STOP"}],
                         "usageMetadata":{"promptTokenCount":120,"candidatesTokenCount":10,"totalTokenCount":130}}""")));
        var jdbc = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:h2:mem:gemini_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                ""));
        jdbc.sql(LlmBrainTest.migration()).update();
        var settings = new LlmSettings(
                "gemini", server.baseUrl() + "/v1beta", "AIza-test", "gemini-2.5-flash", Duration.ofSeconds(5), null);
        var brain = new LlmBrain(
                ChatModels.create(settings),
                new LlmMemory(jdbc, Clock.systemUTC()),
                new ToolCatalog(),
                settings.timeout());
        var tools = new FakeTools();

        var facts = new BusinessFacts(
                java.util.List.of(
                        new BusinessFacts.Service("Drain cleaning", 60, "from $120", null),
                        new BusinessFacts.Service("Leak repair", 90, null, null)),
                null,
                null,
                30,
                120,
                60,
                null,
                "112");
        var turn = new LlmTurn(
                "g-1",
                "Acme Plumbing",
                LlmBrainTest.ZONE,
                LlmBrainTest.NOW,
                "en",
                true,
                null,
                "+34600111222",
                "Anything for drain cleaning tomorrow?",
                facts,
                null);

        var reply = brain.respond(turn, tools);

        assertThat(reply.orElseThrow().text()).isEqualTo("I have 10 or 11:30 tomorrow.");
        assertThat(tools.calls).containsExactly("check_availability(Drain cleaning, 2026-11-24)");
        var requests = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(2);
        JsonNode first = OpenAiStub.JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(first.toString()).contains("check_availability", "end_call", "Acme Plumbing");
        assertThat(first.findValue("maxOutputTokens").asInt()).isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
        assertThat(first.findValues("enum").toString())
                .as("the services are an enum in Gemini's schema too")
                .contains("[\"Drain cleaning\",\"Leak repair\"]");
        String second = requests.get(1).getBodyAsString();
        assertThat(second).contains("functionResponse", "2026-11-24T11:30");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
