package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frontdesk.assistant.AssistantReply;
import dev.frontdesk.assistant.Channel;
import dev.frontdesk.assistant.InboundTurn;
import dev.frontdesk.crm.Conversations;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.ScriptedModel;
import dev.frontdesk.support.ScriptedModel.Answer;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Web chat behind a load balancer: node A is the application (its web chat API), node B a second assistant
 * with its own text turns ({@link HeldTexts}: its own in-process waits and background turns) over the same
 * database, as another node would be. A message that reaches B while A's turn before it runs gets its own
 * answer, written by A; an answer nobody waits for any more (A's turn ran over the text budget) comes with
 * B's next reply, once. The model ({@link ScriptedModel}, an OpenAI-compatible test server)
 * answers "You wrote: " and the visitor's last message (after 1 s for "first", 7 s for "slow", at once
 * otherwise). Runs on PostgreSQL when FRONTDESK_TEST_DATABASE_URL is set (on H2 otherwise).
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.assistant.text-turn-budget=4s",
            "frontdesk.assistant.llm.timeout=12s",
            "frontdesk.breakers.minimum-calls=1000"
        })
class WebChatAnswersAcrossNodesTest {

    static volatile CountDownLatch asked = new CountDownLatch(1);

    static final ScriptedModel model = ScriptedModel.start(request -> {
        if (ScriptedModel.asksForASummary(request)) {
            return Answer.now(ScriptedModel.text("The visitor was answered."));
        }
        String last = ScriptedModel.userWords(request).getLast();
        asked.countDown();
        long pause = last.equals("first") ? 1_000 : last.equals("slow") ? 7_000 : 0;
        return Answer.after(Duration.ofMillis(pause), ScriptedModel.text("You wrote: " + last + "."));
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

    @Autowired
    Tenants tenants;

    @Autowired
    Conversations conversations;

    @Autowired
    AssistantTools tools;

    @Autowired
    OfflineBrains brains;

    @Autowired
    ConversationEndings endings;

    @Autowired
    LlmTurns llmTurns;

    @Autowired
    DialogueStore dialogues;

    @Autowired
    HeldTurns held;

    @Autowired
    HeldTurnRunner heldRuns;

    @Autowired
    HeldAnswers answers;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** Node B: the same beans but its own text turns, as a second node over the same database has. */
    AssistantService nodeB;

    @BeforeEach
    void nodeB() {
        asked = new CountDownLatch(1);
        HeldTexts texts = new HeldTexts(held, heldRuns, dialogues, conversations, events, answers, transactionManager);
        nodeB = new AssistantService(
                tenants,
                conversations,
                tools,
                brains,
                endings,
                llmTurns,
                dialogues,
                held,
                heldRuns,
                texts,
                new Afterwords(conversations, clock),
                clock,
                transactionManager,
                Duration.ofSeconds(4));
    }

    @Test
    void aMessageThatReachesAnotherNodeWhileTheTurnBeforeItRunsGetsItsOwnAnswerWrittenByTheFirstNode()
            throws Exception {
        TestBusiness business = api.createBusiness("Two node chatting plumbing");
        String chat = chat(business, null, "").get("conversationId").asString();
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> chat(business, chat, "first"));
        assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();

        AssistantReply second = onNodeB(business, "second");

        assertThat(second.text()).isEqualTo("You wrote: second.");
        assertThat(first.get(20, TimeUnit.SECONDS).get("reply").asString()).isEqualTo("You wrote: first.");
        // nothing left over: the next message, on node A, is answered on its own
        assertThat(chat(business, chat, "third").get("reply").asString()).isEqualTo("You wrote: third.");
        assertThat(transcript(business))
                .containsExactly(
                        "ASSISTANT",
                        "CALLER: first",
                        "CALLER: second",
                        "ASSISTANT: You wrote: first.",
                        "ASSISTANT: You wrote: second.",
                        "CALLER: third",
                        "ASSISTANT: You wrote: third.");
        assertThat(heldAnswers(business)).isZero();
    }

    @Test
    void anAnswerNobodyWaitsForAnyMoreComesOnceWithTheNextReplyOnTheOtherNode() throws Exception {
        TestBusiness business = api.createBusiness("Held answer plumbing");
        String chat = chat(business, null, "").get("conversationId").asString();

        // node A's turn runs past the 4 s text budget: the visitor is told to wait
        String holding = chat(business, chat, "slow").get("reply").asString();
        assertThat(holding).doesNotContain("You wrote");
        await().atMost(Duration.ofSeconds(20)).until(() -> heldAnswers(business) == 1 && released(business));

        // the next message reaches node B: its reply carries node A's answer, then its own
        assertThat(onNodeB(business, "second").text()).isEqualTo("You wrote: slow. You wrote: second.");
        assertThat(heldAnswers(business)).isZero();
        // and never again, on either node
        assertThat(onNodeB(business, "third").text()).isEqualTo("You wrote: third.");
        assertThat(chat(business, chat, "fourth").get("reply").asString()).isEqualTo("You wrote: fourth.");
        assertThat(transcript(business))
                .filteredOn(line -> line.equals("ASSISTANT: You wrote: slow."))
                .hasSize(1);
    }

    @Test
    void heldAnswersNobodyTookAreRemovedAfterADay() {
        UUID conversation = UUID.randomUUID();
        BusinessId business =
                BusinessId.parse(api.createBusiness("Expiry plumbing").id()).orElseThrow();
        jdbc.sql("INSERT INTO assistant_held_answer (business_id, conversation_id, queued_seq, text, hang_up,"
                        + " created_at) VALUES (:b, :c, NULL, 'An old answer.', FALSE, :at)")
                .param("b", business.value())
                .param("c", conversation)
                .param("at", clock.instant().minus(Duration.ofHours(25)).atOffset(java.time.ZoneOffset.UTC))
                .update();
        answers.keep(business, conversation, null, "A fresh answer.", false);

        answers.expire();

        assertThat(jdbc.sql("SELECT text FROM assistant_held_answer WHERE conversation_id = :c")
                        .param("c", conversation)
                        .query(String.class)
                        .list())
                .containsExactly("A fresh answer.");
    }

    private AssistantReply onNodeB(TestBusiness business, String text) {
        BusinessId id = BusinessId.parse(business.id()).orElseThrow();
        String key = jdbc.sql("SELECT conversation_key FROM conversation WHERE business_id = :b AND channel = 'WEB'")
                .param("b", id.value())
                .query(String.class)
                .single();
        return nodeB.handle(new InboundTurn(id, Channel.WEB, key, text, null, null, null));
    }

    private long heldAnswers(TestBusiness business) {
        return jdbc.sql("SELECT COUNT(*) FROM assistant_held_answer WHERE business_id = :b")
                .param("b", BusinessId.parse(business.id()).orElseThrow().value())
                .query(Long.class)
                .single();
    }

    /** Whether no turn holds the business's chat (its last turn is done and released). */
    private boolean released(TestBusiness business) {
        return jdbc.sql("SELECT COUNT(*) FROM assistant_dialogue WHERE business_id = :b AND held_until IS NULL")
                        .param(
                                "b",
                                BusinessId.parse(business.id()).orElseThrow().value())
                        .query(Long.class)
                        .single()
                == 1;
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

    /** The chat's transcript; the greeting is shown as its speaker only. */
    private List<String> transcript(TestBusiness business) {
        return jdbc.sql("SELECT t.speaker, t.text FROM conversation_turn t JOIN conversation c ON c.id ="
                        + " t.conversation_id WHERE c.business_id = :b AND c.channel = 'WEB' ORDER BY t.seq")
                .param("b", BusinessId.parse(business.id()).orElseThrow().value())
                .query((rs, n) ->
                        n == 0 ? rs.getString("speaker") : rs.getString("speaker") + ": " + rs.getString("text"))
                .list();
    }
}
