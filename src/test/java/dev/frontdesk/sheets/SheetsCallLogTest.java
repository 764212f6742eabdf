package dev.frontdesk.sheets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
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
 * The Google Sheets call log against Google's wire format (WireMock plays the OAuth token endpoint and
 * {@code spreadsheets.values.append}): a finished call appends one row to its own business's spreadsheet,
 * signed in with the service account's token; a Google failure is retried until it succeeds, and a row Google
 * took whose answer was lost (a 500 or a timeout after the write) is found in the sheet's call-id column and not
 * appended again; a campaign's call nobody answered is logged too; a business without a connection sends
 * nothing. Monday 2026-11-23 10:00 in New York.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.jobs.polling-interval=100ms",
            "frontdesk.sheets.retry-delay=1m",
            "frontdesk.sheets.read-timeout=2s"
        })
class SheetsCallLogTest {

    static final Instant MONDAY_10AM_NEW_YORK = Instant.parse("2026-11-23T15:00:00Z");
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
        registry.add("frontdesk.sheets.root-url", () -> google.baseUrl() + "/");
        registry.add("frontdesk.sheets.token-server", () -> google.baseUrl() + "/token");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_10AM_NEW_YORK);
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
        clock.set(MONDAY_10AM_NEW_YORK);
        google.resetAll();
        google.stubFor(
                post("/token")
                        .willReturn(
                                okJson(
                                        "{\"access_token\": \"ya29.sheets-token\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
    }

    /** Google's documented answer to {@code spreadsheets.values.append}. */
    static String appended(String spreadsheetId) {
        return """
                {"spreadsheetId": "%s", "tableRange": "Sheet1!A1:H3",
                 "updates": {"spreadsheetId": "%s", "updatedRange": "Sheet1!A4:H4", "updatedRows": 1,
                             "updatedColumns": 8, "updatedCells": 8}}""".formatted(spreadsheetId, spreadsheetId);
    }

    static String appendPath(String spreadsheetId) {
        return "/v4/spreadsheets/" + spreadsheetId + "/values/.+:append";
    }

    /** {@code spreadsheets.values.get} of the call-id column. */
    static String idColumnPath(String spreadsheetId) {
        return "/v4/spreadsheets/" + spreadsheetId + "/values/I(:|%3A)I";
    }

    /** Google's documented answer to {@code spreadsheets.values.get} of column I, as one column. */
    static String idColumn(String... ids) {
        String values = ids.length == 0
                ? ""
                : ", \"values\": [[\"Call ID\", "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(ids)
                                        .map(id -> "\"" + id + "\"")
                                        .toList()) + "]]";
        return "{\"range\": \"Sheet1!I1:I1000\", \"majorDimension\": \"COLUMNS\"" + values + "}";
    }

    String callSid(TestBusiness business) {
        return jdbc.sql("SELECT call_sid FROM sheets_call_row WHERE business_id = :b")
                .param("b", UUID.fromString(business.id()))
                .query(String.class)
                .single();
    }

    void connect(TestBusiness business, String spreadsheetId) throws Exception {
        api.perform(
                api.as(business, put("/api/integrations/sheets"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"spreadsheetId\": \"%s\", \"serviceAccountKey\": %s}"
                                .formatted(spreadsheetId, serviceAccountKey())),
                200);
    }

    /** A sandbox call from {@code phone} that lasts 65 seconds and ends with a hang-up. */
    void call(TestBusiness business, String phone) {
        JsonNode call = api.read(api.perform(
                api.as(
                                business,
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/sandbox/calls"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"%s\"}".formatted(phone)),
                200));
        clock.advance(Duration.ofSeconds(65));
        api.perform(
                api.as(
                        business,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/sandbox/calls/" + call.get("callSid").asString() + "/hangup")),
                200);
    }

    String rowStatus(TestBusiness business) {
        return jdbc.sql("SELECT status FROM sheets_call_row WHERE business_id = :b")
                .param("b", UUID.fromString(business.id()))
                .query(String.class)
                .optional()
                .orElse("none");
    }

    void awaitEventsHandled() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void aFinishedCallAppendsExactlyOneRowWithTheServiceAccountsToken() throws Exception {
        var business = api.createBusiness("Logged Plumbing");
        String sheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + "logged";
        google.stubFor(post(urlPathMatching(appendPath(sheet))).willReturn(okJson(appended(sheet))));
        api.perform(
                api.as(
                                business,
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/customers"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Dana Smith\", \"phone\": \"+16175550181\"}"),
                201);
        connect(business, sheet);

        call(business, "+16175550181");
        await().atMost(Duration.ofSeconds(20)).until(() -> "APPENDED".equals(rowStatus(business)));

        google.verify(1, postRequestedFor(urlPathMatching(appendPath(sheet))));
        google.verify(postRequestedFor(urlPathMatching("/v4/spreadsheets/" + sheet + "/values/A(:|%3A)I:append"))
                .withQueryParam("valueInputOption", equalTo("RAW"))
                .withQueryParam("insertDataOption", equalTo("INSERT_ROWS"))
                .withHeader("Authorization", equalTo("Bearer ya29.sheets-token"))
                .withRequestBody(matchingJsonPath("$.majorDimension", equalTo("ROWS")))
                .withRequestBody(matchingJsonPath("$.values.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath(
                        "$.values[0][0:5]",
                        equalToJson("[\"2026-11-23 10:00:00\", \"inbound\", \"+16175550181\", \"Dana Smith\", 65]")))
                .withRequestBody(matchingJsonPath("$.values[0].length()", equalTo("9")))
                .withRequestBody(matchingJsonPath("$.values[0][8]", equalTo(callSid(business)))));
        google.verify(0, getRequestedFor(urlPathMatching(idColumnPath(sheet))));
        // the key's own token_uri (attacker.example) was not used: the assertion went to the token server
        google.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sheets_call_row WHERE business_id = :b AND phone IS NOT NULL")
                        .param("b", UUID.fromString(business.id()))
                        .query(Long.class)
                        .single())
                .as("the number is not kept once appended")
                .isZero();
    }

    JsonNode send(TestBusiness business, String path, String body) {
        return api.read(api.perform(
                api.as(business, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                path.equals("/api/customers") || path.equals("/api/campaigns") ? 201 : 200));
    }

    @Test
    void aCampaignsAnsweredCallIsLoggedAsOutboundWithTheCampaignsName() throws Exception {
        var business = api.createBusiness("Calling Plumbing");
        String sheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + "campaign";
        google.stubFor(post(urlPathMatching(appendPath(sheet))).willReturn(okJson(appended(sheet))));
        connect(business, sheet);
        String lead = send(business, "/api/customers", """
                        {"name": "Ana Lead", "phone": "+16175550187", "lead": true}""").get("id").asString();
        String campaign =
                send(business, "/api/campaigns", """
                        {"name": "Winter checks", "purpose": "your annual boiler check", "leadIds": ["%s"],
                         "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 1,
                         "retry": {"attempts": 1, "backoffMinutes": 60}, "voicemail": "HANG_UP"}""".formatted(lead)).get("id").asString();
        send(business, "/api/campaigns/" + campaign + "/start", "");
        String sid = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                                .at("/0/callSid")
                                .asString(""),
                        found -> !found.isEmpty());
        send(business, "/api/sandbox/outbound-calls/" + sid + "/answer", "{\"answeredBy\": \"human\"}");
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> "APPENDED".equals(rowStatus(business)));
        google.verify(1, postRequestedFor(urlPathMatching(appendPath(sheet))));
        google.verify(postRequestedFor(urlPathMatching(appendPath(sheet)))
                .withRequestBody(matchingJsonPath("$.values[0][1]", equalTo("outbound")))
                .withRequestBody(matchingJsonPath("$.values[0][2]", equalTo("+16175550187")))
                .withRequestBody(matchingJsonPath("$.values[0][3]", equalTo("Ana Lead")))
                .withRequestBody(matchingJsonPath("$.values[0][7]", equalTo("Winter checks")))
                .withRequestBody(matchingJsonPath("$.values[0][8]", equalTo(sid))));
    }

    @Test
    void aCampaignsCallNobodyAnsweredIsLoggedToo() throws Exception {
        var business = api.createBusiness("Unanswered Plumbing");
        String sheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + "unanswered";
        google.stubFor(post(urlPathMatching(appendPath(sheet))).willReturn(okJson(appended(sheet))));
        connect(business, sheet);
        String lead = send(business, "/api/customers", """
                        {"name": "Bo Busy", "phone": "+16175550188", "lead": true}""").get("id").asString();
        String campaign =
                send(business, "/api/campaigns", """
                        {"name": "Spring checks", "purpose": "your annual boiler check", "leadIds": ["%s"],
                         "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 1,
                         "retry": {"attempts": 1, "backoffMinutes": 60}, "voicemail": "HANG_UP"}""".formatted(lead)).get("id").asString();
        send(business, "/api/campaigns/" + campaign + "/start", "");
        String sid = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                                .at("/0/callSid")
                                .asString(""),
                        found -> !found.isEmpty());
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"no-answer\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> "APPENDED".equals(rowStatus(business)));
        google.verify(1, postRequestedFor(urlPathMatching(appendPath(sheet))));
        google.verify(postRequestedFor(urlPathMatching(appendPath(sheet)))
                .withRequestBody(matchingJsonPath(
                        "$.values[0]",
                        equalToJson("[\"2026-11-23 10:00:00\", \"outbound\", \"+16175550188\", \"Bo Busy\", \"\","
                                + " \"no-answer\", \"\", \"Spring checks\", \"" + sid + "\"]"))));
    }

    /** Google takes the first append but its answer is lost ({@code lost}); the retry must not append again. */
    void anAppendWhoseAnswerIsLostIsNotRepeated(String name, ResponseDefinitionBuilder lost, String error)
            throws Exception {
        var business = api.createBusiness(name);
        String sheet =
                "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + name.replace(" ", "").toLowerCase();
        google.stubFor(post(urlPathMatching(appendPath(sheet)))
                .inScenario(name)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(lost)
                .willSetStateTo("taken"));
        google.stubFor(post(urlPathMatching(appendPath(sheet)))
                .inScenario(name)
                .whenScenarioStateIs("taken")
                .willReturn(okJson(appended(sheet))));
        connect(business, sheet);

        call(business, "+16175550189");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.getJson("/api/integrations/sheets", business, 200)
                        .at("/lastError/message")
                        .asString("")
                        .contains(error));
        // the sheet now holds the row Google took: its call id is in column I
        google.stubFor(get(urlPathMatching(idColumnPath(sheet)))
                .willReturn(okJson(idColumn("CA0123456789abcdef0123456789abcdef", callSid(business)))));
        retryUntilAppended(business);
        google.verify(1, postRequestedFor(urlPathMatching(appendPath(sheet))));
        google.verify(
                1,
                getRequestedFor(urlPathMatching(idColumnPath(sheet)))
                        .withQueryParam("majorDimension", equalTo("COLUMNS"))
                        .withHeader("Authorization", equalTo("Bearer ya29.sheets-token")));
        assertThat(api.getJson("/api/integrations/sheets", business, 200).has("lastError"))
                .isFalse();
    }

    @Test
    void anAppendGoogleTookButAnsweredWith500IsNotAppendedAgain() throws Exception {
        anAppendWhoseAnswerIsLostIsNotRepeated(
                "Answer lost",
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": 500, \"message\": \"Internal error encountered.\","
                                + " \"status\": \"INTERNAL\"}}"),
                "HTTP 500");
    }

    @Test
    void anAppendGoogleTookButAnsweredTooLateIsNotAppendedAgain() throws Exception {
        anAppendWhoseAnswerIsLostIsNotRepeated(
                "Answer late",
                okJson(appended("late")).withFixedDelay(4_000), // the read timeout is 2 s
                "could not be reached");
    }

    /**
     * Moves the clock past the retry's delay until the row is appended: the error is shown before db-scheduler
     * reschedules the job (at its clock plus the delay), so on a busy machine one move may come too early.
     */
    private void retryUntilAppended(TestBusiness business) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    clock.advance(Duration.ofMinutes(2));
                    return "APPENDED".equals(rowStatus(business));
                });
    }

    @Test
    void aGoogleOutageIsRetriedWithBackoffUntilTheRowIsAppended() throws Exception {
        var business = api.createBusiness("Patient Plumbing");
        String sheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + "patient";
        google.stubFor(post(urlPathMatching(appendPath(sheet)))
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": 503, \"message\": \"The service is currently unavailable.\","
                                + " \"status\": \"UNAVAILABLE\"}}"))
                .willSetStateTo("back"));
        google.stubFor(post(urlPathMatching(appendPath(sheet)))
                .inScenario("outage")
                .whenScenarioStateIs("back")
                .willReturn(okJson(appended(sheet))));
        // before the retry the call-id column is read: the row is not there, so it is appended
        google.stubFor(get(urlPathMatching(idColumnPath(sheet))).willReturn(okJson(idColumn())));
        connect(business, sheet);

        call(business, "+16175550182");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.getJson("/api/integrations/sheets", business, 200)
                        .at("/lastError/message")
                        .asString("")
                        .contains("503"));
        assertThat(rowStatus(business)).isEqualTo("PENDING");
        retryUntilAppended(business);
        google.verify(2, postRequestedFor(urlPathMatching(appendPath(sheet))));
        google.verify(1, getRequestedFor(urlPathMatching(idColumnPath(sheet))));
        assertThat(api.getJson("/api/integrations/sheets", business, 200).has("lastError"))
                .isFalse();
    }

    @Test
    void eachBusinessesCallsGoToItsOwnSheetAndAnUnconnectedBusinessSendsNothing() throws Exception {
        var first = api.createBusiness("First sheet");
        var second = api.createBusiness("Second sheet");
        var unconnected = api.createBusiness("No sheet");
        String firstSheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + "first";
        String secondSheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + "second";
        google.stubFor(post(urlPathMatching(appendPath(firstSheet))).willReturn(okJson(appended(firstSheet))));
        google.stubFor(post(urlPathMatching(appendPath(secondSheet))).willReturn(okJson(appended(secondSheet))));
        connect(first, firstSheet);
        connect(second, secondSheet);

        call(unconnected, "+16175550183");
        call(second, "+16175550184");
        call(first, "+16175550185");
        awaitEventsHandled();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "APPENDED".equals(rowStatus(first)) && "APPENDED".equals(rowStatus(second)));

        google.verify(1, postRequestedFor(urlPathMatching(appendPath(firstSheet))));
        google.verify(postRequestedFor(urlPathMatching(appendPath(firstSheet)))
                .withRequestBody(matchingJsonPath("$.values[0][2]", equalTo("+16175550185"))));
        google.verify(1, postRequestedFor(urlPathMatching(appendPath(secondSheet))));
        google.verify(postRequestedFor(urlPathMatching(appendPath(secondSheet)))
                .withRequestBody(matchingJsonPath("$.values[0][2]", equalTo("+16175550184"))));
        google.verify(2, postRequestedFor(urlPathMatching("/v4/.*")));
        assertThat(rowStatus(unconnected)).isEqualTo("none");

        // the settings are the caller's business's own: another business neither sees nor removes them
        assertThat(api.getJson("/api/integrations/sheets", unconnected, 200)
                        .get("connected")
                        .asBoolean())
                .isFalse();
        api.perform(api.as(unconnected, delete("/api/integrations/sheets")), 204);
        assertThat(api.getJson("/api/integrations/sheets", first, 200)
                        .get("spreadsheetId")
                        .asString())
                .isEqualTo(firstSheet);

        // disconnected: the next call sends nothing
        api.perform(api.as(first, delete("/api/integrations/sheets")), 204);
        call(first, "+16175550186");
        awaitEventsHandled();
        google.verify(1, postRequestedFor(urlPathMatching(appendPath(firstSheet))));
    }

    @Test
    void theKeyIsStoredSealedNeverShownAndBadSettingsAreAProblem() throws Exception {
        var business = api.createBusiness("Careful sheet");
        String sheet = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74Og" + "careful";
        JsonNode problem = api.read(api.perform(
                api.as(business, put("/api/integrations/sheets"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"spreadsheetId\": \"../../evil\", \"serviceAccountKey\": {\"type\": \"user\"}}"),
                400));
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("spreadsheetId", "serviceAccountKey");
        api.perform(
                api.as(business, put("/api/integrations/sheets"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"spreadsheetId\": \"%s\", \"serviceAccountKey\": {\"type\": \"service_account\","
                                        .formatted(sheet)
                                + " \"client_email\": \"a@b.iam.gserviceaccount.com\", \"private_key\":"
                                + " \"-----BEGIN PRIVATE KEY-----\\nnot a key\\n-----END PRIVATE KEY-----\\n\"}}"),
                400);
        assertThat(api.getJson("/api/integrations/sheets", business, 200)
                        .get("connected")
                        .asBoolean())
                .isFalse();

        connect(business, sheet);
        JsonNode view = api.getJson("/api/integrations/sheets", business, 200);
        assertThat(view.get("serviceAccountEmail").asString())
                .isEqualTo("call-log@frontdesk-test.iam.gserviceaccount.com");
        assertThat(view.get("columns").valueStream().map(JsonNode::asString))
                .containsExactly(
                        "Time",
                        "Direction",
                        "Number",
                        "Customer",
                        "Duration (s)",
                        "Outcome",
                        "Summary",
                        "Campaign",
                        "Call ID");
        assertThat(view.toString()).doesNotContain("PRIVATE KEY");
        String stored = jdbc.sql("SELECT credentials FROM sheets_connection WHERE business_id = :b")
                .param("b", UUID.fromString(business.id()))
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("PRIVATE KEY");
    }

    /** A service account's JSON key as Google issues it, naming a token endpoint that must not be used. */
    static String serviceAccountKey() throws Exception {
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
                        "client_email", "call-log@frontdesk-test.iam.gserviceaccount.com",
                        "client_id", "1234567890",
                        "token_uri", "https://attacker.example/token"));
    }
}
