package dev.frontdesk.scheduling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.time.Duration;
import java.time.Instant;
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

/**
 * Google Meet links: with the {@code google_meet} meetings provider, each appointment's Google Calendar
 * event carries its own Meet conference (WireMock plays Google with its documented JSON). Monday
 * 2026-11-23 08:00 in New York.
 */
@ApiTest
@TestPropertySource(properties = {"frontdesk.jobs.polling-interval=100ms", "frontdesk.scheduling.sync-retry-delay=1m"})
class GoogleMeetLinksTest {

    static final String EVENTS = "/calendar/v3/calendars/primary/events";
    static final String LINK = "https://meet.google.com/abc-defg-hij";
    static final WireMockServer google = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        google.start();
    }

    @AfterAll
    static void stopGoogle() {
        google.stop();
    }

    @DynamicPropertySource
    static void googleUrls(DynamicPropertyRegistry registry) {
        registry.add("frontdesk.scheduling.google-root-url", () -> google.baseUrl() + "/");
        registry.add("frontdesk.scheduling.google-token-server", () -> google.baseUrl() + "/token");
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
        google.resetAll();
        google.stubFor(post("/token")
                .willReturn(okJson(
                        "{\"access_token\": \"ya29.test-token\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        google.stubFor(post(urlPathEqualTo("/calendar/v3/freeBusy")).willReturn(okJson("""
                        {"kind": "calendar#freeBusy", "calendars": {"primary": {"busy": []}}}""")));
    }

    /** An event as Google answers with conferenceDataVersion=1, its Meet conference in the given state. */
    static String meetEvent(String id, String status, boolean withLink) {
        String entryPoints = withLink
                ? "\"entryPoints\": [{\"entryPointType\": \"video\", \"uri\": \"" + LINK
                        + "\", \"label\": \"meet.google.com/abc-defg-hij\"}],"
                : "";
        return """
                {"kind": "calendar#event", "id": "%s", "status": "confirmed", %s
                 "conferenceData": {%s
                   "createRequest": {"requestId": "r", "conferenceSolutionKey": {"type": "hangoutsMeet"},
                                     "status": {"statusCode": "%s"}},
                   "conferenceSolution": {"key": {"type": "hangoutsMeet"}, "name": "Google Meet"},
                   "conferenceId": "abc-defg-hij"}}""".formatted(id, withLink ? "\"hangoutLink\": \"" + LINK + "\"," : "", entryPoints, status);
    }

    private void connectGoogle(TestBusiness business) {
        api.perform(
                api.as(business, put("/api/integrations/calendar"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"google\", \"oauth\": {\"clientId\": \"client-1\", \"clientSecret\":"
                                + " \"secret-1\", \"refreshToken\": \"1//refresh-me\"}}"),
                200);
    }

    private JsonNode useGoogleMeet(TestBusiness business, int status) {
        return api.read(api.perform(
                api.as(business, put("/api/integrations/meetings"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"google_meet\"}"),
                status));
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

    private void act(TestBusiness business, String id, String action, String body) {
        var request = api.as(
                        business,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/appointments/" + id + "/" + action))
                .contentType(MediaType.APPLICATION_JSON);
        api.perform(body == null ? request : request.content(body), 200);
    }

    private String meetingLink(TestBusiness business, String id) {
        return api.getJson("/api/appointments/" + id, business, 200)
                .path("meetingLink")
                .asString("");
    }

    private Map<String, Object> syncState(String id) {
        return jdbc.sql("SELECT external_event_id, meeting_id, synced_sequence FROM appointment"
                        + " WHERE id = CAST(:id AS UUID)")
                .param("id", id)
                .query()
                .singleRow();
    }

    private JsonNode emails(TestBusiness business) {
        return api.getJson("/api/outbox?channel=EMAIL", business, 200).get("items");
    }

    @Test
    void aBookingWithGoogleMeetGetsOneEventWhoseMeetLinkReachesTheAppointmentAndTheInvite() {
        var business = api.createBusiness("Meet user");
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(meetEvent("evt-meet", "success", true))));
        google.stubFor(
                post(urlPathEqualTo(EVENTS + "/evt-meet")).willReturn(okJson(meetEvent("evt-meet", "success", true))));
        google.stubFor(delete(urlPathEqualTo(EVENTS + "/evt-meet"))
                .willReturn(aResponse().withStatus(204)));
        connectGoogle(business);
        JsonNode integrations = useGoogleMeet(business, 200);
        assertThat(integrations.at("/meetings/provider").asString()).isEqualTo("google_meet");

        String id = book(business, "2026-11-24T13:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> meetingLink(business, id), LINK::equals);
        assertThat(api.getJson("/api/appointments", business, 200).toString()).contains(LINK);

        google.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
        google.verify(postRequestedFor(urlPathEqualTo(EVENTS))
                .withQueryParam("conferenceDataVersion", equalTo("1"))
                .withRequestBody(matchingJsonPath("$.conferenceData.createRequest.requestId", equalTo(id)))
                .withRequestBody(matchingJsonPath(
                        "$.conferenceData.createRequest.conferenceSolutionKey.type", equalTo("hangoutsMeet")))
                .withRequestBody(matchingJsonPath("$.attendees[0].email", equalTo("dana@example.com")))
                .withRequestBody(containing("2026-11-24T13:00:00.000-05:00")));
        google.verify(0, getRequestedFor(urlPathEqualTo(EVENTS + "/evt-meet")));
        assertThat(syncState(id))
                .as("the calendar event is the meeting")
                .containsEntry("external_event_id", "evt-meet")
                .containsEntry("meeting_id", "evt-meet");

        await().atMost(Duration.ofSeconds(30)).until(() -> emails(business).size() == 1);
        JsonNode email = emails(business).get(0);
        assertThat(email.get("body").asString()).contains("Join: " + LINK);
        assertThat(email.at("/attachments/0/content").asString()).contains("LOCATION:" + LINK);

        act(business, id, "reschedule", "{\"start\": \"2026-11-24T14:00\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> google
                        .findAll(postRequestedFor(urlPathEqualTo(EVENTS + "/evt-meet"))
                                .withHeader("X-HTTP-Method-Override", equalTo("PATCH")))
                        .stream()
                        .anyMatch(r -> r.getBodyAsString().contains("2026-11-24T14:00:00.000-05:00")));
        google.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(meetingLink(business, id))
                .as("the meeting moves with its event")
                .isEqualTo(LINK);

        act(business, id, "cancel", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> syncState(id).get("external_event_id") == null
                        && syncState(id).get("meeting_id") == null);
        google.verify(1, deleteRequestedFor(urlPathEqualTo(EVENTS + "/evt-meet")));
    }

    @Test
    void aMeetConferenceGoogleIsStillCreatingIsReadBackUntilItHasItsLink() {
        var business = api.createBusiness("Patient Meet user");
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(meetEvent("evt-slow", "pending", false))));
        google.stubFor(get(urlPathEqualTo(EVENTS + "/evt-slow"))
                .inScenario("conference")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(meetEvent("evt-slow", "pending", false)))
                .willSetStateTo("created"));
        google.stubFor(get(urlPathEqualTo(EVENTS + "/evt-slow"))
                .inScenario("conference")
                .whenScenarioStateIs("created")
                .willReturn(okJson(meetEvent("evt-slow", "success", true).replace("\"hangoutLink\"", "\"x\""))));
        connectGoogle(business);
        useGoogleMeet(business, 200);

        String id = book(business, "2026-11-24T13:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> meetingLink(business, id), LINK::equals);

        google.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
        google.verify(2, getRequestedFor(urlPathEqualTo(EVENTS + "/evt-slow")));
        await().atMost(Duration.ofSeconds(30)).until(() -> emails(business).size() == 1);
        assertThat(emails(business).get(0).get("body").asString()).contains("Join: " + LINK);
        assertThat(syncState(id))
                .containsEntry("external_event_id", "evt-slow")
                .containsEntry("meeting_id", "evt-slow");
    }

    @Test
    void aConferenceStillPendingAfterTheReadsIsFetchedByALaterRound() {
        var business = api.createBusiness("Very patient Meet user");
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(meetEvent("evt-later", "pending", false))));
        google.stubFor(get(urlPathEqualTo(EVENTS + "/evt-later"))
                .inScenario("slow conference")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(meetEvent("evt-later", "pending", false)))
                .willSetStateTo("read once"));
        google.stubFor(get(urlPathEqualTo(EVENTS + "/evt-later"))
                .inScenario("slow conference")
                .whenScenarioStateIs("read once")
                .willReturn(okJson(meetEvent("evt-later", "pending", false)))
                .willSetStateTo("read twice"));
        google.stubFor(get(urlPathEqualTo(EVENTS + "/evt-later"))
                .inScenario("slow conference")
                .whenScenarioStateIs("read twice")
                .willReturn(okJson(meetEvent("evt-later", "pending", false)))
                .willSetStateTo("created"));
        google.stubFor(get(urlPathEqualTo(EVENTS + "/evt-later"))
                .inScenario("slow conference")
                .whenScenarioStateIs("created")
                .willReturn(okJson(meetEvent("evt-later", "success", true))));
        connectGoogle(business);
        useGoogleMeet(business, 200);

        String id = book(business, "2026-11-24T13:00");
        // the round that read three pending answers failed and its retry is due a minute later
        await().atMost(Duration.ofSeconds(30)).until(() -> failedSyncs(business, id) == 1);
        assertThat(meetingLink(business, id)).isEmpty();
        assertThat(emails(business))
                .as("no confirmation before the link exists")
                .isEmpty();
        assertThat(syncState(id)).containsEntry("external_event_id", "evt-later");

        clock.set(Instant.parse("2026-11-23T13:02:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> meetingLink(business, id), LINK::equals);
        google.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
        google.verify(4, getRequestedFor(urlPathEqualTo(EVENTS + "/evt-later")));
        await().atMost(Duration.ofSeconds(30)).until(() -> emails(business).size() == 1);
        assertThat(emails(business).get(0).get("body").asString()).contains("Join: " + LINK);
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

    @Test
    void whenGoogleMakesNoConferenceTheCustomerIsStillConfirmedAndTheOwnerIsTold() {
        var business = api.createBusiness("Meet not allowed");
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(meetEvent("evt-plain", "failure", false))));
        connectGoogle(business);
        useGoogleMeet(business, 200);

        String id = book(business, "2026-11-24T13:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> emails(business).size() == 1);
        assertThat(emails(business).get(0).get("body").asString()).doesNotContain("Join:");
        assertThat(meetingLink(business, id)).isEmpty();
        assertThat(syncState(id))
                .containsEntry("external_event_id", "evt-plain")
                .containsEntry("meeting_id", null);
        assertThat(api.getJson("/api/integrations", business, 200)
                        .at("/lastError/message")
                        .asString())
                .startsWith("Google Meet did not create a meeting");
        google.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void googleMeetIsRefusedWithoutAGoogleCalendarAndEndsWithIt() {
        var business = api.createBusiness("No calendar yet");

        JsonNode problem = useGoogleMeet(business, 400);
        assertThat(problem.get("type").asString()).contains("google-calendar-required");
        assertThat(problem.get("detail").asString()).contains("Google Calendar");
        assertThat(api.getJson("/api/integrations", business, 200)
                        .at("/meetings/provider")
                        .asString())
                .isEqualTo("none");

        connectGoogle(business);
        useGoogleMeet(business, 200);
        api.perform(
                api.as(business, put("/api/integrations/calendar"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"internal\"}"),
                200);
        assertThat(api.getJson("/api/integrations", business, 200)
                        .at("/meetings/provider")
                        .asString())
                .as("Meet links live on the Google calendar's events")
                .isEqualTo("none");
    }
}
