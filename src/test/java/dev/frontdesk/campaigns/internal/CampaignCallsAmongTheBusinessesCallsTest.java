package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's answered call is one of the business's calls, and it names its campaign: {@code /api/calls} and
 * {@code /api/calls/{id}} carry {@code campaign: {id, name}} (the campaign's name of now, renamed or not),
 * {@code ?campaign=} lists one campaign's calls, and the CSV export has the campaign's id and name; another
 * business sees none of it.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class CampaignCallsAmongTheBusinessesCallsTest extends CampaignApiTestSupport {

    /** Starts the campaign, places its calls and has each answered by a person, then ended; the CallSids. */
    List<String> callAndAnswer(TestBusiness business, String campaign) {
        send(business, "/api/campaigns/" + campaign + "/start", "", 200);
        dialer.tick(UUID.fromString(campaign));
        JsonNode ringing = api.getJson("/api/sandbox/outbound-calls?status=ringing", business, 200);
        List<String> sids = ringing.valueStream()
                .map(call -> call.get("callSid").asString())
                .toList();
        for (String sid : sids) {
            send(business, "/api/sandbox/outbound-calls/" + sid + "/answer", "{\"answeredBy\": \"human\"}", 200);
            send(business, "/api/sandbox/outbound-calls/" + sid + "/end", "{\"status\": \"completed\"}", 200);
        }
        return sids;
    }

    @Test
    void aCampaignsAnsweredCallNamesItsCampaignAndTheCallsFilterByCampaign() throws Exception {
        var business = api.createBusiness("Campaign calls");
        String winter = campaign(business, lead(business, "Dana Smith", "+16175550131"));
        String danaSid = callAndAnswer(business, winter).getFirst();
        String spring = campaign(business, lead(business, "Ben Jones", "+16175550132"));
        String benSid = callAndAnswer(business, spring).getFirst();

        JsonNode all = api.getJson("/api/calls", business, 200);
        assertThat(all.get("total").asInt()).isEqualTo(2);
        for (JsonNode call : all.get("items")) {
            String expected = call.get("callSid").asString().equals(danaSid) ? winter : spring;
            assertThat(call.at("/campaign/id").asString()).isEqualTo(expected);
            assertThat(call.at("/campaign/name").asString()).isEqualTo("Checks");
        }

        JsonNode ofWinter = api.getJson("/api/calls?campaign=" + winter, business, 200);
        assertThat(ofWinter.get("total").asInt()).isEqualTo(1);
        JsonNode danaCall = ofWinter.at("/items/0");
        assertThat(danaCall.get("callSid").asString()).isEqualTo(danaSid);
        assertThat(danaCall.get("customerPhone").asString()).isEqualTo("+16175550131");
        assertThat(api.getJson("/api/calls?campaign=" + spring, business, 200)
                        .get("items")
                        .findValuesAsString("callSid"))
                .containsExactly(benSid);
        assertThat(api.getJson("/api/calls?campaign=" + UUID.randomUUID(), business, 200)
                        .get("total")
                        .asInt())
                .isZero();
        JsonNode bad = api.getJson("/api/calls?campaign=winter", business, 400);
        assertThat(bad.get("type").asString()).endsWith("/validation");
        assertThat(bad.get("errors").findValuesAsString("field")).containsExactly("campaign");

        // renamed while paused: its calls carry its name of now
        send(business, "/api/campaigns/" + winter + "/pause", "", 200);
        api.patchJson("/api/campaigns/" + winter, business, "{\"name\": \"Winter checks\"}", 200);
        JsonNode detail = api.getJson("/api/calls/" + danaCall.get("id").asString(), business, 200);
        assertThat(detail.at("/campaign/id").asString()).isEqualTo(winter);
        assertThat(detail.at("/campaign/name").asString()).isEqualTo("Winter checks");

        List<List<String>> rows = csv(business, "/api/calls/export");
        List<String> header = rows.getFirst();
        assertThat(header).endsWith("campaignId", "campaign");
        assertThat(rows.stream()
                        .skip(1)
                        .map(r -> r.get(header.indexOf("callSid")) + " " + r.get(header.indexOf("campaignId")) + " "
                                + r.get(header.indexOf("campaign"))))
                .containsExactlyInAnyOrder(
                        danaSid + " " + winter + " Winter checks", benSid + " " + spring + " Checks");
        List<List<String>> winterRows = csv(business, "/api/calls/export?campaign=" + winter);
        assertThat(winterRows.stream().skip(1).map(r -> r.get(header.indexOf("callSid"))))
                .containsExactly(danaSid);

        TestBusiness other = api.createBusiness("Someone else's calls");
        assertThat(api.getJson("/api/calls?campaign=" + winter, other, 200)
                        .get("total")
                        .asInt())
                .isZero();
        api.getJson("/api/calls/" + danaCall.get("id").asString(), other, 404);
        assertThat(csv(other, "/api/calls/export?campaign=" + winter)).hasSize(1);
    }

    /** The export as a client receives it (streamed), as rows of cells; the names here have no commas or quotes. */
    List<List<String>> csv(TestBusiness business, String path) throws Exception {
        MvcResult started = api.mvc().perform(api.as(business, get(path))).andReturn();
        MvcResult done = api.mvc().perform(asyncDispatch(started)).andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        return Arrays.stream(done.getResponse()
                        .getContentAsString(StandardCharsets.UTF_8)
                        .split("\r\n"))
                .filter(line -> !line.isEmpty())
                .map(line -> Arrays.asList(line.split(",", -1)))
                .toList();
    }
}
