package dev.frontdesk.telephony;

import static dev.frontdesk.telephony.TwilioClient.sms;
import static dev.frontdesk.telephony.TwilioClient.spoken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.frontdesk.messaging.Messages;
import dev.frontdesk.shared.PhoneNumber;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Text messages through Twilio's SMS webhook: carrier keywords, assistant turns, redeliveries. */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.telephony.auth-token=" + TwilioClient.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + TwilioClient.PUBLIC_BASE_URL,
            // the twelve texts at once test one conversation's order, not overload: on a loaded machine a
            // 750 ms queue shed some of them (answered later as texts of their own, by design; see
            // OverloadSheddingTest), which is not what this class is about
            "frontdesk.telephony.turn-queue-timeout=30s"
        })
class SmsWebhooksTest {

    static final String TEXTER = "+16175550188";

    @Autowired
    TestApi api;

    @Autowired
    Messages messages;

    @Autowired
    JdbcClient jdbc;

    TwilioClient twilio;

    @BeforeEach
    void client() {
        twilio = new TwilioClient(api, TwilioClient.AUTH_TOKEN);
    }

    private String text(TestBusiness business, String messageSid, String body) {
        String twiml = twilio.post("/twilio/sms", sms(messageSid, TEXTER, business.phoneNumber(), body), 200);
        System.out.println("TEXTER: " + body + "\n  TWIML: " + twiml);
        return twiml;
    }

    private String text(TestBusiness business, String body) {
        return text(business, TwilioClient.sid("SM"), body);
    }

    private static int messageCount(String twiml) {
        return twiml.split("<Message", -1).length - 1;
    }

    private boolean optedOut(TestBusiness business) {
        return messages.smsOptedOut(BusinessId.parse(business.id()).orElseThrow(), new PhoneNumber(TEXTER));
    }

    @Test
    void aTexterBooksOverAFewMessagesAndARedeliveryHasNoSecondEffect() {
        TestBusiness business = api.createBusiness("Text plumbing");
        String first = text(business, "Hi, can I book a drain cleaning tomorrow at 10? My name is Paul Smith");
        assertThat(messageCount(first)).isEqualTo(1);
        String confirmSid = TwilioClient.sid("SM");
        String booked = text(business, confirmSid, "Yes");
        assertThat(spoken(booked)).containsIgnoringCase("booked");
        assertThat(text(business, confirmSid, "Yes")).isEqualTo(booked);
        assertThat(messageCount(text(business, "no that's all thanks"))).isEqualTo(1);

        JsonNode appointments = api.getJson("/api/appointments", business, 200);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(appointments.at("/items/0/customer/name").asString()).isEqualTo("Paul Smith");
        assertThat(appointments.at("/items/0/customer/phone").asString()).isEqualTo(TEXTER);
        assertThat(api.getJson("/api/conversations?channel=SMS", business, 200)
                        .at("/items/0/outcome")
                        .asString())
                .isEqualTo("BOOKED");
        assertThat(optedOut(business)).isFalse();
    }

    @Test
    void aThanksAfterTheGoodbyeJoinsTheEndedConversationAndIsNotAnswered() {
        TestBusiness business = api.createBusiness("Afterword plumbing");
        assertThat(messageCount(text(business, "what time do you open on saturday?")))
                .isEqualTo(1);
        assertThat(spoken(text(business, "no that's all thanks"))).containsIgnoringCase("bye");

        assertThat(messageCount(text(business, "thx!")))
                .as("no answer to a last word")
                .isZero();
        assertThat(messageCount(text(business, "nope all good 👍"))).isZero();

        JsonNode conversations = api.getJson("/api/conversations?channel=SMS", business, 200);
        assertThat(conversations.get("total").asInt())
                .as("no conversation of its own")
                .isEqualTo(1);
        assertThat(conversations.at("/items/0/outcome").asString()).isEqualTo("ANSWERED");
        JsonNode transcript = api.getJson(
                        "/api/conversations/" + conversations.at("/items/0/id").asString(), business, 200)
                .get("transcript");
        assertThat(transcript.valueStream().map(t -> t.get("text").asString()))
                .as("the last words are in the transcript of the conversation they close")
                .endsWith("thx!", "nope all good 👍");
    }

