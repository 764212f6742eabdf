package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Erasing a customer ({@code DELETE /api/customers/{id}}) reaches the campaigns it was a lead of: its name and
 * number leave the campaign's leads, call log and sandbox calls, the outcomes and counts stay, and a lead that
 * was waiting for a call (its first one or a retry) in a running campaign is never dialled afterwards. The
 * export shows the customer's campaigns and calls.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class ErasedLeadLeavesCampaignsTest extends CampaignApiTestSupport {

    /** The sandbox calls the dialer placed, by number called. */
    Map<String, String> ringing(TestBusiness business) {
        var calls = new java.util.HashMap<String, String>();
        api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200)
                .valueStream()
                .forEach(c -> calls.put(c.get("to").asString(), c.get("callSid").asString()));
        return calls;
    }

    List<String> dialled(TestBusiness business) {
        return api.getJson("/api/sandbox/outbound-calls", business, 200)
                .valueStream()
                .map(c -> c.get("to").asString())
                .toList();
    }

    void end(TestBusiness business, String callSid, String status) {
        send(business, "/api/sandbox/outbound-calls/" + callSid + "/end", "{\"status\": \"" + status + "\"}", 200);
    }

    /** Every value of every row the campaigns module keeps for the business, as text. */
    List<String> campaignRows(TestBusiness business) {
        var b = UUID.fromString(business.id());
        return java.util.stream.Stream.of("campaign_lead", "campaign_call", "campaign_sandbox_call")
                .flatMap(
                        table -> jdbc
                                .sql("SELECT * FROM " + table + " WHERE business_id = :b")
                                .param("b", b)
                                .query()
                                .listOfRows()
                                .stream())
                .flatMap(row -> row.values().stream())
                .map(String::valueOf)
                .toList();
    }

    @Test
    void anErasedLeadLeavesNoNameOrNumberInItsCampaignsAndTheCountsStay() {
        var business = api.createBusiness("Forgetful Plumbing");
        String dana = lead(business, "Dana Whitlock", "+16175550171");
        String eve = lead(business, "Eve Marsh", "+16175550172");
        String id = campaign(business, dana, eve);
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        dialer.tick(UUID.fromString(id));
        var calls = ringing(business);
        assertThat(calls).containsOnlyKeys("+16175550171", "+16175550172");
        send(business, "/api/sandbox/outbound-calls/" + calls.get("+16175550171") + "/answer", "{}", 200);
        end(business, calls.get("+16175550171"), "completed");
        end(business, calls.get("+16175550172"), "no-answer");

        JsonNode export = api.getJson("/api/customers/" + dana + "/export", business, 200);
        assertThat(export.at("/campaigns/0/name").asString()).isEqualTo("Checks");
        assertThat(export.at("/campaigns/0/stage").asString()).isEqualTo("CONTACTED");
        assertThat(export.at("/campaigns/0/calls/0/phone").asString()).isEqualTo("+16175550171");
        assertThat(export.at("/campaigns/0/calls/0/status").asString()).isEqualTo("completed");
        assertThat(export.at("/campaigns/0/calls/0/callSid").asString()).isEqualTo(calls.get("+16175550171"));

        api.perform(api.as(business, delete("/api/customers/" + dana)), 204);

        String leads =
                api.getJson("/api/campaigns/" + id + "/leads", business, 200).toString();
        String log =
                api.getJson("/api/campaigns/" + id + "/calls", business, 200).toString();
        String sandbox =
                api.getJson("/api/sandbox/outbound-calls", business, 200).toString();
        for (String seen : List.of(leads, log, sandbox, String.join("|", campaignRows(business)))) {
            assertThat(seen)
                    .doesNotContain("Dana", "Whitlock", "6175550171")
                    .as("Eve, who was not erased, is still there")
                    .contains("6175550172");
        }
        JsonNode counts = api.getJson("/api/campaigns/" + id, business, 200).get("counts");
        assertThat(counts.get("contacted").asInt())
                .as("the erased lead's outcome stays")
                .isEqualTo(1);
        assertThat(counts.get("queued").asInt()).as("Eve waits for her retry").isEqualTo(1);
        assertThat(api.getJson("/api/campaigns/" + id + "/calls", business, 200)
                        .get("total")
                        .asInt())
                .as("both calls stay in the log")
                .isEqualTo(2);
    }

    @Test
    void aLeadErasedWhileWaitingForItsFirstCallOrARetryIsNeverDialled() {
        var business = api.createBusiness("Erasing Co");
        String frank = lead(business, "Frank Retry", "+16175550173");
        String gina = lead(business, "Gina Kept", "+16175550174");
        String hal = lead(business, "Hal First", "+16175550175");
        String ivy = lead(business, "Ivy Kept", "+16175550176");
        String id = campaign(business, frank, gina);
        String second = campaign(business, hal, ivy);
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        send(business, "/api/campaigns/" + second + "/start", "", 200);
        // Hal is queued in a running campaign and erased before the dialer's first round
        api.perform(api.as(business, delete("/api/customers/" + hal)), 204);
        dialer.tick(UUID.fromString(id));
        dialer.tick(UUID.fromString(second));
        assertThat(dialled(business)).containsExactlyInAnyOrder("+16175550173", "+16175550174", "+16175550176");
        // nobody answers: each waits for a retry, and Frank is erased meanwhile
        ringing(business).values().forEach(sid -> end(business, sid, "no-answer"));
        api.perform(api.as(business, delete("/api/customers/" + frank)), 204);

        clock.set(MONDAY_10AM_NEW_YORK.plus(Duration.ofMinutes(61)));
        dialer.tick(UUID.fromString(id));
        dialer.tick(UUID.fromString(second));
        assertThat(dialled(business))
                .as("Gina and Ivy are called again; Frank never again, Hal never")
                .containsExactlyInAnyOrder("(erased)", "+16175550174", "+16175550176", "+16175550174", "+16175550176");
        for (String campaign : List.of(id, second)) {
            JsonNode counts =
                    api.getJson("/api/campaigns/" + campaign, business, 200).get("counts");
            assertThat(counts.get("erased").asInt()).isEqualTo(1);
            assertThat(counts.get("queued").asInt()).isZero();
            assertThat(counts.get("calling").asInt()).isEqualTo(1);
        }
    }
}
