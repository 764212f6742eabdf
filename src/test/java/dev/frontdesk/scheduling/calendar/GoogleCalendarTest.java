package dev.frontdesk.scheduling.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings.OAuthUserToken;
import dev.frontdesk.scheduling.calendar.GoogleCalendarSettings.ServiceAccountKey;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Google Calendar adapter against a stub that answers with Google's documented JSON. */
class GoogleCalendarTest {

    @RegisterExtension
    static final WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final JsonMapper JSON = JsonMapper.shared();
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant TEN_AM = Instant.parse("2026-11-24T15:00:00Z");
    static final String EVENTS = "/calendar/v3/calendars/primary/events";
    static final String TOKEN = "/token";
    static final String ACCESS_TOKEN = "ya29.test-access-token";
    static final String SERVICE_ACCOUNT = "frontdesk@frontdesk-test.iam.gserviceaccount.com";

    static PrivateKey privateKey;

    @BeforeAll
    static void generateKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        privateKey = generator.generateKeyPair().getPrivate();
    }

    @Test
    void busyTimesComeFromTheFreeBusyQuery() {
        stubToken();
        google.stubFor(post("/calendar/v3/freeBusy").willReturn(okJson("""
                {
                  "kind": "calendar#freeBusy",
                  "timeMin": "2026-11-24T13:00:00.000Z",
                  "timeMax": "2026-11-24T23:00:00.000Z",
                  "calendars": {
                    "primary": {
                      "busy": [
                        {"start": "2026-11-24T14:00:00Z", "end": "2026-11-24T15:00:00Z"},
                        {"start": "2026-11-24T17:30:00-05:00", "end": "2026-11-24T18:00:00-05:00"}
                      ]
                    }
                  }
                }
                """)));

        List<BusyInterval> busy = serviceAccountCalendar(null)
                .busy(Instant.parse("2026-11-24T13:00:00Z"), Instant.parse("2026-11-24T23:00:00Z"));

        assertThat(busy)
                .containsExactly(
                        new BusyInterval(Instant.parse("2026-11-24T14:00:00Z"), Instant.parse("2026-11-24T15:00:00Z")),
                        new BusyInterval(Instant.parse("2026-11-24T22:30:00Z"), Instant.parse("2026-11-24T23:00:00Z")));
        google.verify(postRequestedFor(urlPathEqualTo("/calendar/v3/freeBusy"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(matchingJsonPath("$.items[0].id", equalTo("primary")))
                .withRequestBody(matchingJsonPath("$.timeMin", containing("2026-11-24T13:00:00")))
                .withRequestBody(matchingJsonPath("$.timeMax", containing("2026-11-24T23:00:00"))));
    }

    @Test
    void aCalendarTheCredentialsCannotSeeIsDeniedInTheFreeBusyAnswer() {
        stubToken();
        google.stubFor(post("/calendar/v3/freeBusy").willReturn(okJson("""
                {
                  "kind": "calendar#freeBusy",
                  "timeMin": "2026-11-24T13:00:00.000Z",
                  "timeMax": "2026-11-24T23:00:00.000Z",
                  "calendars": {
                    "primary": {"errors": [{"domain": "global", "reason": "notFound"}], "busy": []}
                  }
                }
                """)));

        assertThatThrownBy(() -> serviceAccountCalendar(null).busy(TEN_AM, TEN_AM.plusSeconds(3600)))
                .isInstanceOf(CalendarAccessDenied.class)
                .hasMessageContaining("notFound");
    }

    @Test
    void aBackendErrorInTheFreeBusyAnswerIsRetryable() {
        stubToken();
        google.stubFor(post("/calendar/v3/freeBusy").willReturn(okJson("""
                {
                  "kind": "calendar#freeBusy",
                  "calendars": {
                    "primary": {"errors": [{"domain": "global", "reason": "backendError"}], "busy": []}
                  }
                }
                """)));

        assertThatThrownBy(() -> serviceAccountCalendar(null).busy(TEN_AM, TEN_AM.plusSeconds(3600)))
                .isInstanceOf(CalendarUnavailable.class);
    }

    @Test
    void bookedAppointmentBecomesAnEventWithTheCustomerAsAttendee() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(eventJson("evt123"))));

        String id = serviceAccountCalendar(null).createEvent(haircut("ana@example.com"));

        assertThat(id).isEqualTo("evt123");
        google.verify(postRequestedFor(urlPathEqualTo(EVENTS))
                .withQueryParam("sendUpdates", equalTo("all"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(matchingJsonPath("$.summary", equalTo("Haircut with Ana Lima")))
                .withRequestBody(matchingJsonPath("$.description", equalTo("Booked by phone")))
                .withRequestBody(matchingJsonPath("$.location", equalTo("12 Main St")))
                .withRequestBody(matchingJsonPath("$.start.dateTime", equalTo("2026-11-24T10:00:00.000-05:00")))
                .withRequestBody(matchingJsonPath("$.start.timeZone", equalTo("America/New_York")))
                .withRequestBody(matchingJsonPath("$.end.dateTime", equalTo("2026-11-24T11:00:00.000-05:00")))
                .withRequestBody(matchingJsonPath("$.end.timeZone", equalTo("America/New_York")))
                .withRequestBody(matchingJsonPath("$.attendees[0].email", equalTo("ana@example.com")))
                .withRequestBody(matchingJsonPath("$.attendees[0].displayName", equalTo("Ana Lima"))));
    }

    @Test
    void aCustomerWithoutEmailIsNotInvitedAndNobodyIsNotified() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(eventJson("evt124"))));

        assertThat(serviceAccountCalendar(null).createEvent(haircut(null))).isEqualTo("evt124");

        google.verify(postRequestedFor(urlPathEqualTo(EVENTS))
                .withQueryParam("sendUpdates", absent())
                .withRequestBody(matchingJsonPath("$.attendees", absent())));
    }

    @Test
    void rescheduledAppointmentPatchesTheEventAndNotifiesTheCustomer() {
        stubToken();
        // HttpURLConnection cannot PATCH, so the client POSTs with Google's method override header.
        google.stubFor(post(urlPathEqualTo(EVENTS + "/evt123")).willReturn(okJson(eventJson("evt123"))));
        var moved = new CalendarEvent(
                "Haircut with Ana Lima",
                null,
                TEN_AM.plusSeconds(86_400),
                TEN_AM.plusSeconds(90_000),
                NEW_YORK,
                "Ana Lima",
                "ana@example.com",
                null);

        serviceAccountCalendar(null).updateEvent("evt123", moved);

        google.verify(postRequestedFor(urlPathEqualTo(EVENTS + "/evt123"))
                .withHeader("X-HTTP-Method-Override", equalTo("PATCH"))
                .withQueryParam("sendUpdates", equalTo("all"))
                .withRequestBody(matchingJsonPath("$.start.dateTime", equalTo("2026-11-25T10:00:00.000-05:00")))
                .withRequestBody(matchingJsonPath("$.end.dateTime", equalTo("2026-11-25T11:00:00.000-05:00")))
                .withRequestBody(matchingJsonPath("$.attendees[0].email", equalTo("ana@example.com")))
                .withRequestBody(equalToJson("{\"description\": null, \"location\": null}", true, true)));
    }

    @Test
    void cancelledAppointmentDeletesTheEventAndNotifiesTheAttendees() {
        stubToken();
        google.stubFor(delete(urlPathEqualTo(EVENTS + "/evt123"))
                .willReturn(aResponse().withStatus(204)));

        serviceAccountCalendar(null).deleteEvent("evt123");

        google.verify(deleteRequestedFor(urlPathEqualTo(EVENTS + "/evt123"))
                .withQueryParam("sendUpdates", equalTo("all"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void deletingAnEventThatIsAlreadyGoneIsFine() {
        stubToken();
        google.stubFor(delete(urlPathEqualTo(EVENTS + "/gone"))
                .willReturn(googleError(410, "deleted", "Resource has been deleted")));
        google.stubFor(
                delete(urlPathEqualTo(EVENTS + "/unknown")).willReturn(googleError(404, "notFound", "Not Found")));
        GoogleCalendar calendar = serviceAccountCalendar(null);

        assertThatCode(() -> calendar.deleteEvent("gone")).doesNotThrowAnyException();
        assertThatCode(() -> calendar.deleteEvent("unknown")).doesNotThrowAnyException();
    }

    @Test
    void aGoogleOutageIsRetryable() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(googleError(503, "backendError", "Backend Error")));

        assertThatThrownBy(() -> serviceAccountCalendar(null).createEvent(haircut("ana@example.com")))
                .isInstanceOf(CalendarUnavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void rateLimitsAreRetryableEvenWhenGoogleSays403() {
        stubToken();
        google.stubFor(
                post(urlPathEqualTo(EVENTS)).willReturn(googleError(403, "rateLimitExceeded", "Rate Limit Exceeded")));
        google.stubFor(
                post("/calendar/v3/freeBusy").willReturn(googleError(429, "rateLimitExceeded", "Rate Limit Exceeded")));
        GoogleCalendar calendar = serviceAccountCalendar(null);

        assertThatThrownBy(() -> calendar.createEvent(haircut(null))).isInstanceOf(CalendarUnavailable.class);
        assertThatThrownBy(() -> calendar.busy(TEN_AM, TEN_AM.plusSeconds(60))).isInstanceOf(CalendarUnavailable.class);
    }

    @Test
    void a401IsAccessDeniedAfterOneTokenRefresh() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(googleError(401, "authError", "Invalid Credentials")));

        assertThatThrownBy(() -> serviceAccountCalendar(null).createEvent(haircut(null)))
                .isInstanceOf(CalendarAccessDenied.class)
                .isNotInstanceOf(CalendarUnavailable.class)
                .hasMessageContaining("re-authorise");
        google.verify(2, postRequestedFor(urlPathEqualTo(EVENTS)));
        google.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void a403WithoutRateLimitIsAccessDenied() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(googleError(403, "forbidden", "Forbidden")));

        assertThatThrownBy(() -> serviceAccountCalendar(null).createEvent(haircut(null)))
                .isInstanceOf(CalendarAccessDenied.class);
    }

    @Test
    void anInvalidEventIsRejectedNotRetried() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS))
                .willReturn(googleError(400, "timeRangeEmpty", "The specified time range is empty.")));

        assertThatThrownBy(() -> serviceAccountCalendar(null).createEvent(haircut(null)))
                .isInstanceOfSatisfying(
                        CalendarRequestRejected.class,
                        e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void serviceAccountActsAsTheDelegatedUserThroughASignedJwtAndTheTokenIsCached() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(eventJson("evt123"))));
        GoogleCalendar calendar = serviceAccountCalendar("owner@salon.example");

        calendar.createEvent(haircut(null));
        calendar.createEvent(haircut(null));

        List<LoggedRequest> tokenRequests = google.findAll(postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(tokenRequests).hasSize(1);
        Map<String, String> form = form(tokenRequests.getFirst().getBodyAsString());
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        JsonNode claims = jwtClaims(form.get("assertion"));
        assertThat(claims.path("iss").asString()).isEqualTo(SERVICE_ACCOUNT);
        assertThat(claims.path("sub").asString()).isEqualTo("owner@salon.example");
        assertThat(claims.path("scope").asString()).isEqualTo("https://www.googleapis.com/auth/calendar");
        // google-auth signs for Google's token audience even when the key's token_uri points elsewhere.
        assertThat(claims.path("aud").asString()).isEqualTo("https://oauth2.googleapis.com/token");
        google.verify(
                2,
                postRequestedFor(urlPathEqualTo(EVENTS))
                        .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void serviceAccountWithoutDelegationActsAsItself() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(eventJson("evt123"))));

        serviceAccountCalendar(null).createEvent(haircut(null));

        JsonNode claims = jwtClaims(form(google.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))
                        .getFirst()
                        .getBodyAsString())
                .get("assertion"));
        assertThat(claims.has("sub")).isFalse();
    }

    @Test
    void oauthUserTokenIsRefreshedWithTheRefreshTokenGrant() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(eventJson("evt123"))));
        var auth = new OAuthUserToken(
                "client-1.apps.googleusercontent.com",
                "client-secret",
                "1//refresh-token",
                null,
                null,
                URI.create(google.baseUrl() + TOKEN));

        new GoogleCalendar(settings(auth)).createEvent(haircut(null));

        Map<String, String> form = form(google.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))
                .getFirst()
                .getBodyAsString());
        assertThat(form)
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "1//refresh-token")
                .containsEntry("client_id", "client-1.apps.googleusercontent.com")
                .containsEntry("client_secret", "client-secret");
        google.verify(postRequestedFor(urlPathEqualTo(EVENTS))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void aCurrentOAuthAccessTokenIsUsedWithoutRefreshing() {
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(eventJson("evt123"))));
        var auth = new OAuthUserToken(
                "client-1",
                "client-secret",
                "1//refresh-token",
                "ya29.current",
                Instant.now().plus(Duration.ofMinutes(50)),
                URI.create(google.baseUrl() + TOKEN));

        new GoogleCalendar(settings(auth)).createEvent(haircut(null));

        google.verify(
                postRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer ya29.current")));
        google.verify(0, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void aRevokedRefreshTokenIsAccessDenied() {
        google.stubFor(
                post(TOKEN)
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));
        var auth = new OAuthUserToken(
                "client-1", "client-secret", "1//revoked", null, null, URI.create(google.baseUrl() + TOKEN));

        assertThatThrownBy(() -> new GoogleCalendar(settings(auth)).busy(TEN_AM, TEN_AM.plusSeconds(60)))
                .isInstanceOf(CalendarAccessDenied.class)
                .hasMessageContaining("re-authorise");
    }

    @Test
    void aSlowCalendarTimesOutAsRetryable() {
        stubToken();
        google.stubFor(post("/calendar/v3/freeBusy")
                .willReturn(okJson("{\"calendars\": {}}").withFixedDelay(2_000)));
        var settings = new GoogleCalendarSettings(
                null, google.baseUrl() + "/", serviceAccountKey(null), Duration.ofSeconds(1), Duration.ofMillis(300));

        assertThatThrownBy(() -> new GoogleCalendar(settings).busy(TEN_AM, TEN_AM.plusSeconds(60)))
                .isInstanceOf(CalendarUnavailable.class);
    }

    @Test
    void settingsDoNotPrintSecrets() {
        var auth = new OAuthUserToken("client-1", "s3cret", "1//refresh", "ya29.current", null, null);

        assertThat(GoogleCalendarSettings.of(auth).toString())
                .doesNotContain("s3cret", "1//refresh", "ya29.current")
                .contains("primary");
        assertThat(serviceAccountKey("owner@salon.example").toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aMeetEventAsksGoogleForAMeetConferenceAndCarriesItsLink() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(meetEventJson("evt-meet", "success", true))));

        var created = serviceAccountCalendar(null).createEventWithConference(haircut("ana@example.com"), "appt-1");

        assertThat(created).isEqualTo(ConferencingCalendar.ConferenceEvent.ready("evt-meet", MEET_LINK));
        google.verify(postRequestedFor(urlPathEqualTo(EVENTS))
                .withQueryParam("conferenceDataVersion", equalTo("1"))
                .withQueryParam("sendUpdates", equalTo("all"))
                .withRequestBody(matchingJsonPath("$.conferenceData.createRequest.requestId", equalTo("appt-1")))
                .withRequestBody(matchingJsonPath(
                        "$.conferenceData.createRequest.conferenceSolutionKey.type", equalTo("hangoutsMeet")))
                .withRequestBody(matchingJsonPath("$.summary", equalTo("Haircut with Ana Lima"))));
    }

    @Test
    void aConferenceGoogleIsStillCreatingIsPendingUntilTheEventHasItsVideoEntryPoint() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(meetEventJson("evt-slow", "pending", false))));
        google.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(EVENTS + "/evt-slow"))
                .willReturn(okJson(meetEventJson("evt-slow", "success", false)
                        .replace(
                                "\"createRequest\"",
                                "\"entryPoints\": [{\"entryPointType\": \"video\", \"uri\": \"" + MEET_LINK
                                        + "\", \"label\": \"meet.google.com/abc-defg-hij\"}], \"createRequest\""))));
        var calendar = serviceAccountCalendar(null);

        var created = calendar.createEventWithConference(haircut(null), "appt-2");
        assertThat(created.pending()).isTrue();
        assertThat(created.eventId()).isEqualTo("evt-slow");

        assertThat(calendar.conference("evt-slow"))
                .isEqualTo(ConferencingCalendar.ConferenceEvent.ready("evt-slow", MEET_LINK));
    }

    @Test
    void aConferenceGoogleFailedToCreateLeavesTheEventWithoutALink() {
        stubToken();
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson(meetEventJson("evt-none", "failure", false))));

        var created = serviceAccountCalendar(null).createEventWithConference(haircut(null), "appt-3");

        assertThat(created.failed()).isTrue();
        assertThat(created.eventId()).isEqualTo("evt-none");
    }

    // --- helpers

    GoogleCalendar serviceAccountCalendar(String delegatedUser) {
        return new GoogleCalendar(settings(serviceAccountKey(delegatedUser)));
    }

    GoogleCalendarSettings settings(GoogleCalendarSettings.GoogleAuth auth) {
        return new GoogleCalendarSettings(null, google.baseUrl() + "/", auth, null, null);
    }

    ServiceAccountKey serviceAccountKey(String delegatedUser) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", "frontdesk-test");
        key.put("private_key_id", "key-1");
        key.put("private_key", pem);
        key.put("client_email", SERVICE_ACCOUNT);
        key.put("client_id", "1234567890");
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", google.baseUrl() + TOKEN);
        return new ServiceAccountKey(JSON.writeValueAsString(key), delegatedUser);
    }

    static void stubToken() {
        google.stubFor(post(TOKEN).willReturn(okJson("""
                {"access_token": "%s", "expires_in": 3600, "token_type": "Bearer"}
                """.formatted(ACCESS_TOKEN))));
    }

    static CalendarEvent haircut(String email) {
        return new CalendarEvent(
                "Haircut with Ana Lima",
                "Booked by phone",
                TEN_AM,
                TEN_AM.plusSeconds(3600),
                NEW_YORK,
                "Ana Lima",
                email,
                "12 Main St");
    }

    static final String MEET_LINK = "https://meet.google.com/abc-defg-hij";

    /** An event as Google answers with {@code conferenceDataVersion=1}: its conference in the given state. */
    static String meetEventJson(String id, String status, boolean withLink) {
        return """
                {
                  "kind": "calendar#event",
                  "id": "%s",
                  "status": "confirmed",
                  "summary": "Haircut with Ana Lima",
                  "start": {"dateTime": "2026-11-24T10:00:00-05:00", "timeZone": "America/New_York"},
                  "end": {"dateTime": "2026-11-24T11:00:00-05:00", "timeZone": "America/New_York"},
                  %s
                  "conferenceData": {
                    "createRequest": {
                      "requestId": "appt",
                      "conferenceSolutionKey": {"type": "hangoutsMeet"},
                      "status": {"statusCode": "%s"}
                    },
                    "conferenceSolution": {"key": {"type": "hangoutsMeet"}, "name": "Google Meet"}
                  }
                }
                """.formatted(id, withLink ? "\"hangoutLink\": \"" + MEET_LINK + "\"," : "", status);
    }

    static String eventJson(String id) {
        return """
                {
                  "kind": "calendar#event",
                  "etag": "\\"3181161784712000\\"",
                  "id": "%s",
                  "status": "confirmed",
                  "htmlLink": "https://www.google.com/calendar/event?eid=ZXZ0MTIz",
                  "created": "2026-11-20T12:00:00.000Z",
                  "updated": "2026-11-20T12:00:00.000Z",
                  "summary": "Haircut with Ana Lima",
                  "start": {"dateTime": "2026-11-24T10:00:00-05:00", "timeZone": "America/New_York"},
                  "end": {"dateTime": "2026-11-24T11:00:00-05:00", "timeZone": "America/New_York"},
                  "iCalUID": "%s@google.com",
                  "sequence": 0
                }
                """.formatted(id, id);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder googleError(
            int status, String reason, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("""
                        {"error": {"errors": [{"domain": "global", "reason": "%s", "message": "%s"}],
                                   "code": %d, "message": "%s"}}
                        """.formatted(reason, message, status, message));
    }

    static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    static JsonNode jwtClaims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