    @Test
    void aQuestionAfterTheGoodbyeStartsANewConversation() {
        TestBusiness business = api.createBusiness("After the goodbye plumbing");
        text(business, "what time do you open on saturday?");
        text(business, "no that's all thanks");

        assertThat(messageCount(text(business, "thanks, and do you do gutters?")))
                .isEqualTo(1);
        assertThat(api.getJson("/api/conversations?channel=SMS", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aThanksLongAfterTheGoodbyeIsANewText() {
        TestBusiness business = api.createBusiness("Long after plumbing");
        text(business, "what time do you open on saturday?");
        text(business, "no that's all thanks");
        // the goodbye was an hour ago
        assertThat(jdbc.sql("UPDATE conversation SET ended_at = :t WHERE ended_at IS NOT NULL AND business_id = :b")
                        .param("t", OffsetDateTime.parse("2026-11-23T12:00:00Z"))
                        .param("b", java.util.UUID.fromString(business.id()))
                        .update())
                .isEqualTo(1);

        assertThat(messageCount(text(business, "thanks"))).isEqualTo(1);
        assertThat(api.getJson("/api/conversations?channel=SMS", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aRedeliveryArrivingWhileATextIsAnsweredGetsItsAnswerAndTheTextIsHeardOnce() throws Exception {
        // a text is one transaction: its claim is not visible until it commits, so a redelivery that comes
        // meanwhile must wait for it rather than answer the text a second time; one that comes later gets the
        // stored answer
        TestBusiness business = api.createBusiness("Overlapping text retries plumbing");
        text(business, "Hi, can I book a drain cleaning tomorrow at 10? My name is Paul Smith");
        var confirm = sms(TwilioClient.sid("SM"), TEXTER, business.phoneNumber(), "Yes");
        String token = TwilioClient.sid("tok");
        var go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return twilio.post("/twilio/sms", confirm, 200, "I-Twilio-Idempotency-Token", token);
                }));
            }
            go.countDown();
            String first = answers.getFirst().get();
            assertThat(spoken(first)).containsIgnoringCase("booked");
            assertThat(answers.getLast().get()).isEqualTo(first);
            assertThat(twilio.post("/twilio/sms", confirm, 200, "I-Twilio-Idempotency-Token", token))
                    .isEqualTo(first);
        }

        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);
        String conversation = api.getJson("/api/conversations?channel=SMS", business, 200)
                .at("/items/0/id")
                .asString();
        // two texts and two answers: "Yes" heard once
        JsonNode transcript =
                api.getJson("/api/conversations/" + conversation, business, 200).get("transcript");
        assertThat(transcript
                        .valueStream()
                        .filter(t -> t.get("speaker").asString().equals("CALLER"))
                        .map(t -> t.get("text").asString()))
                .containsExactly("Hi, can I book a drain cleaning tomorrow at 10? My name is Paul Smith", "Yes");
        assertThat(transcript).hasSize(4);
        assertThat(sentTo(business, TEXTER))
                .as("no answer sent as a text of its own")
                .isZero();
    }

    @Test
    void stopOptsOutWithOneConfirmationAndStartOptsBackIn() {
        TestBusiness business = api.createBusiness("Quiet plumbing");
        String stop = text(business, "  stop ");
        assertThat(messageCount(stop)).isEqualTo(1);
        assertThat(spoken(stop))
                .isEqualTo("You have been unsubscribed from Quiet plumbing messages. Reply START to resubscribe.");
        assertThat(optedOut(business)).isTrue();

        String start = text(business, "START");
        assertThat(messageCount(start)).isEqualTo(1);
        assertThat(spoken(start)).contains("resubscribed").contains("Quiet plumbing");
        assertThat(optedOut(business)).isFalse();

        // CANCEL alone is a carrier keyword; YES opts back in a texter who opted out
        text(business, "Cancel");
        assertThat(optedOut(business)).isTrue();
        assertThat(spoken(text(business, "yes"))).contains("resubscribed");
        assertThat(optedOut(business)).isFalse();
    }

    @Test
    void helpAnswersWithTheBusinessNameAndNumber() {
        TestBusiness business = api.createBusiness("Helpful plumbing");
        String help = text(business, "HELP");
        assertThat(messageCount(help)).isEqualTo(1);
        assertThat(spoken(help)).contains("Helpful plumbing").contains(business.phoneNumber());
        assertThat(spoken(text(business, "info"))).contains("Helpful plumbing");
    }

