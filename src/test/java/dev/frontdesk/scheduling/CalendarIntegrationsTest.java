package dev.frontdesk.scheduling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google Calendar and Zoom, spoken to by the vendors' own client libraries over their wire formats
 * (WireMock plays Google and Zoom). Monday 2026-11-23 08:00 in New York.
 */
@ApiTest
@TestPropertySource(properties = {"frontdesk.jobs.polling-interval=100ms", "frontdesk.scheduling.sync-retry-delay=1m"})
class CalendarIntegrationsTest {

    static final WireMockServer vendors = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        vendors.start();
    }

    @AfterAll
    static void stopVendors() {
        vendors.stop();
    }

    @DynamicPropertySource
    static void vendorUrls(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.scheduling.google-root-url", () -> vendors.baseUrl() + "/");
        registry.add("frontdesk.scheduling.google-token-server", () -> vendors.baseUrl() + "/token");
        registry.add("frontdesk.scheduling.zoom-oauth-url", vendors::baseUrl);
        registry.add("frontdesk.scheduling.zoom-api-url", () -> vendors.baseUrl() + "/v2");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-23T13:00:00Z"));
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void reset() {
        clock.set(Instant.parse("2026-11-23T13:00:00Z"));
        vendors.resetAll();
        vendors.stubFor(post("/token")
                .willReturn(okJson(
                        "{\"access_token\": \"ya29.test-token\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        vendors.stubFor(post(urlPathEqualTo("/calendar/v3/freeBusy")).willReturn(okJson("""
                        {"kind": "calendar#freeBusy", "timeMin": "2026-11-21T05:00:00.000Z", "timeMax": "2026-11-27T05:00:00.000Z",
                         "calendars": {"primary": {"busy": [
                           {"start": "2026-11-24T15:00:00Z", "end": "2026-11-24T16:00:00Z"}]}}}""")));
        vendors.stubFor(post("/oauth/token?grant_type=account_credentials&account_id=acct-1")
                .willReturn(
                        okJson("{\"access_token\": \"zoom-token\", \"token_type\": \"bearer\", \"expires_in\": 3599,"
                                + " \"scope\": \"meeting:write\"}")));
    }

    private void connectGoogle(TestBusiness business) {
        api.perform(
                api.as(business, put("/api/integrations/calendar"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"google\", \"oauth\": {\"clientId\": \"client-1\", \"clientSecret\":"
                                + " \"secret-1\", \"refreshToken\": \"1//refresh-me\"}}"),
                200);
    }

    private String book(TestBusiness business, String start) {
        return api.read(api.perform(
                        api.as(
                                        business,
                                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/appointments"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(AppointmentsApiTest.bookingJson("Drain cleaning", start, "+16175550123")),
                        201))
                .get("id")
                .asString();
    }

    private String externalEventId(String appointment) {
        return jdbc.sql("SELECT external_event_id FROM appointment WHERE id = CAST(:id AS UUID)")
                .param("id", appointment)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Failed tries of the appointment's calendar sync, once the job is back in the queue (0 otherwise). */
    private int failedSyncs(TestBusiness business, String appointment) {
        return jdbc.sql("SELECT consecutive_failures FROM scheduled_tasks WHERE task_name = 'calendar-sync'"
                        + " AND task_instance = :instance AND picked = FALSE")
                .param("instance", business.id() + "/" + appointment)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private List<String> slotStarts(TestBusiness business) {
        return api.getJson("/api/availability?date=2026-11-24&service=Drain cleaning", business, 200)
                .get("slots")
                .valueStream()
                .map(s -> s.get("start").asString())
                .toList();
    }

    @Test
    void googleBusyTimesBlockSlotsAndBookingsBecomeEventsThatMoveAndGo() {
        var business = api.createBusiness("Google user");
        assertThat(slotStarts(business)).contains("2026-11-24T15:00:00Z");
        vendors.stubFor(post(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .willReturn(okJson("{\"kind\": \"calendar#event\", \"id\": \"evt123\", \"status\": \"confirmed\"}")));
        vendors.stubFor(any(urlPathEqualTo("/calendar/v3/calendars/primary/events/evt123"))
                .willReturn(okJson("{\"kind\": \"calendar#event\", \"id\": \"evt123\"}")));

        connectGoogle(business);
        assertThat(slotStarts(business))
                .doesNotContain("2026-11-24T14:30:00Z", "2026-11-24T15:00:00Z", "2026-11-24T15:30:00Z")
                .contains("2026-11-24T14:00:00Z", "2026-11-24T16:00:00Z");
        vendors.verify(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token")));

        String id = book(business, "2026-11-24T13:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> "evt123".equals(externalEventId(id)));
        vendors.verify(postRequestedFor(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer ya29.test-token"))
                .withRequestBody(containing("Drain cleaning"))
                .withRequestBody(containing("dana@example.com"))
                .withRequestBody(containing("2026-11-24T13:00:00.000-05:00")));
        assertThat(slotStarts(business))
                .as("our own event is not counted twice")
                .contains("2026-11-24T19:00:00Z");

        api.perform(
                api.as(
                                business,
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/appointments/" + id + "/reschedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\": \"2026-11-24T14:00\"}"),
                200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> vendors
                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                                urlPathEqualTo("/calendar/v3/calendars/primary/events/evt123")))
                        .stream()
                        .anyMatch(r -> r.getBodyAsString().contains("2026-11-24T14:00:00.000-05:00")));

        api.perform(
                api.as(
                        business,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/appointments/" + id + "/cancel")),
                200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> vendors.verify(
                        deleteRequestedFor(urlPathEqualTo("/calendar/v3/calendars/primary/events/evt123"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> externalEventId(id) == null);
    }

    @Test
    void aGoogleOutageDelaysTheEventButNeverTheBooking() {
        var business = api.createBusiness("Unlucky");
        connectGoogle(business);
        vendors.stubFor(post(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("{\"error\": {\"code\": 503, \"message\": \"Backend Error\"}}"))
                .willSetStateTo("recovered"));
        vendors.stubFor(post(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .inScenario("outage")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"kind\": \"calendar#event\", \"id\": \"evt-late\"}")));

        String id = book(business, "2026-11-24T13:00");
        // the failed try is recorded (and its retry scheduled a minute later) before the clock moves on;
        // moving it earlier would put the retry a minute after the new time, never due
        await().atMost(Duration.ofSeconds(30)).until(() -> failedSyncs(business, id) == 1);
        assertThat(vendors.findAll(postRequestedFor(urlPathEqualTo("/calendar/v3/calendars/primary/events"))))
                .hasSize(1);
        assertThat(externalEventId(id)).isNull();

        clock.set(Instant.parse("2026-11-23T13:02:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "evt-late".equals(externalEventId(id)));
    }

    @Test
    void refusedCredentialsAreShownToTheOwnerAndBookingGoesOn() {
        var business = api.createBusiness("Revoked");
        vendors.stubFor(
                post("/token")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));
        connectGoogle(business);
        assertThat(slotStarts(business)).contains("2026-11-24T15:00:00Z");

        book(business, "2026-11-24T13:00");
        // "lastError": null is present before the failure is recorded: wait for the message itself
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !api.getJson("/api/integrations", business, 200)
                        .at("/lastError/message")
                        .asString("")
                        .isBlank());
        JsonNode integrations = api.getJson("/api/integrations", business, 200);
        assertThat(integrations.at("/calendar/provider").asString()).isEqualTo("google");
        assertThat(integrations.at("/lastError/message").asString())
                .isEqualTo("Google Calendar refused the stored credentials; connect it again")
                .as("nothing the remote host said reaches the client")
                .doesNotContain("400")
                .doesNotContain("invalid_grant");
    }

    @Test
    void zoomLinksAreAddedToAppointmentsAndTheirInvites() {
        var business = api.createBusiness("Video calls");
        vendors.stubFor(post(urlPathEqualTo("/v2/users/me/meetings"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": 85746065432, \"join_url\": \"https://zoom.us/j/85746065432?pwd=abc\","
                                + " \"topic\": \"Drain cleaning\", \"type\": 2}")));
        vendors.stubFor(any(urlPathMatching("/v2/meetings/85746065432"))
                .willReturn(aResponse().withStatus(204)));
        api.perform(
                api.as(business, put("/api/integrations/meetings"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"provider\": \"zoom\", \"accountId\": \"acct-1\", \"clientId\": \"zc\", \"clientSecret\":"
                                        + " \"zs\"}"),
                200);

        String id = book(business, "2026-11-24T13:00");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.getJson("/api/appointments/" + id, business, 200)
                                .path("meetingLink")
                                .asString(""),
                        link -> link.equals("https://zoom.us/j/85746065432?pwd=abc"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.getJson("/api/outbox?channel=EMAIL", business, 200)
                                .get("items")
                                .size()
                        == 1);
        JsonNode email = api.getJson("/api/outbox?channel=EMAIL", business, 200).at("/items/0");
        assertThat(email.get("body").asString()).contains("Join: https://zoom.us/j/85746065432?pwd=abc");
        assertThat(email.at("/attachments/0/content").asString()).contains("LOCATION:https://zoom.us/j/85746065432");
        vendors.verify(postRequestedFor(urlPathEqualTo("/v2/users/me/meetings"))
                .withRequestBody(containing("\"start_time\":\"2026-11-24T18:00:00Z\""))
                .withRequestBody(containing("\"duration\":60")));

        api.perform(
                api.as(
                        business,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/appointments/" + id + "/cancel")),
                200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> vendors.verify(deleteRequestedFor(urlPathEqualTo("/v2/meetings/85746065432"))));
    }

    @Test
    void credentialsAreStoredSealedAndNeverShownAgain() {
        var business = api.createBusiness("Careful owner");
        connectGoogle(business);
        JsonNode shown = api.getJson("/api/integrations", business, 200);
        assertThat(shown.toString()).doesNotContain("secret-1").doesNotContain("refresh-me");
        assertThat(shown.at("/calendar/auth").asString()).isEqualTo("oauth");
        String stored = jdbc.sql(
                        "SELECT calendar_credentials FROM scheduling_integration WHERE business_id = CAST(:b AS UUID)")
                .param("b", business.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("refresh-me").doesNotContain("secret-1");

        for (String bad : List.of(
                "{\"provider\": \"outlook\"}",
                "{\"provider\": \"google\"}",
                "{\"provider\": \"google\", \"serviceAccountKey\": {\"type\": \"user\"}}")) {
            api.perform(
                    api.as(business, put("/api/integrations/calendar"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(bad),
                    400);
        }
        api.perform(
                api.as(business, put("/api/integrations/meetings"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"zoom\"}"),
                400);
        api.perform(
                api.as(business, put("/api/integrations/calendar"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"internal\"}"),
                200);
        assertThat(api.getJson("/api/integrations", business, 200)
                        .at("/calendar/provider")
                        .asString())
                .isEqualTo("internal");
    }

    /** A service account's JSON key, as Google issues it, with this {@code token_uri}. */
    private static String serviceAccountKey(String tokenUri) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of(
                        "type", "service_account",
                        "project_id", "frontdesk-test",
                        "private_key_id", "key-1",
                        "private_key", pem,
                        "client_email", "calendar@frontdesk-test.iam.gserviceaccount.com",
                        "client_id", "1234567890",
                        "token_uri", tokenUri));
    }

    private int connectServiceAccount(TestBusiness business, String tokenUri) throws Exception {
        return api.mvc()
                .perform(api.as(business, put("/api/integrations/calendar"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"google\", \"serviceAccountKey\": " + serviceAccountKey(tokenUri)
                                + "}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aServiceAccountKeyWhoseTokenUriPointsElsewhereIsRefused() throws Exception {
        var business = api.createBusiness("Forged key");
        for (String target : List.of(
                "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token",
                "http://127.0.0.1:5432/",
                "https://attacker.example/token",
                "not a uri")) {
            assertThat(connectServiceAccount(business, target)).as(target).isEqualTo(400);
        }
        assertThat(api.getJson("/api/integrations", business, 200)
                        .at("/calendar/provider")
                        .asString())
                .isEqualTo("internal");
        assertThat(connectServiceAccount(business, "https://oauth2.googleapis.com/token"))
                .isEqualTo(200);
    }

    @Test
    void tokensAreOnlyEverRequestedFromTheGoogleTokenServerWhateverTheKeySays() throws Exception {
        var business = api.createBusiness("Redirected key");
        vendors.stubFor(post("/steal").willReturn(okJson("{\"access_token\": \"stolen\", \"expires_in\": 3600}")));
        assertThat(connectServiceAccount(business, vendors.baseUrl() + "/steal"))
                .isEqualTo(200);

        assertThat(slotStarts(business)).doesNotContain("2026-11-24T15:00:00Z");
        vendors.verify(postRequestedFor(urlPathEqualTo("/token")));
        vendors.verify(0, postRequestedFor(urlPathEqualTo("/steal")));
    }
}
