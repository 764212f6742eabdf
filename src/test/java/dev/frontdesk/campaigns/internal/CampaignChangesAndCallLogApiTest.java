package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Changing a campaign (only while DRAFT or PAUSED, never its leads), a campaign's leads with their calls and
 * last outcome, its call log, and its answered calls among the business's calls ({@code /api/calls}, direction
 * {@code outbound-api}); all of it 404 for another business.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class CampaignChangesAndCallLogApiTest extends CampaignApiTestSupport {

    @Test
    void aDraftOrPausedCampaignChangesTheFieldsGivenAndKeepsTheOthers() {
        var business = api.createBusiness("Editor");
        String id = campaign(business, lead(business, "Dana", "+16175550111"));
        JsonNode changed = api.patchJson("/api/campaigns/" + id, business, """
                {"name": "Winter checks", "window": {"end": "17:00"}, "maxConcurrentCalls": 4,
                 "retry": {"backoffMinutes": 90}, "openingScript": "Shall we book a visit?"}""", 200);
        assertThat(changed.get("name").asString()).isEqualTo("Winter checks");
        assertThat(changed.at("/window/start").asString()).isEqualTo("09:00");
        assertThat(changed.at("/window/end").asString()).isEqualTo("17:00");
        assertThat(changed.get("maxConcurrentCalls").asInt()).isEqualTo(4);
        assertThat(changed.at("/retry/attempts").asInt()).isEqualTo(1);
        assertThat(changed.at("/retry/backoffMinutes").asInt()).isEqualTo(90);
        assertThat(changed.get("purpose").asString()).isEqualTo("your annual boiler check");
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .get("openingScript")
                        .asString())
                .isEqualTo("Shall we book a visit?");
        // an empty opening script removes it
        assertThat(api.patchJson("/api/campaigns/" + id, business, "{\"openingScript\": \"\"}", 200)
                        .get("openingScript")
                        .isNull())
                .isTrue();

        send(business, "/api/campaigns/" + id + "/start", "", 200);
        JsonNode running = api.patchJson("/api/campaigns/" + id, business, "{\"name\": \"Too late\"}", 409);
        assertThat(running.get("type").asString()).endsWith("/campaign-state");
        assertThat(running.get("status").asString()).isEqualTo("RUNNING");

        send(business, "/api/campaigns/" + id + "/pause", "", 200);
        assertThat(api.patchJson("/api/campaigns/" + id, business, "{\"maxConcurrentCalls\": 1}", 200)
                        .get("maxConcurrentCalls")
                        .asInt())
                .isEqualTo(1);
        send(business, "/api/campaigns/" + id + "/stop", "", 200);
        api.patchJson("/api/campaigns/" + id, business, "{\"name\": \"Stopped\"}", 409);
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .get("name")
                        .asString())
                .isEqualTo("Winter checks");
    }

    @Test
    void aBadChangeIsOneProblemListingEveryFieldAndChangesNothing() {
        var business = api.createBusiness("Strict editor");
        String id = campaign(business, lead(business, "Dana", "+16175550112"));
        JsonNode problem = api.patchJson("/api/campaigns/" + id, business, """
                {"name": "", "window": {"start": "22:00", "end": "23:00"}, "maxConcurrentCalls": 99,
                 "voicemail": "SING"}""", 400);
        assertThat(problem.get("type").asString()).endsWith("/validation");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("window", "maxConcurrentCalls", "voicemail");
        JsonNode leads =
                api.patchJson("/api/campaigns/" + id, business, "{\"leadIds\": [\"" + UUID.randomUUID() + "\"]}", 400);
        assertThat(leads.get("errors").findValuesAsString("field")).containsExactly("leadIds");
        JsonNode unchanged = api.getJson("/api/campaigns/" + id, business, 200);
        assertThat(unchanged.get("name").asString()).isEqualTo("Checks");
        assertThat(unchanged.get("maxConcurrentCalls").asInt()).isEqualTo(2);
    }

    @Test
    void aCampaignsLeadsShowTheirCallsAndLastOutcomeAndItsAnsweredCallsAreAmongTheBusinessesCalls() {
        var business = api.createBusiness("Call log");
        String dana = lead(business, "Dana Smith", "+16175550113");
        String ben = lead(business, "Ben Jones", "+16175550114");
        String id = campaign(business, dana, ben);
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        dialer.tick(UUID.fromString(id));
        JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200);
        assertThat(ringing.size()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(95));
        for (JsonNode call : ringing) {
            String sid = call.get("callSid").asString();
            if (call.get("to").asString().equals("+16175550113")) {
                send(business, "/api/sandbox/outbound-calls/" + sid + "/answer", "{\"answeredBy\": \"human\"}", 200);
                send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}", 200);
            } else {
                send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"no-answer\"}", 200);
            }
        }

        JsonNode leads = api.getJson("/api/campaigns/" + id + "/leads", business, 200);
        assertThat(leads.get("total").asInt()).isEqualTo(2);
        JsonNode benRow = leads.at("/items/0");
        assertThat(benRow.get("name").asString()).isEqualTo("Ben Jones");
        assertThat(benRow.get("stage").asString()).as("one retry left").isEqualTo("QUEUED");
        assertThat(benRow.get("attempts").asInt()).isEqualTo(1);
        assertThat(benRow.get("lastCallStatus").asString()).isEqualTo("no-answer");
        assertThat(Instant.parse(benRow.get("nextCallAt").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
        JsonNode danaRow = leads.at("/items/1");
        assertThat(danaRow.get("stage").asString()).isEqualTo("CONTACTED");
        assertThat(danaRow.get("lastAnsweredBy").asString()).isEqualTo("human");
        assertThat(danaRow.get("lastCallStatus").asString()).isEqualTo("completed");
        assertThat(danaRow.get("lastCallAt").asString()).isEqualTo(MONDAY_10AM_NEW_YORK.toString());
        assertThat(danaRow.get("nextCallAt").isNull()).isTrue();

        JsonNode queued = api.getJson("/api/campaigns/" + id + "/leads?stage=queued", business, 200);
        assertThat(queued.get("items").findValuesAsString("name")).containsExactly("Ben Jones");
        JsonNode badStage = api.getJson("/api/campaigns/" + id + "/leads?stage=HAPPY", business, 400);
        assertThat(badStage.get("errors").findValuesAsString("field")).containsExactly("stage");

        JsonNode calls = api.getJson("/api/campaigns/" + id + "/calls", business, 200);
        assertThat(calls.get("total").asInt()).isEqualTo(2);
        assertThat(calls.get("items").findValuesAsString("status")).containsExactlyInAnyOrder("completed", "no-answer");
        assertThat(calls.at("/items/0/attempt").asInt()).isEqualTo(1);

        // the answered call is one of the business's calls, the person called as its customerPhone
        JsonNode businessCalls = api.getJson("/api/calls", business, 200);
        assertThat(businessCalls.get("total").asInt())
                .as("only the answered call")
                .isEqualTo(1);
        JsonNode call = businessCalls.at("/items/0");
        assertThat(call.get("direction").asString()).isEqualTo("outbound-api");
        assertThat(call.get("customerPhone").asString()).isEqualTo("+16175550113");
        assertThat(call.get("status").asString()).isEqualTo("completed");
        assertThat(call.get("endedAt").isNull()).isFalse();

        var other = api.createBusiness("Someone else");
        api.getJson("/api/campaigns/" + id + "/leads", other, 404);
        api.getJson("/api/campaigns/" + id + "/calls", other, 404);
        api.patchJson("/api/campaigns/" + id, other, "{\"name\": \"Mine\"}", 404);
        assertThat(api.getJson("/api/calls", other, 200).get("total").asInt()).isZero();
    }
}
