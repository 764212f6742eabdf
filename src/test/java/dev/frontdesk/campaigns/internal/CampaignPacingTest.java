package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's pacing: with {@code "pacing": {"callsPerMinute": N}} the dialer starts at most N new calls in
 * any minute, however many call slots are free, counting the calls placed from the database (so every node
 * counts the same calls); a bad value is a 400 problem naming the field. The dialer's rounds are run by the
 * test on a clock it moves.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class CampaignPacingTest extends CampaignApiTestSupport {

    private String pacedCampaign(TestBusiness business, int leads, String pacing) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            ids.add("\"" + lead(business, "Lead " + i, "+1617555%04d".formatted(400 + i)) + "\"");
        }
        return send(business, "/api/campaigns", """
                        {"name": "Paced", "purpose": "your annual boiler check", "leadIds": [%s],
                         "window": {"start": "09:00", "end": "18:00"}, "maxConcurrentCalls": 20,
                         %s"retry": {"attempts": 0, "backoffMinutes": 60}}""".formatted(String.join(", ", ids), pacing), 201)
                .get("id")
                .asString();
    }

    private long placed(TestBusiness business) {
        return api.getJson("/api/sandbox/outbound-calls?limit=100", business, 200)
                .size();
    }

    /** Ends every ringing call unanswered, so that the campaign's call slots are free again. */
    private void endRinging(TestBusiness business) {
        for (JsonNode call : api.getJson("/api/sandbox/outbound-calls?status=ringing&limit=100", business, 200)) {
            send(
                    business,
                    "/api/sandbox/outbound-calls/" + call.get("callSid").asString() + "/end",
                    "{\"status\": \"no-answer\"}",
                    200);
        }
    }

    @Test
    void aPacedCampaignStartsNoMoreThanItsCallsPerMinuteWhateverTheFreeCallSlots() {
        TestBusiness business = api.createBusiness("Paced plumbing");
        String id = pacedCampaign(business, 8, "\"pacing\": {\"callsPerMinute\": 3},");
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/pacing/callsPerMinute")
                        .asInt())
                .isEqualTo(3);
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        UUID campaign = UUID.fromString(id);

        dialer.tick(campaign);
        assertThat(placed(business))
                .as("3 of the 20 free slots, in the first minute")
                .isEqualTo(3);
        endRinging(business);
        clock.advance(Duration.ofSeconds(30));
        dialer.tick(campaign);
        assertThat(placed(business))
                .as("the slots are free, but 3 calls started less than a minute ago")
                .isEqualTo(3);
        clock.advance(Duration.ofSeconds(29));
        dialer.tick(campaign);
        assertThat(placed(business)).isEqualTo(3);

        clock.advance(Duration.ofSeconds(2)); // a minute and a second after the first calls
        dialer.tick(campaign);
        assertThat(placed(business)).isEqualTo(6);
        endRinging(business);
        clock.advance(Duration.ofSeconds(61));
        dialer.tick(campaign);
        assertThat(placed(business)).as("the last 2 leads").isEqualTo(8);
    }

    @Test
    void withoutPacingTheFreeCallSlotsAloneLimitTheNewCalls() {
        TestBusiness business = api.createBusiness("Unpaced plumbing");
        String id = pacedCampaign(business, 8, "");
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .get("pacing")
                        .isNull())
                .isTrue();
        send(business, "/api/campaigns/" + id + "/start", "", 200);

        dialer.tick(UUID.fromString(id));

        assertThat(placed(business)).isEqualTo(8);
    }

    @Test
    void aBadPacingIsA400ProblemNamingTheFieldAndAPatchChangesOrRemovesThePacing() {
        TestBusiness business = api.createBusiness("Pacing checks");
        String lead = lead(business, "Dana", "+16175550480");
        for (String bad : List.of("0", "601", "-5")) {
            JsonNode problem = send(business, "/api/campaigns", """
                    {"name": "x", "purpose": "y", "leadIds": ["%s"], "window": {"start": "09:00", "end": "18:00"},
                     "maxConcurrentCalls": 1, "pacing": {"callsPerMinute": %s}}""".formatted(lead, bad), 400);
            assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("pacing.callsPerMinute");
            assertThat(problem.get("errors").findValuesAsString("message"))
                    .containsExactly("must be between 1 and 600");
        }
        assertThat(api.getJson("/api/campaigns", business, 200).get("total").asInt())
                .isZero();

        String id = campaignWith(business, "HANG_UP", lead);
        assertThat(change(business, id, "{\"pacing\": {\"callsPerMinute\": 5}}", 200)
                        .at("/pacing/callsPerMinute")
                        .asInt())
                .isEqualTo(5);
        assertThat(change(business, id, "{\"maxConcurrentCalls\": 1}", 200)
                        .at("/pacing/callsPerMinute")
                        .asInt())
                .as("a change without pacing keeps it")
                .isEqualTo(5);
        change(business, id, "{\"pacing\": {\"callsPerMinute\": 0}}", 400);
        assertThat(change(business, id, "{\"pacing\": {}}", 200).get("pacing").isNull())
                .isTrue();
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .get("pacing")
                        .isNull())
                .isTrue();
    }

    private JsonNode change(TestBusiness business, String id, String body, int status) {
        return api.read(api.perform(
                api.as(business, patch("/api/campaigns/" + id))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }
}
