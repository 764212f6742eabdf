package dev.frontdesk.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The LLM brain against WireMock playing the OpenAI Chat Completions API, with its memory in an
 * in-memory H2 database created by the module's Flyway migration.
 */
class LlmBrainTest {

    static final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 9, 15, 0, 0, ZONE);

    final OpenAiStub openAi = new OpenAiStub(server);
    final FakeTools tools = new FakeTools();
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:llm_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql(migration()).update();
    }

    LlmBrain brain(Duration timeout) {
        var settings = new LlmSettings("openai", openAi.baseUrl(), "sk-test", "gpt-4o-mini", timeout, null);
        var clock = Clock.fixed(Instant.parse("2026-11-23T08:15:00Z"), ZoneOffset.UTC);
        return new LlmBrain(ChatModels.create(settings), new LlmMemory(jdbc, clock), new ToolCatalog(), timeout);
    }

    LlmBrain brain() {
        return brain(Duration.ofSeconds(5));
    }

    static LlmTurn turn(String conversation, boolean spoken, String prompt, String text) {
        return new LlmTurn(
                conversation, "Acme Plumbing", ZONE, NOW, "en", spoken, prompt, "+34600111222", text, null, null);
    }

    @Test
    void booksThroughTwoToolRoundsThenAnswersInWords() {
        openAi.answers(
                OpenAiStub.toolCalls(
                        "call_1", "check_availability", "{\"service\":\"Drain cleaning\",\"date\":\"2026-11-24\"}"),
                OpenAiStub.toolCalls(
                        "call_2",
                        "book_appointment",
                        "{\"service\":\"Drain cleaning\",\"start\":\"2026-11-24T10:00\",\"customer_name\":\"Ana López\"}"),
                OpenAiStub.text("You're booked for drain cleaning tomorrow at 10 AM, Ana. See you then!"));

        var reply = brain().respond(turn("c-book", false, null, "Yes, book tomorrow at ten, I'm Ana López"), tools);

        assertThat(reply).isPresent();
        assertThat(reply.get().text())
                .isEqualTo("You're booked for drain cleaning tomorrow at 10 AM, Ana. See you then!");
        assertThat(reply.get().outcomeHint()).isEqualTo("BOOKED");
        assertThat(reply.get().endCall()).isFalse();
        assertThat(reply.get().emergency()).isFalse();
        assertThat(tools.calls)
                .containsExactly(
                        "check_availability(Drain cleaning, 2026-11-24)",
                        "book_appointment(Drain cleaning, 2026-11-24T10:00, Ana López, null, null)");

        List<JsonNode> requests = openAi.requests();
        assertThat(requests).hasSize(3);
        server.verify(
                3,
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                        .withHeader("Authorization", WireMock.equalTo("Bearer sk-test")));

        JsonNode first = requests.get(0);
        assertThat(first.get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(names(first.get("tools")))
                .containsExactly(
                        "check_availability",
                        "book_appointment",
                        "reschedule_appointment",
                        "cancel_appointment",
                        "list_appointments",
                        "search_knowledge",
                        "take_message",
                        "transfer_call",
                        "flag_emergency",
                        "opt_out",
                        "end_call");
        JsonNode book = first.get("tools").get(1).get("function").get("parameters");
        assertThat(book.get("required").toString()).contains("service", "start", "customer_name");
        assertThat(book.get("properties").get("start").get("description").asString())
                .contains("YYYY-MM-DDTHH:MM");
        assertThat(roles(first)).containsExactly("system", "user");
        String system = first.get("messages").get(0).get("content").asString();
        assertThat(system)
                .contains(SystemPrompt.DEFAULT_ROLE.formatted("Acme Plumbing"))
                .contains("Time zone: Europe/Madrid", "Now: Monday 2026-11-23 09:15", "+34600111222");

        JsonNode second = requests.get(1);
        assertThat(roles(second)).containsExactly("system", "user", "assistant", "tool");
        JsonNode call = second.get("messages").get(2).get("tool_calls").get(0);
        assertThat(call.get("id").asString()).isEqualTo("call_1");
        assertThat(call.get("function").get("name").asString()).isEqualTo("check_availability");
        JsonNode result = second.get("messages").get(3);
        assertThat(result.get("tool_call_id").asString()).isEqualTo("call_1");
        assertThat(result.get("content").asString()).isEqualTo(tools.availability);

        JsonNode third = requests.get(2);
        assertThat(roles(third)).containsExactly("system", "user", "assistant", "tool", "assistant", "tool");
        assertThat(third.get("messages").get(5).get("content").asString()).isEqualTo(tools.booking);
    }

    @Test
    void malformedAndUnknownToolCallsAreReportedToTheModelNotThrown() {
        openAi.answers(
                OpenAiStub.toolCalls(
                        "call_1",
                        "check_availability",
                        "{\"service\": \"Drain cleaning\", \"date\": ",
                        "call_2",
                        "fly_to_the_moon",
                        "{}",
                        "call_3",
                        "book_appointment",
                        "{\"service\":\"Drain cleaning\",\"start\":\"tomorrow at ten\"," + "\"customer_name\":\"Ana\"}",
                        "call_4",
                        "take_message",
                        "{\"caller_name\":\"Ana\"}"),
                OpenAiStub.text("Sorry, which day would suit you?"));

        var reply = brain().respond(turn("c-bad", false, null, "I need a plumber"), tools);

        assertThat(reply).isPresent();
        assertThat(reply.get().text()).isEqualTo("Sorry, which day would suit you?");
        assertThat(reply.get().outcomeHint()).isNull();
        assertThat(tools.calls).isEmpty();
        JsonNode second = openAi.requests().get(1);
        assertThat(roles(second)).containsExactly("system", "user", "assistant", "tool", "tool", "tool", "tool");
        JsonNode messages = second.get("messages");
        assertThat(messages.get(3).get("content").asString())
                .startsWith("error:")
                .contains("not a valid JSON object");
        assertThat(messages.get(4).get("content").asString())
                .startsWith("error:")
                .contains("no tool named 'fly_to_the_moon'", "check_availability");
        assertThat(messages.get(5).get("content").asString())
                .startsWith("error:")
                .contains("'start'", "2026-11-24T10:30");
        assertThat(messages.get(6).get("content").asString())
                .startsWith("error:")
                .contains("'text' is missing");
        assertThat(messages.get(6).get("tool_call_id").asString()).isEqualTo("call_4");
    }

    @Test
    void aModelThatKeepsCallingToolsGivesUpAfterFiveRounds() {
        openAi.answers(OpenAiStub.toolCalls("call_x", "list_appointments", "{}"));

        var reply = brain().respond(turn("c-loop", false, null, "What do I have booked?"), tools);

        assertThat(reply).isEmpty();
        assertThat(openAi.requests()).hasSize(LlmBrain.MAX_ROUNDS);
        assertThat(tools.calls).hasSize(LlmBrain.MAX_ROUNDS);
        assertThat(new LlmMemory(jdbc, Clock.systemUTC()).load("c-loop"))
                .as("a failed turn keeps the caller's words and the tool calls that ran")
                .hasSize(1 + 2 * LlmBrain.MAX_ROUNDS)
                .last()
                .isInstanceOf(dev.langchain4j.data.message.ToolExecutionResultMessage.class);
    }

    @Test
    void aSlowModelTimesOutQuickly() {
        server.stubFor(post(urlEqualTo(OpenAiStub.PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStub.text("Too late"))
                        .withFixedDelay(5000)));

        long started = System.nanoTime();
        var reply = brain(Duration.ofMillis(400)).respond(turn("c-slow", true, null, "Hello?"), tools);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply).isEmpty();
        assertThat(took).isLessThan(Duration.ofMillis(2500));
        assertThat(openAi.requests()).as("no retries").hasSize(1);
    }

    @Test
    void aTurnWaitsForTheModelNoLongerThanItsBudgetWhateverTheRounds() {
        server.stubFor(post(urlEqualTo(OpenAiStub.PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenAiStub.toolCalls("call_x", "list_appointments", "{}"))
                        .withFixedDelay(300)));
        var spoken = new LlmTurn(
                "c-budget",
                "Acme",
                ZONE,
                NOW,
                "en",
                true,
                null,
                "+34600111222",
                "Hello?",
                null,
                Duration.ofMillis(700));

        var reply = brain(Duration.ofSeconds(5)).respond(spoken, tools);

        assertThat(reply).isEmpty();
        assertThat(openAi.requests())
                .as("a 700 ms budget has room for two or three 300 ms requests, not five")
                .hasSizeLessThanOrEqualTo(3);
        assertThat(new LlmMemory(jdbc, Clock.systemUTC()).load("c-budget"))
                .as("the rounds that finished are kept")
                .isNotEmpty();
    }

    @Test
    void answersAreCappedWithMaxTokens() {
        openAi.answers(OpenAiStub.text("Hi!"));

        brain().respond(turn("c-tokens", false, null, "Hi"), tools);

        assertThat(openAi.requests().getFirst().get("max_tokens").asInt()).isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
    }

    @Test
    void serverErrorsAndRejectedKeysGiveNoReply() {
        for (int status : new int[] {500, 401, 429, 404}) {
            server.resetAll();
            server.stubFor(post(urlEqualTo(OpenAiStub.PATH))
                    .willReturn(aResponse()
                            .withStatus(status)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"message\":\"nope\",\"type\":\"server_error\"}}")));

            var reply = brain().respond(turn("c-" + status, false, null, "Hi"), tools);

            assertThat(reply).as("HTTP " + status).isEmpty();
            assertThat(openAi.requests()).as("no retries after HTTP " + status).hasSize(1);
        }
    }

    @Test
    void malformedResponsesGiveNoReply() {
        for (String body : new String[] {"this is not json", "{\"choices\":[]}", "{}"}) {
            server.resetAll();
            server.stubFor(post(urlEqualTo(OpenAiStub.PATH))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody(body)));

            assertThat(brain().respond(turn("c-garbage", false, null, "Hi"), tools))
                    .as(body)
                    .isEmpty();
        }
        server.resetAll();
        openAi.answers(OpenAiStub.text("   "));
        assertThat(brain().respond(turn("c-blank", false, null, "Hi"), tools))
                .as("blank text")
                .isEmpty();
    }

    @Test
    void theNextTurnRemembersThePreviousOneFromTheDatabase() {
        openAi.answers(
                OpenAiStub.toolCalls("call_1", "search_knowledge", "{\"question\":\"When are you open?\"}"),
                OpenAiStub.text("We're open 8 to 5, Monday to Friday."),
                OpenAiStub.text("Sure, what would you like to book?"));

        var first = brain().respond(turn("c-memory", false, null, "When are you open?"), tools);
        assertThat(first.orElseThrow().outcomeHint()).isEqualTo("ANSWERED");

        // another node: a new brain, model and memory over the same database
        var second = brain().respond(turn("c-memory", false, null, "Then I'd like to book"), tools);

        assertThat(second.orElseThrow().text()).isEqualTo("Sure, what would you like to book?");
        JsonNode request = openAi.requests().get(2);
        assertThat(roles(request)).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        JsonNode messages = request.get("messages");
        assertThat(messages.get(1).get("content").asString()).isEqualTo("When are you open?");
        assertThat(messages.get(3).get("content").asString()).isEqualTo(tools.knowledge);
        assertThat(messages.get(4).get("content").asString()).isEqualTo("We're open 8 to 5, Monday to Friday.");
        assertThat(messages.get(5).get("content").asString()).isEqualTo("Then I'd like to book");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assistant_llm_memory WHERE conversation_id = 'c-memory'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(openAi.requests().get(0).get("messages"))
                .as("other conversations are not mixed in")
                .hasSize(2);
    }

    @Test
    void aTurnTheOfflineBrainAnsweredIsRemembered() {
        brain().recordOfflineTurn("c-fallback", "Do you fix boilers?", "Yes, we repair boilers.");
        openAi.answers(OpenAiStub.text("Tuesday works."));

        brain().respond(turn("c-fallback", false, null, "Can you come Tuesday?"), tools);

        assertThat(roles(openAi.requests().get(0))).containsExactly("system", "user", "assistant", "user");
        assertThat(openAi.requests()
                        .get(0)
                        .get("messages")
                        .get(2)
                        .get("content")
                        .asString())
                .isEqualTo("Yes, we repair boilers.");
    }

    @Test
    void theBusinessPromptReplacesTheDefaultRole() {
        openAi.answers(OpenAiStub.text("Bonjour !"));
        String custom = "You are Lucía, the receptionist of a family bakery. Always mention our sourdough.";

        brain().respond(turn("c-prompt", false, custom, "Hola"), tools);

        String system =
                openAi.requests().get(0).get("messages").get(0).get("content").asString();
        assertThat(system)
                .startsWith(custom)
                .doesNotContain("friendly, efficient receptionist")
                .contains(
                        "Business: Acme Plumbing",
                        "Time zone: Europe/Madrid",
                        "Now: Monday 2026-11-23 09:15",
                        "Caller's phone number: +34600111222",
                        "search_knowledge");
    }

    @Test
    void spokenRepliesAreTwoPlainSentences() {
        openAi.answers(OpenAiStub.text(
                "**Great news!** I have *10:00* or 11:30 tomorrow. Which suits you? I can also do Wednesday."));

        var reply = brain().respond(turn("c-voice", true, null, "Anything tomorrow?"), tools);

        assertThat(reply.orElseThrow().text()).isEqualTo("Great news! I have 10:00 or 11:30 tomorrow.");
        String system =
                openAi.requests().get(0).get("messages").get(0).get("content").asString();
        assertThat(system).contains("phone call", "at most two short sentences");
    }

    @Test
    void endCallAndEmergencyAreFlagged() {
        openAi.answers(
                OpenAiStub.toolCalls(
                        "call_1",
                        "flag_emergency",
                        "{\"description\":\"Burst pipe flooding the kitchen\",\"life_threatening\":\"false\"}",
                        "call_2",
                        "end_call",
                        ""),
                OpenAiStub.text("I've alerted the plumber, who will call you right back. Goodbye!"));

        var reply = brain().respond(turn("c-sos", true, null, "A pipe burst, water everywhere!"), tools);

        assertThat(reply.orElseThrow().emergency()).isTrue();
        assertThat(reply.get().endCall()).isTrue();
        assertThat(reply.get().outcomeHint()).isEqualTo("EMERGENCY");
        assertThat(tools.calls).containsExactly("flag_emergency(Burst pipe flooding the kitchen, false)", "end_call()");
    }

    @Test
    void wordsSentWithEndCallAreSaidAndTheModelIsNotAskedAgain() {
        openAi.answers(OpenAiStub.textAndToolCalls("Thanks for calling, goodbye!", "call_1", "end_call", "{}"));

        var reply = brain().respond(turn("c-bye", true, null, "That's all, thanks"), tools);

        assertThat(reply.orElseThrow().text()).isEqualTo("Thanks for calling, goodbye!");
        assertThat(reply.get().endCall()).isTrue();
        assertThat(tools.calls).containsExactly("end_call()");
        assertThat(openAi.requests()).hasSize(1);
    }

    @Test
    void wordsSentWithAnotherToolCallAreKeptBeforeTheFinalAnswer() {
        openAi.answers(
                OpenAiStub.textAndToolCalls(
                        "I'll pass that on to the owner.",
                        "call_1",
                        "take_message",
                        "{\"caller_name\":\"Ana\",\"text\":\"Please call back about the boiler\"}"),
                OpenAiStub.text("Is there anything else?"));

        var reply = brain().respond(turn("c-msg", false, null, "Tell the owner to call me about the boiler"), tools);

        assertThat(reply.orElseThrow().text()).isEqualTo("I'll pass that on to the owner. Is there anything else?");
        assertThat(reply.get().outcomeHint()).isEqualTo("MESSAGE_TAKEN");
    }

    @Test
    void aSilentEndCallStillSaysGoodbyeInTheCallersLanguage() {
        openAi.answers(
                OpenAiStub.toolCalls("call_1", "end_call", "{}"), OpenAiStub.toolCalls("call_2", "end_call", "{}"));

        var reply = brain().respond(
                        new LlmTurn(
                                "c-adios",
                                "Acme",
                                ZONE,
                                NOW,
                                "es",
                                true,
                                null,
                                "+34600111222",
                                "Nada más, adiós",
                                null,
                                null),
                        tools);

        assertThat(reply.orElseThrow().text()).isEqualTo("Gracias por llamar. ¡Hasta luego!");
        assertThat(reply.get().endCall()).isTrue();
        assertThat(openAi.requests()).hasSize(2);
    }

    private static List<String> names(JsonNode tools) {
        return StreamSupport.stream(tools.spliterator(), false)
                .map(t -> t.get("function").get("name").asString())
                .toList();
    }

    private static List<String> roles(JsonNode request) {
        return StreamSupport.stream(request.get("messages").spliterator(), false)
                .map(m -> m.get("role").asString())
                .toList();
    }

    static String migration() {
        try (var in =
                LlmBrainTest.class.getResourceAsStream("/db/migration/assistant/V2026_11_21_0403__llm_memory.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
