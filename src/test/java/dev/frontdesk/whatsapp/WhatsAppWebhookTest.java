package dev.frontdesk.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The WhatsApp Cloud API webhook with Meta's payloads; WireMock plays the Graph API. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "frontdesk.whatsapp.verify-token=" + WhatsAppWebhookTest.VERIFY_TOKEN,
            "frontdesk.whatsapp.app-secret=" + WhatsAppWebhookTest.APP_SECRET,
            "frontdesk.whatsapp.access-token=" + WhatsAppWebhookTest.ACCESS_TOKEN,
            "frontdesk.whatsapp.recovery-interval=1s"
        })
class WhatsAppWebhookTest {

    static final String VERIFY_TOKEN = "meta-verify-token-123";
    static final String APP_SECRET = "meta-app-secret-456";
    static final String ACCESS_TOKEN = "EAAG-test-access-token";
    static final String PHONE_NUMBER_ID = "106540352242922";
    static final String SENDER = "16505551234";
    static final String MESSAGES_PATH = "/v21.0/" + PHONE_NUMBER_ID + "/messages";

    static final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        graph.start();
    }

    @AfterAll
    static void stopGraph() {
        graph.stop();
    }

    @DynamicPropertySource
    static void graphUrl(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.whatsapp.graph-url", () -> graph.baseUrl() + "/v21.0");
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        graph.resetAll();
        graph.stubFor(post(urlPathMatching("/v21.0/.*/messages"))
                .willReturn(okJson("{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\": \"" + SENDER
                        + "\", \"wa_id\": \"" + SENDER + "\"}], \"messages\": [{\"id\": \"wamid.reply-"
                        + UUID.randomUUID() + "\"}]}")));
    }

    static String textMessage(String displayNumber, String messageId, String body) {
        return """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "102290129340398",
                   "changes": [{"value": {"messaging_product": "whatsapp",
                       "metadata": {"display_phone_number": "%s", "phone_number_id": "%s"},
                       "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "%s"}],
                       "messages": [{"from": "%s", "id": "%s", "timestamp": "1749416383", "type": "text",
                                     "text": {"body": "%s"}}]},
                     "field": "messages"}]}]}""".formatted(displayNumber.replace("+", ""), PHONE_NUMBER_ID, SENDER, SENDER, messageId, body);
    }

    static String statusUpdate(String displayNumber) {
        return """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "102290129340398",
                   "changes": [{"value": {"messaging_product": "whatsapp",
                       "metadata": {"display_phone_number": "%s", "phone_number_id": "%s"},
                       "statuses": [{"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NTQ2", "status": "delivered",
                                     "timestamp": "1749416400", "recipient_id": "%s"}]},
                     "field": "messages"}]}]}""".formatted(displayNumber.replace("+", ""), PHONE_NUMBER_ID, SENDER);
    }

    static String imageMessage(String displayNumber) {
        return """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "102290129340398",
                   "changes": [{"value": {"messaging_product": "whatsapp",
                       "metadata": {"display_phone_number": "%s", "phone_number_id": "%s"},
                       "messages": [{"from": "%s", "id": "wamid.image-%s", "timestamp": "1749416383",
                                     "type": "image", "image": {"mime_type": "image/jpeg", "id": "1234"}}]},
                     "field": "messages"}]}]}""".formatted(displayNumber.replace("+", ""), PHONE_NUMBER_ID, SENDER, UUID.randomUUID());
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private MvcResult postSigned(String body, String signature, int expectedStatus) {
        var request = MockMvcRequestBuilders.post("/whatsapp/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return api.perform(request, expectedStatus);
    }

    private void postSigned(String body) throws Exception {
        postSigned(body, sign(APP_SECRET, body), 200);
    }

    @Test
    void theVerificationChallengeIsEchoedOnlyForTheRightToken() throws Exception {
        MvcResult ok = api.perform(
                get("/whatsapp/webhook")
                        .param("hub.mode", "subscribe")
                        .param("hub.verify_token", VERIFY_TOKEN)
                        .param("hub.challenge", "1158201444"),
                200);
        assertThat(ok.getResponse().getContentAsString()).isEqualTo("1158201444");
        assertThat(ok.getResponse().getContentType()).startsWith("text/plain");

        api.perform(
                get("/whatsapp/webhook")
                        .param("hub.mode", "subscribe")
                        .param("hub.verify_token", "not-the-token")
                        .param("hub.challenge", "1158201444"),
                403);
        api.perform(get("/whatsapp/webhook").param("hub.challenge", "1158201444"), 403);
    }

    @Test
    void aSignedTextIsAnsweredThroughTheGraphApiAndARedeliveryIsNot() throws Exception {
        TestBusiness business = api.createBusiness("WhatsApp plumbing");
        String messageId = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQz" + UUID.randomUUID();
        String body = textMessage(business.phoneNumber(), messageId, "Hi, what are your opening hours?");

        postSigned(body);
        // the reply is written in the background; on a fresh node the first one waits for the assistant's
        // model to load (tests load it on first use), which takes far longer than 10 s on a busy machine
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH))));
        graph.verify(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.to", equalTo(SENDER)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body")));
        String reply = graph.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        System.out.println("WHATSAPP REPLY: " + reply);

        // Meta redelivers the same message id: no second reply
        postSigned(body);
        Thread.sleep(500);
        graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));

        // the conversation is recorded on the WhatsApp channel for the business
        assertThat(api.getJson("/api/conversations?channel=WHATSAPP", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void anAnswerToAMessageThatWaitedItsTurnIsSentFromTheNumberTheTexterWroteTo() throws Exception {
        TestBusiness business = api.createBusiness("WhatsApp late answers");
        postSigned(textMessage(business.phoneNumber(), "wamid.first-" + UUID.randomUUID(), "Hi, are you open today?"));
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH))));
        String conversation = api.getJson("/api/conversations?channel=WHATSAPP", business, 200)
                .at("/items/0/id")
                .asString();

        // the assistant answers a message that arrived while the turn before it ran (TextsDuringASlowModelTest)
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new dev.frontdesk.assistant.LateTextReply(
                        dev.frontdesk.tenants.BusinessId.parse(business.id()).orElseThrow(),
                        UUID.fromString(conversation),
                        dev.frontdesk.assistant.Channel.WHATSAPP,
                        SENDER,
                        "+" + SENDER,
                        "And yes, we cover Quincy.")));

        graph.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        graph.verify(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(SENDER)))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("And yes, we cover Quincy."))));
    }

    @Test
    void aSignedMessageProvesTheSenderHoldsTheNumberSoTheirAppointmentsAreReadOutWithoutACode() throws Exception {
        TestBusiness business = api.createBusiness("WhatsApp bookings");
        var tuesday = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"))
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY))
                .atTime(10, 0)
                .atZone(java.time.ZoneId.of("America/New_York"))
                .toInstant();
        api.perform(
                api.as(business, MockMvcRequestBuilders.post("/api/appointments"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"service": "Drain cleaning", "start": "%s",
                                 "customer": {"name": "Sheena Nelson", "phone": "+%s"}}""".formatted(tuesday, SENDER)),
                201);

        postSigned(
                textMessage(business.phoneNumber(), "wamid.mine-" + UUID.randomUUID(), "what appointments do I have?"));

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH))));
        String reply = graph.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(reply).containsIgnoringCase("drain cleaning").doesNotContain("code");
        // no code was texted (the booking's confirmation text aside)
        assertThat(api.getJson("/api/outbox?channel=SMS", business, 200)
                        .get("items")
                        .valueStream()
                        .filter(m -> !m.get("purpose").asString().equals("CONFIRMATION")))
                .isEmpty();
    }

    @Test
    void aWrongOrMissingSignatureIsRefused() throws Exception {
        TestBusiness business = api.createBusiness("WhatsApp signed");
        String body = textMessage(business.phoneNumber(), "wamid." + UUID.randomUUID(), "Hello");
        postSigned(body, sign("another-secret", body), 403);
        postSigned(body, null, 403);
        postSigned(body, sign(APP_SECRET, body + " "), 403);
        Thread.sleep(300);
        graph.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void statusUpdatesOtherMessageTypesAndUnknownNumbersAreAcknowledgedAndIgnored() throws Exception {
        TestBusiness business = api.createBusiness("WhatsApp quiet");
        postSigned(statusUpdate(business.phoneNumber()));
        postSigned(imageMessage(business.phoneNumber()));
        postSigned(textMessage("+16175550000", "wamid." + UUID.randomUUID(), "Anyone there?"));
        postSigned("{\"object\": \"whatsapp_business_account\", \"entry\": []}");
        Thread.sleep(700);
        graph.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void aNewlineInAWebhookFieldCannotWriteAFakeLineIntoTheLog(CapturedOutput output) throws Exception {
        String forgedLine = "2026-11-23T13:00:00.000Z ERROR 1 --- [frontdesk] FORGED admin key leaked";
        String body = textMessage("+16175550000", "wamid." + UUID.randomUUID(), "Hello")
                .replace(
                        "\"display_phone_number\": \"16175550000\"",
                        "\"display_phone_number\": \"16175550000\\n" + forgedLine + "\"");
        assertThat(body).contains("\\n" + forgedLine);
        postSigned(body);
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("no active business"));
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith(forgedLine));
        assertThat(output.getOut()).contains("16175550000_" + forgedLine.substring(0, 40));
    }

    @Test
    void aMessageWhoseProcessDiedBeforeAnsweringIsAnsweredByTheRecoveryJob() throws Exception {
        TestBusiness business = api.createBusiness("WhatsApp crash-safe");
        String messageId = "wamid.crashed-" + UUID.randomUUID();
        // what a process killed after acknowledging the webhook leaves behind: a claimed, unanswered message
        jdbc.sql("INSERT INTO whatsapp_seen_message (message_id, received_at, display_number, phone_number_id,"
                        + " sender, body, claimed_at) VALUES (:id, :at, :display, :numberId, :sender, :body, :at)")
                .param("id", messageId)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5))
                .param("display", business.phoneNumber().substring(1))
                .param("numberId", PHONE_NUMBER_ID)
                .param("sender", SENDER)
                .param("body", "Hi, what are your opening hours?")
                .update();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH))));
        graph.verify(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(SENDER))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT body IS NULL AND answered_at IS NOT NULL FROM whatsapp_seen_message"
                                + " WHERE message_id = :id")
                        .param("id", messageId)
                        .query(Boolean.class)
                        .single());
        // answered once: later runs of the job leave it alone
        Thread.sleep(2500);
        graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }
}
