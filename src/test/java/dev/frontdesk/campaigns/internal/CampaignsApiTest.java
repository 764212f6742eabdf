package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.telephony.TwilioClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The campaigns API (create, move, read; problems for bad input and moves a status does not allow; another
 * business's campaign is not found) and Twilio's signed webhooks for a campaign's call: a person hears who
 * calls, for which business and why, then talks with the assistant; a machine gets the voicemail or a
 * hang-up; the status callback moves the lead.
 */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.jobs.enabled=false",
            "frontdesk.telephony.auth-token=" + CampaignsApiTest.AUTH_TOKEN,
            "frontdesk.telephony.public-base-url=" + CampaignsApiTest.BASE_URL
        })
class CampaignsApiTest extends CampaignApiTestSupport {

    static final String AUTH_TOKEN = "test-twilio-auth-token";
    static final String BASE_URL = "https://frontdesk.example";

    @Test
    void aCampaignIsCreatedAsDraftAndMovesOnlyTheWaysItsStatusAllows() {
        var business = api.createBusiness("Mover");
        String dana = lead(business, "Dana", "+16175550101");
        String id = campaignWith(business, "HANG_UP", dana);
        JsonNode draft = api.getJson("/api/campaigns/" + id, business, 200);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.at("/counts/queued").asInt()).isEqualTo(1);