    @Test
    void cancelMyAppointmentGoesToTheAssistantNotTheOptOutRegistry() {
        TestBusiness business = api.createBusiness("Careful plumbing");
        String reply = text(business, "cancel my appointment");
        assertThat(messageCount(reply)).isEqualTo(1);
        assertThat(spoken(reply)).doesNotContain("unsubscribed");
        assertThat(optedOut(business)).isFalse();
        assertThat(api.getJson("/api/conversations?channel=SMS", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void textsToAnUnknownNumberOrASuspendedBusinessGetAnEmptyResponse() {
        String unknown = twilio.post("/twilio/sms", sms(TwilioClient.sid("SM"), TEXTER, "+16175550100", "hello"), 200);
        assertThat(unknown).contains("<Response/>").doesNotContain("<Message");

        TestBusiness business = api.createBusiness("Closed plumbing");
        api.perform(
                api.asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/admin/businesses/" + business.id() + "/suspend")),
                200);
        assertThat(text(business, "hello")).contains("<Response/>").doesNotContain("<Message");
    }

    @Test
    void aTextWhoseProcessDiedIsAnsweredWhenTwilioRetriesAndItsOwnerAlertGoesOut() {
        TestBusiness business = api.createBusiness("Crash-safe plumbing");
        String messageSid = TwilioClient.sid("SM");
        // what a process killed while answering this text leaves behind: a claim that never got its answer
        jdbc.sql("INSERT INTO twilio_webhook_reply (request_key, idempotency_token, twiml, created_at)"
                        + " VALUES (:key, NULL, NULL, :at)")
                .param("key", "sms:" + messageSid)
                .param("at", OffsetDateTime.parse("2026-11-23T12:58:00Z"))
                .update();

        text(business, "hello"); // the first turn loads the assistant's model: not what is timed here
        long started = System.nanoTime();
        String retry = text(business, messageSid, "a pipe burst and my kitchen is flooding");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(retry).contains("<Message").doesNotContain("Sorry, something went wrong");

        JsonNode outbox = api.getJson("/api/outbox?channel=SMS", business, 200);
        assertThat(outbox.get("items")
                        .valueStream()
                        .filter(m -> m.get("purpose").asString().equals("OWNER_ALERT")))
                .hasSize(1);
        // and the next redelivery gets the stored answer, without a second alert
        assertThat(text(business, messageSid, "a pipe burst and my kitchen is flooding"))
                .isEqualTo(retry);
        assertThat(api.getJson("/api/outbox?channel=SMS", business, 200)
                        .get("items")
                        .valueStream()
                        .filter(m -> m.get("purpose").asString().equals("OWNER_ALERT")))
                .hasSize(1);
    }

    @Test
    void stopWithPunctuationIsRecordedAsAnOptOutAndRemindersStop() {
        for (String stop : List.of("Stop.", "STOP!", "stop!!!", "\"Stop\"", "Unsubscribe.", " stop 🙏")) {
            TestBusiness business = api.createBusiness("Punctuated plumbing");
            String answer = text(business, stop);
            assertThat(spoken(answer)).as(stop).contains("You have been unsubscribed");
            assertThat(optedOut(business)).as(stop).isTrue();
            assertThat(messages.sendSms(
                            BusinessId.parse(business.id()).orElseThrow(),
                            new PhoneNumber(TEXTER),
                            "Reminder: drain cleaning tomorrow at 10",
                            Messages.Purpose.REMINDER))
                    .as(stop)
                    .isEqualTo(Messages.Delivery.SKIPPED_OPTED_OUT);
        }
        TestBusiness business = api.createBusiness("Sentence plumbing");
        text(business, "stop by tomorrow to fix my sink?");
        assertThat(optedOut(business))
                .as("a sentence that starts with stop is not a keyword")
                .isFalse();
    }

    @Test
    void textsArrivingAtOnceFromANewSenderContinueOneConversationWithEveryTurn() throws Exception {
        TestBusiness business = api.createBusiness("Busy texter plumbing");
        text(business, "hello"); // loads the assistant's model; another sender
        String sender = "+16175550166";
        int texts = 12;
        var go = new CountDownLatch(1);
        List<Future<String>> replies = new ArrayList<>();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < texts; i++) {
                String body = "what time do you open on saturday? (" + i + ")";
                replies.add(senders.submit(() -> {
                    go.await();
                    return twilio.post(
                            "/twilio/sms", sms(TwilioClient.sid("SM"), sender, business.phoneNumber(), body), 200);
                }));
            }
            go.countDown();
            for (var reply : replies) {
                assertThat(reply.get()).doesNotContain("Sorry, something went wrong");
            }
        }
        // one text at a time: each is answered once, as the webhook's reply or, if it waited behind the turn
        // before it, as a text of its own
        long answeredInPlace =
                replies.stream().filter(r -> r.resultNow().contains("<Message")).count();
        assertThat(answeredInPlace).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> answeredInPlace + sentTo(business, sender) == texts);
        Thread.sleep(300); // and no more
        assertThat(answeredInPlace + sentTo(business, sender)).isEqualTo(texts);
        List<JsonNode> fromSender = api.getJson("/api/conversations?channel=SMS&pageSize=100", business, 200)
                .get("items")
                .valueStream()
                .filter(c -> sender.equals(c.path("customerPhone").asString()))
                .toList();
        assertThat(fromSender).as("one conversation for the sender").hasSize(1);
        JsonNode transcript = api.getJson(
                        "/api/conversations/" + fromSender.getFirst().get("id").asString(), business, 200)
                .get("transcript");
        assertThat(transcript
                        .valueStream()
                        .filter(t -> t.get("speaker").asString().equals("CALLER")))
                .hasSize(texts);
        assertThat(transcript
                        .valueStream()
                        .filter(t -> t.get("speaker").asString().equals("ASSISTANT")))
                .hasSize(texts);
        assertThat(transcript.valueStream().map(t -> t.get("seq").asInt()).distinct())
                .hasSize(transcript.size());
    }

    private long sentTo(TestBusiness business, String number) {
        return api.getJson("/api/outbox?channel=SMS&pageSize=100", business, 200)
                .get("items")
                .valueStream()
                .filter(m -> m.get("to").asString().equals(number))
                .count();
    }
}
