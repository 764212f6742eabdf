package dev.frontdesk.scheduling.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Zoom adapter against a stub that answers with Zoom's documented JSON. */
class ZoomMeetingsTest {

    @RegisterExtension
    static final WireMockExtension zoom = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String TOKEN = "/oauth/token";
    static final String MEETINGS = "/v2/users/me/meetings";
    static final Instant THREE_PM_UTC = Instant.parse("2026-11-24T15:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));

    @Test
    void aMeetingIsScheduledWithZoomsBodyAndItsNumericIdKeptAsText() {
        stubToken("token-1");
        stubCreated();

        Meeting meeting = zoom().create("Consultation with Ana Lima", THREE_PM_UTC, Duration.ofMinutes(60), NEW_YORK);

        assertThat(meeting).isEqualTo(new Meeting("85746065432", "https://zoom.us/j/85746065432?pwd=abc123"));
        zoom.verify(postRequestedFor(urlPathEqualTo(MEETINGS))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"topic": "Consultation with Ana Lima", "type": 2, "start_time": "2026-11-24T15:00:00Z",
                         "duration": 60, "timezone": "America/New_York"}
                        """)));
    }

    @Test
    void theTokenComesFromAccountCredentialsWithBasicAuthAndServesTwoMeetings() {
        stubToken("token-1");
        stubCreated();
        ZoomMeetings meetings = zoom();

        meetings.create("First", THREE_PM_UTC, Duration.ofMinutes(30), NEW_YORK);
        meetings.create("Second", THREE_PM_UTC.plusSeconds(3600), Duration.ofMinutes(30), NEW_YORK);

        String basic = Base64.getEncoder().encodeToString("client-1:secret-1".getBytes(StandardCharsets.UTF_8));
        zoom.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        zoom.verify(postRequestedFor(urlPathEqualTo(TOKEN))
                .withQueryParam("grant_type", equalTo("account_credentials"))
                .withQueryParam("account_id", equalTo("account-1"))
                .withHeader("Authorization", equalTo("Basic " + basic)));
        zoom.verify(
                2, postRequestedFor(urlPathEqualTo(MEETINGS)).withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void aTokenIsReplacedShortlyBeforeItExpires() {
        stubToken("token-1");
        stubCreated();
        ZoomMeetings meetings = zoom();

        meetings.create("First", THREE_PM_UTC, Duration.ofMinutes(30), NEW_YORK);
        clock.advance(Duration.ofSeconds(3599 - 90));
        meetings.create("Still cached", THREE_PM_UTC, Duration.ofMinutes(30), NEW_YORK);
        zoom.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));

        clock.advance(Duration.ofSeconds(60));
        meetings.create("Refreshed", THREE_PM_UTC, Duration.ofMinutes(30), NEW_YORK);
        zoom.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void concurrentCallersShareOneTokenRequest() throws Exception {
        zoom.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(tokenJson("token-1").withFixedDelay(300)));
        stubCreated();
        ZoomMeetings meetings = zoom();
        List<Callable<Meeting>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> meetings.create("Parallel", THREE_PM_UTC, Duration.ofMinutes(30), NEW_YORK));
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Meeting> result : pool.invokeAll(calls)) {
                assertThat(result.get().id()).isEqualTo("85746065432");
            }
        }

        zoom.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        zoom.verify(8, postRequestedFor(urlPathEqualTo(MEETINGS)));
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheCallRetried() {
        zoom.stubFor(post(urlPathEqualTo(TOKEN))
                .inScenario("token")
                .whenScenarioStateIs(STARTED)
                .willReturn(tokenJson("revoked-token"))
                .willSetStateTo("second"));
        zoom.stubFor(post(urlPathEqualTo(TOKEN))
                .inScenario("token")
                .whenScenarioStateIs("second")
                .willReturn(tokenJson("token-2")));
        zoom.stubFor(post(urlPathEqualTo(MEETINGS))
                .withHeader("Authorization", equalTo("Bearer revoked-token"))
                .willReturn(invalidToken()));
        stubCreated();
        ZoomMeetings meetings = zoom();

        Meeting meeting = meetings.create("Consultation", THREE_PM_UTC, Duration.ofMinutes(45), NEW_YORK);

        assertThat(meeting.id()).isEqualTo("85746065432");
        zoom.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
        zoom.verify(postRequestedFor(urlPathEqualTo(MEETINGS)).withHeader("Authorization", equalTo("Bearer token-2")));
        meetings.create("Again", THREE_PM_UTC, Duration.ofMinutes(45), NEW_YORK);
        zoom.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void a401AfterAFreshTokenIsAccessDenied() {
        stubToken("token-1");
        zoom.stubFor(post(urlPathEqualTo(MEETINGS)).willReturn(invalidToken()));

        assertThatThrownBy(() -> zoom().create("Consultation", THREE_PM_UTC, Duration.ofMinutes(45), NEW_YORK))
                .isInstanceOf(CalendarAccessDenied.class)
                .hasMessageContaining("re-authorise");
        zoom.verify(2, postRequestedFor(urlPathEqualTo(MEETINGS)));
        zoom.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void wrongAppCredentialsAreAccessDenied() {
        zoom.stubFor(
                post(urlPathEqualTo(TOKEN))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"reason\": \"Invalid client_id or client_secret\", \"error\": \"invalid_client\"}")));

        assertThatThrownBy(() -> zoom().create("Consultation", THREE_PM_UTC, Duration.ofMinutes(45), NEW_YORK))
                .isInstanceOf(CalendarAccessDenied.class)
                .hasMessageNotContaining("secret-1");
    }

    @Test
    void aZoomOutageOrRateLimitIsRetryable() {
        stubToken("token-1");
        zoom.stubFor(post(urlPathEqualTo(MEETINGS))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        zoom.stubFor(
                delete(urlPathEqualTo("/v2/meetings/1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"code\": 429, \"message\": \"You have reached the maximum per-second rate limit\"}")));
        ZoomMeetings meetings = zoom();

        assertThatThrownBy(() -> meetings.create("Consultation", THREE_PM_UTC, Duration.ofMinutes(45), NEW_YORK))
                .isInstanceOf(CalendarUnavailable.class)
                .hasMessageContaining("503");
        assertThatThrownBy(() -> meetings.delete("1")).isInstanceOf(CalendarUnavailable.class);
    }

    @Test
    void anUnreachableZoomIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var settings = new ZoomSettings(
                "account-1",
                "client-1",
                "secret-1",
                "http://localhost:" + closedPort,
                "http://localhost:" + closedPort + "/v2");

        assertThatThrownBy(() -> new ZoomMeetings(settings).create("x", THREE_PM_UTC, Duration.ofMinutes(5), NEW_YORK))
                .isInstanceOf(CalendarUnavailable.class);
    }

    @Test
    void aCancelledMeetingIsDeleted() {
        stubToken("token-1");
        zoom.stubFor(delete(urlPathEqualTo("/v2/meetings/85746065432"))
                .willReturn(aResponse().withStatus(204)));

        zoom().delete("85746065432");

        zoom.verify(deleteRequestedFor(urlPathEqualTo("/v2/meetings/85746065432"))
                .withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void deletingAMeetingThatNoLongerExistsIsFine() {
        stubToken("token-1");
        zoom.stubFor(delete(urlPathEqualTo("/v2/meetings/85746065432"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 3001, \"message\": \"Meeting does not exist: 85746065432.\"}")));

        assertThatCode(() -> zoom().delete("85746065432")).doesNotThrowAnyException();
    }

    @Test
    void partOfAMinuteCountsAsAMinuteAndUtcIsNamed() {
        stubToken("token-1");
        stubCreated();

        zoom().create("Short", THREE_PM_UTC.plusMillis(400), Duration.ofSeconds(10 * 60 + 1), ZoneOffset.UTC);

        zoom.verify(postRequestedFor(urlPathEqualTo(MEETINGS))
                .withRequestBody(equalToJson(
                        "{\"duration\": 11, \"start_time\": \"2026-11-24T15:00:00Z\", \"timezone\": \"UTC\"}",
                        false,
                        true)));
    }

    @Test
    void settingsDoNotPrintTheSecret() {
        assertThat(ZoomSettings.of("account-1", "client-1", "secret-1").toString())
                .doesNotContain("secret-1")
                .contains("https://zoom.us", "https://api.zoom.us/v2");
    }

    // --- helpers

    ZoomMeetings zoom() {
        var settings = new ZoomSettings("account-1", "client-1", "secret-1", zoom.baseUrl(), zoom.baseUrl() + "/v2");
        return new ZoomMeetings(settings, clock);
    }

    static void stubToken(String token) {
        zoom.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(tokenJson(token)));
    }

    static ResponseDefinitionBuilder tokenJson(String token) {
        return okJson("""
                {"access_token": "%s", "token_type": "bearer", "expires_in": 3599,
                 "scope": "meeting:write:meeting:admin meeting:delete:meeting:admin", "api_url": "https://api.zoom.us"}
                """.formatted(token));
    }

    static ResponseDefinitionBuilder invalidToken() {
        return aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 124, \"message\": \"Invalid access token.\"}");
    }

    static void stubCreated() {
        zoom.stubFor(post(urlPathEqualTo(MEETINGS))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(created()));
        zoom.stubFor(post(urlPathEqualTo(MEETINGS))
                .withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(created()));
    }

    static ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                {
                  "uuid": "aDYlohsHRtCd4ii1uC2+hA==",
                  "id": 85746065432,
                  "host_id": "ABcdofjdogh11111",
                  "host_email": "owner@salon.example",
                  "topic": "Consultation with Ana Lima",
                  "type": 2,
                  "status": "waiting",
                  "start_time": "2026-11-24T15:00:00Z",
                  "duration": 60,
                  "timezone": "America/New_York",
                  "created_at": "2026-11-20T12:00:00Z",
                  "start_url": "https://zoom.us/s/85746065432?zak=xxx",
                  "join_url": "https://zoom.us/j/85746065432?pwd=abc123",
                  "password": "abc123",
                  "settings": {"host_video": false, "participant_video": false, "waiting_room": true}
                }
                """);
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