        JsonNode problem = send(business, "/api/campaigns/" + id + "/pause", "", 409);
        assertThat(problem.get("type").asString()).endsWith("/campaign-state");
        assertThat(send(business, "/api/campaigns/" + id + "/start", "", 200)
                        .get("status")
                        .asString())
                .isEqualTo("RUNNING");
        send(business, "/api/campaigns/" + id + "/start", "", 409);
        assertThat(send(business, "/api/campaigns/" + id + "/pause", "", 200)
                        .get("status")
                        .asString())
                .isEqualTo("PAUSED");
        assertThat(dialer.tick(UUID.fromString(id)))
                .as("a paused campaign's job ends")
                .isNull();
        assertThat(send(business, "/api/campaigns/" + id + "/resume", "", 200)
                        .get("status")
                        .asString())
                .isEqualTo("RUNNING");
        assertThat(send(business, "/api/campaigns/" + id + "/stop", "", 200)
                        .get("status")
                        .asString())
                .isEqualTo("STOPPED");
        send(business, "/api/campaigns/" + id + "/resume", "", 409);
        assertThat(api.getJson("/api/customers/" + dana, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("QUEUED");
        assertThat(api.getJson("/api/campaigns", business, 200).get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void aBadCampaignIsOneProblemListingEveryField() {
        var business = api.createBusiness("Strict");
        lead(business, "Dana", "+16175550102");
        JsonNode problem = send(business, "/api/campaigns", """
                {"purpose": "", "window": {"start": "21:30", "end": "23:00"}, "maxConcurrentCalls": 0,
                 "voicemail": "SING"}""", 400);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("name", "purpose", "window", "maxConcurrentCalls", "voicemail");
        JsonNode unknown = send(business, "/api/campaigns", """
                {"name": "x", "purpose": "y", "leadIds": ["%s"], "window": {"start": "09:00", "end": "18:00"},
                 "maxConcurrentCalls": 1}""".formatted(UUID.randomUUID()), 400);
        assertThat(unknown.get("errors").findValuesAsString("field")).contains("leadIds");
    }

    @Test
    void anotherBusinessesCampaignIsNotFound() {
        var owner = api.createBusiness("Owner");
        var other = api.createBusiness("Other");
        String id = campaignWith(owner, "HANG_UP", lead(owner, "Dana", "+16175550103"));
        api.getJson("/api/campaigns/" + id, other, 404);
        send(other, "/api/campaigns/" + id + "/start", "", 404);
        assertThat(api.getJson("/api/campaigns", other, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/campaigns/" + id, owner, 200).get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void aPersonWhoAnswersHearsWhoCallsForWhichBusinessAndWhyThenTalksWithTheAssistant() throws Exception {
        var business = api.createBusiness("Bristol Plumbing");
        String dana = lead(business, "Dana Smith", "+16175550104");
        String id = campaignWith(business, "LEAVE_MESSAGE", dana);
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        dialer.tick(UUID.fromString(id));
        UUID attempt = attempt(id);
        String callSid = callSid(attempt);
        var params = params(callSid, business.phoneNumber(), "+16175550104", "in-progress");

        api.perform(form("/twilio/voice/outbound?attempt=" + attempt, params), 403); // unsigned
        params.put("AnsweredBy", "human");
        String twiml = twilio("/twilio/voice/outbound?attempt=" + attempt, params, 200);
        assertThat(twiml)
                .contains("Hello Dana Smith, this is the virtual assistant of Bristol Plumbing, calling about your"
                        + " annual boiler check.")
                .contains("<Gather", "action=\"/twilio/voice/gather?turn=1\"");
        // the person's answer goes through the assistant's usual gather webhook
        var turn = new LinkedHashMap<>(params);
        turn.put("SpeechResult", "what are your opening hours");
        turn.put("Confidence", "0.9");
        String reply = twilio("/twilio/voice/gather?turn=1", turn, 200);
        assertThat(reply).contains("<Say").doesNotContain("Sorry, something went wrong");

        twilio(
                "/twilio/voice/outbound/status?attempt=" + attempt,
                params(callSid, business.phoneNumber(), "+16175550104", "completed"),
                204);
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/contacted")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.getJson("/api/customers/" + dana, business, 200)
                        .get("status")
                        .asString())
                .isEqualTo("CONTACTED");
        // a redelivered callback changes nothing
        twilio(
                "/twilio/voice/outbound/status?attempt=" + attempt,
                params(callSid, business.phoneNumber(), "+16175550104", "no-answer"),
                204);
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/contacted")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aMachineGetsTheVoicemailOrAHangUpAndTheLeadIsCalledAgainAfterTheBackoff() throws Exception {
        var business = api.createBusiness("Voicemail Co");
        String leave = lead(business, "Ana", "+16175550105");
        String hangUp = lead(business, "Ben", "+16175550106");
        String leaving = campaignWith(business, "LEAVE_MESSAGE", leave);
        String hanging = campaignWith(business, "HANG_UP", hangUp);
        for (String id : new String[] {leaving, hanging}) {
            send(business, "/api/campaigns/" + id + "/start", "", 200);
            dialer.tick(UUID.fromString(id));
            UUID attempt = attempt(id);
            var params = params(callSid(attempt), business.phoneNumber(), "+1617555010x", "in-progress");
            params.put("AnsweredBy", "machine_end_beep");
            String twiml = twilio("/twilio/voice/outbound?attempt=" + attempt, params, 200);
            if (id.equals(leaving)) {
                assertThat(twiml)
                        .contains(
                                "<Say",
                                "Voicemail Co",
                                "your annual boiler check",
                                "call us back",
                                business.phoneNumber(),
                                "<Hangup/>");
            } else {
                assertThat(twiml).doesNotContain("<Say").contains("<Hangup/>");
            }
            var ended = params(callSid(attempt), business.phoneNumber(), "+1617555010x", "completed");
            ended.put("AnsweredBy", "machine_end_beep");
            twilio("/twilio/voice/outbound/status?attempt=" + attempt, ended, 204);
            JsonNode counts = api.getJson("/api/campaigns/" + id, business, 200).get("counts");
            assertThat(counts.get("queued").asInt()).as("one retry left").isEqualTo(1);
            assertThat(dialer.tick(UUID.fromString(id))).isAfter(clock.instant());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_call WHERE campaign_id = :c")
                            .param("c", UUID.fromString(id))
                            .query(Long.class)
                            .single())
                    .as("not again before the backoff")
                    .isEqualTo(1);
        }
    }

    @Test
    void aSandboxCampaignCallIsAnsweredTalkedToAndEndedThroughTheSandboxApi() {
        var business = api.createBusiness("Sandbox dialer");
        String id = campaignWith(business, "HANG_UP", lead(business, "Dana", "+16175550107"));
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        dialer.tick(UUID.fromString(id));
        JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200);
        assertThat(ringing.size()).isEqualTo(1);
        assertThat(ringing.get(0).get("to").asString()).isEqualTo("+16175550107");
        assertThat(ringing.get(0).get("machineDetection").asString()).isEqualTo("Enable");
        String sid = ringing.get(0).get("callSid").asString();

        JsonNode opening = send(business, "/api/sandbox/outbound-calls/" + sid + "/answer", "{}", 200);
        assertThat(opening.get("said").asString()).contains("Sandbox dialer", "your annual boiler check");
        JsonNode reply = send(
                business, "/api/sandbox/outbound-calls/" + sid + "/say", "{\"text\": \"what are your hours\"}", 200);
        assertThat(reply.get("said").asString()).isNotBlank();
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/calling")
                        .asInt())
                .isEqualTo(1);
        send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}", 200);
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/contacted")
                        .asInt())
                .isEqualTo(1);
        JsonNode conversation = api.getJson("/api/conversations", business, 200).at("/items/0");
        assertThat(conversation.get("customerPhone").asString()).isEqualTo("+16175550107");
        assertThat(conversation.get("endedAt").isNull()).isFalse();
        api.getJson("/api/sandbox/outbound-calls", api.createBusiness("Someone else"), 200);
        send(api.createBusiness("Intruder"), "/api/sandbox/outbound-calls/" + sid + "/end", "{}", 404);
    }

    private UUID attempt(String campaign) {
        return jdbc.sql("SELECT attempt_id FROM campaign_lead WHERE campaign_id = :c AND state = 'CALLING'")
                .param("c", UUID.fromString(campaign))
                .query(UUID.class)
                .single();
    }

    private String callSid(UUID attempt) {
        return jdbc.sql("SELECT call_sid FROM campaign_lead WHERE attempt_id = :a")
                .param("a", attempt)
                .query(String.class)
                .single();
    }

    private static Map<String, String> params(String callSid, String from, String to, String status) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("CallSid", callSid);
        params.put("CallStatus", status);
        params.put("Direction", "outbound-api");
        params.put("From", from);
        params.put("To", to);
        return params;
    }

    private static MockHttpServletRequestBuilder form(String pathAndQuery, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(java.net.URI.create(pathAndQuery))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body);
    }

    private String twilio(String pathAndQuery, Map<String, String> params, int status) throws Exception {
        var request = form(pathAndQuery, params)
                .header("X-Twilio-Signature", TwilioClient.signature(AUTH_TOKEN, BASE_URL + pathAndQuery, params));
        return api.perform(request, status).getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
