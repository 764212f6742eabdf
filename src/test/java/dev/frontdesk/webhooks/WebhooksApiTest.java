package dev.frontdesk.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outgoing webhooks against a receiver (WireMock): signed so the receiver can check them, retried after
 * a failure, logged, replayed. Private addresses are allowed here, as in local development.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.webhooks.allow-private=true",
            "frontdesk.webhooks.retry-delay=1s",
            "frontdesk.webhooks.max-attempts=3",
            "frontdesk.jobs.polling-interval=100ms"
        })
class WebhooksApiTest {

    static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void reset() {
        receiver.resetAll();
    }

    JsonNode register(TestBusiness business, String path, String... events) {
        String body = json.writeValueAsString(java.util.Map.of("url", receiver.baseUrl() + path, "events", events));
        return api.read(api.perform(
                api.as(
                                business,
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/webhooks"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                201));
    }

    /** Creates a lead and moves its status, which publishes lead.status_changed. */
    String changeALeadsStatus(TestBusiness business, String phone) {
        String id = api.read(api.perform(
                        api.as(
                                        business,
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/customers"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Dana\", \"phone\": \"" + phone + "\", \"lead\": true}"),
                        201))
                .get("id")
                .asString();
        api.patchJson("/api/customers/" + id, business, "{\"status\": \"CONTACTED\"}", 200);
        return id;
    }

    List<LoggedRequest> received(String path, int atLeast) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        receiver.findAll(postRequestedFor(urlPathEqualTo(path))).size() >= atLeast);
        return receiver.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    JsonNode deliveries(TestBusiness business, String webhookId) {
        return api.getJson("/api/webhooks/" + webhookId + "/deliveries", business, 200);
    }

    /** What a receiver does: recompute HMAC-SHA256(secret, t + "." + body) and compare. */
    static boolean signatureHolds(String header, String secret, String body) throws Exception {
        String t = header.replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1");
        String v1 = header.replaceAll("^t=\\d+,v1=([0-9a-f]{64})$", "$1");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return java.security.MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII))
                && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
    }

    @Test
    void aDeliveryIsSignedSoTheReceiverCanCheckIt() throws Exception {
        receiver.stubFor(post("/signed").willReturn(aResponse().withStatus(204)));
        var business = api.createBusiness("Signed hooks");
        JsonNode webhook = register(business, "/signed", "lead.status_changed");
        String secret = webhook.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        String customerId = changeALeadsStatus(business, "+16175550801");

        LoggedRequest request = received("/signed", 1).getFirst();
        String body = request.getBodyAsString();
        assertThat(signatureHolds(request.getHeader("X-Frontdesk-Signature"), secret, body))
                .isTrue();
        assertThat(signatureHolds(request.getHeader("X-Frontdesk-Signature"), secret, body + " "))
                .as("a changed body does not verify")
                .isFalse();
        assertThat(signatureHolds(request.getHeader("X-Frontdesk-Signature"), "whsec_wrong", body))
                .isFalse();
        assertThat(request.getHeader("X-Frontdesk-Event")).isEqualTo("lead.status_changed");
        JsonNode payload = json.readTree(body);
        assertThat(payload.get("type").asString()).isEqualTo("lead.status_changed");
        assertThat(payload.get("businessId").asString()).isEqualTo(business.id());
        assertThat(payload.at("/data/customerId").asString()).isEqualTo(customerId);
        assertThat(payload.at("/data/from").asString()).isEqualTo("NEW");
        assertThat(payload.at("/data/to").asString()).isEqualTo("CONTACTED");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode log = deliveries(business, webhook.get("id").asString());
            assertThat(log.at("/items/0/status").asString()).isEqualTo("DELIVERED");
        });
        JsonNode log = deliveries(business, webhook.get("id").asString());
        assertThat(log.get("total").asInt()).isEqualTo(1);
        assertThat(log.at("/items/0/attempts").asInt()).isEqualTo(1);
        assertThat(log.at("/items/0/responseStatus").asInt()).isEqualTo(204);
        assertThat(log.at("/items/0/id").asString()).isEqualTo(request.getHeader("X-Frontdesk-Delivery"));
        assertThat(log.at("/items/0/payload").asString()).isEqualTo(body);
    }

    @Test
    void aDeliveryAnswered500IsRetriedLaterAndThenDelivered() {
        receiver.stubFor(post("/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        receiver.stubFor(post("/flaky")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        var business = api.createBusiness("Flaky receiver");
        JsonNode webhook = register(business, "/flaky", "lead.status_changed");
        changeALeadsStatus(business, "+16175550802");

        List<LoggedRequest> requests = received("/flaky", 2);
        assertThat(requests.get(0).getBodyAsString()).isEqualTo(requests.get(1).getBodyAsString());
        assertThat(Duration.between(
                        requests.get(0).getLoggedDate().toInstant(),
                        requests.get(1).getLoggedDate().toInstant()))
                .as("the retry waits the retry delay")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode item = deliveries(business, webhook.get("id").asString()).at("/items/0");
            assertThat(item.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(item.get("attempts").asInt()).isEqualTo(2);
        });
    }

    @Test
    void aDeliveryThatKeepsFailingIsFailedAfterTheLastAttempt() {
        receiver.stubFor(post("/down").willReturn(aResponse().withStatus(503)));
        var business = api.createBusiness("Down receiver");
        JsonNode webhook = register(business, "/down", "lead.status_changed");
        changeALeadsStatus(business, "+16175550803");

        received("/down", 3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode item = deliveries(business, webhook.get("id").asString()).at("/items/0");
            assertThat(item.get("status").asString()).isEqualTo("FAILED");
            assertThat(item.get("attempts").asInt()).isEqualTo(3);
            assertThat(item.get("responseStatus").asInt()).isEqualTo(503);
            assertThat(item.get("error").asString()).isEqualTo("the endpoint answered HTTP 503");
        });
    }

    @Test
    void aLoggedDeliveryCanBeReplayed() {
        receiver.stubFor(post("/replayed").willReturn(aResponse().withStatus(200)));
        var business = api.createBusiness("Replayer");
        JsonNode webhook = register(business, "/replayed", "lead.status_changed");
        String webhookId = webhook.get("id").asString();
        changeALeadsStatus(business, "+16175550804");
        received("/replayed", 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> deliveries(business, webhookId)
                        .at("/items/0/status")
                        .asString()
                        .equals("DELIVERED"));
        String original = deliveries(business, webhookId).at("/items/0/id").asString();

        JsonNode replay = api.read(api.perform(
                api.as(
                        business,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/webhooks/" + webhookId + "/deliveries/" + original + "/replay")),
                202));
        assertThat(replay.get("replayOf").asString()).isEqualTo(original);
        assertThat(replay.get("status").asString()).isEqualTo("PENDING");

        List<LoggedRequest> requests = received("/replayed", 2);
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(requests.get(1).getHeader("X-Frontdesk-Delivery"))
                .isEqualTo(replay.get("id").asString());
        assertThat(signatureHoldsQuietly(requests.get(1), webhook.get("secret").asString()))
                .isTrue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> deliveries(business, webhookId).get("total").asInt() == 2
                        && deliveries(business, webhookId)
                                .at("/items/0/status")
                                .asString()
                                .equals("DELIVERED"));
    }

    @Test
    void aBookingIsDeliveredAsAppointmentBooked() {
        receiver.stubFor(post("/bookings").willReturn(aResponse().withStatus(200)));
        var business = api.createBusiness("Booked hooks");
        register(business, "/bookings", "appointment.booked", "appointment.cancelled");
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2);
        while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
            day = day.plusDays(1);
        }
        String start = api.getJson("/api/availability?date=" + day + "&service=Drain cleaning", business, 200)
                .at("/slots/0/start")
                .asString();
        String appointmentId = api.read(api.perform(
                        api.as(
                                        business,
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"service\": \"Drain cleaning\", \"start\": \"" + start
                                        + "\", \"customer\": {\"name\": \"Dana Smith\", \"phone\": \"+16175550805\"}}"),
                        201))
                .get("id")
                .asString();

        JsonNode payload = json.readTree(received("/bookings", 1).getFirst().getBodyAsString());
        assertThat(payload.get("type").asString()).isEqualTo("appointment.booked");
        assertThat(payload.at("/data/appointmentId").asString()).isEqualTo(appointmentId);
        assertThat(payload.at("/data/service").asString()).isEqualTo("Drain cleaning");
        assertThat(payload.at("/data/customer/phone").asString()).isEqualTo("+16175550805");
    }

    @Test
    void aRescheduleAndACancellationAreDeliveredSignedWithTheAppointmentAsDocumented() throws Exception {
        receiver.stubFor(post("/changes").willReturn(aResponse().withStatus(200)));
        var business = api.createBusiness("Changed hooks");
        JsonNode webhook = register(business, "/changes", "appointment.rescheduled", "appointment.cancelled");
        String secret = webhook.get("secret").asString();
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2);
        while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
            day = day.plusDays(1);
        }
        JsonNode slots = api.getJson("/api/availability?date=" + day + "&service=Drain cleaning", business, 200)
                .get("slots");
        String first = slots.at("/0/start").asString();
        String later = slots.at("/2/start").asString();
        String appointmentId = api.read(api.perform(
                        api.as(
                                        business,
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"service\": \"Drain cleaning\", \"start\": \"" + first
                                        + "\", \"customer\": {\"name\": \"Dana Smith\", \"phone\": \"+16175550806\","
                                        + " \"email\": \"dana@example.com\"}}"),
                        201))
                .get("id")
                .asString();
        JsonNode moved = api.read(api.perform(
                api.as(
                                business,
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/appointments/" + appointmentId + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"" + later + "\"}"),
                200));
        LoggedRequest rescheduled = received("/changes", 1).getFirst();
        api.perform(
                api.as(
                        business,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/appointments/" + appointmentId + "/cancel")),
                200);
        LoggedRequest cancelled = received("/changes", 2).get(1);

        for (LoggedRequest request : List.of(rescheduled, cancelled)) {
            assertThat(signatureHolds(request.getHeader("X-Frontdesk-Signature"), secret, request.getBodyAsString()))
                    .isTrue();
        }
        assertThat(rescheduled.getHeader("X-Frontdesk-Event")).isEqualTo("appointment.rescheduled");
        assertThat(cancelled.getHeader("X-Frontdesk-Event")).isEqualTo("appointment.cancelled");

        JsonNode r = json.readTree(rescheduled.getBodyAsString());
        assertThat(r.get("type").asString()).isEqualTo("appointment.rescheduled");
        assertThat(r.get("businessId").asString()).isEqualTo(business.id());
        assertThat(r.get("id").asString()).isNotBlank();
        assertThat(r.get("createdAt").asString()).isNotBlank();
        JsonNode data = r.get("data");
        assertThat(data.get("appointmentId").asString()).isEqualTo(appointmentId);
        assertThat(data.get("service").asString()).isEqualTo("Drain cleaning");
        assertThat(Instant.parse(data.get("start").asString())).isEqualTo(Instant.parse(later));
        assertThat(Instant.parse(data.get("end").asString()))
                .isEqualTo(Instant.parse(moved.get("end").asString()));
        assertThat(Instant.parse(data.get("previousStart").asString())).isEqualTo(Instant.parse(first));
        assertThat(data.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(data.get("emergency").asBoolean()).isFalse();
        assertThat(data.has("staffId")).isTrue();
        assertThat(data.at("/customer/name").asString()).isEqualTo("Dana Smith");
        assertThat(data.at("/customer/phone").asString()).isEqualTo("+16175550806");
        assertThat(data.at("/customer/email").asString()).isEqualTo("dana@example.com");
        assertThat(data.get("channel").asString()).isEqualTo("API");

        JsonNode c = json.readTree(cancelled.getBodyAsString());
        assertThat(c.get("type").asString()).isEqualTo("appointment.cancelled");
        assertThat(c.get("businessId").asString()).isEqualTo(business.id());
        assertThat(c.get("id").asString()).isNotEqualTo(r.get("id").asString());
        assertThat(c.at("/data/appointmentId").asString()).isEqualTo(appointmentId);
        assertThat(c.at("/data/status").asString()).isEqualTo("CANCELLED");
        assertThat(Instant.parse(c.at("/data/start").asString())).isEqualTo(Instant.parse(later));
        assertThat(c.get("data").has("previousStart")).isFalse();
        assertThat(c.at("/data/customer/phone").asString()).isEqualTo("+16175550806");

        // only the events the webhook asked for: the booking itself was not delivered
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode log = deliveries(business, webhook.get("id").asString());
            assertThat(log.get("items").findValuesAsString("status")).containsOnly("DELIVERED");
            assertThat(log.get("total").asInt()).isEqualTo(2);
        });
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/changes"))))
                .hasSize(2);
    }

    @Test
    void theSecretIsShownOnceAndADeletedWebhookIsGone() {
        var business = api.createBusiness("Hook keeper");
        JsonNode webhook = register(business, "/kept", "lead.status_changed", "message.taken");
        String id = webhook.get("id").asString();
        JsonNode list = api.getJson("/api/webhooks", business, 200);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0").has("secret")).isFalse();
        assertThat(list.at("/items/0/events").findValuesAsString("events")).isEmpty();
        assertThat(list.at("/items/0/events").size()).isEqualTo(2);
        assertThat(api.getJson("/api/webhooks/" + id, business, 200).has("secret"))
                .isFalse();

        var other = api.createBusiness("Hook snoop");
        api.perform(api.as(other, get("/api/webhooks/" + id + "/deliveries")), 404);
        api.perform(api.as(other, delete("/api/webhooks/" + id)), 404);

        api.perform(api.as(business, delete("/api/webhooks/" + id)), 204);
        api.perform(api.as(business, get("/api/webhooks/" + id)), 404);
        assertThat(api.getJson("/api/webhooks", business, 200).get("total").asInt())
                .isZero();
    }

    private static boolean signatureHoldsQuietly(LoggedRequest request, String secret) {
        try {
            return signatureHolds(request.getHeader("X-Frontdesk-Signature"), secret, request.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
