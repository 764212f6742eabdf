package dev.frontdesk.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A person who asked not to be called is never called again, even after their customer record is erased:
 * the business's do-not-call list keeps a keyed hash of the number, which a re-import of the number, a new
 * campaign and the dialer's check before each call all consult.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.jobs.enabled=false")
class DoNotCallOutlivesErasureTest extends CampaignApiTestSupport {

    /** A sandbox call from {@code phone} in which the caller says "please stop calling me". */
    void callerAsksNotToBeCalled(TestBusiness business, String phone) {
        JsonNode call = send(business, "/api/sandbox/calls", "{\"from\": \"%s\"}".formatted(phone), 200);
        String sid = call.get("callSid").asString();
        send(
                business,
                "/api/sandbox/calls/" + sid + "/say",
                "{\"text\": \"please stop calling me\", \"turn\": %d}"
                        .formatted(call.get("turn").asInt()),
                200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.getJson("/api/customers?q=" + phone.substring(1), business, 200)
                        .at("/items/0/doNotCall")
                        .asBoolean());
    }

    String customerId(TestBusiness business, String phone) {
        return api.getJson("/api/customers?q=" + phone.substring(1), business, 200)
                .at("/items/0/id")
                .asString();
    }

    JsonNode dialled(TestBusiness business) {
        return api.getJson("/api/sandbox/outbound-calls", business, 200);
    }

    @Test
    void anErasedCallerWhoAskedNotToBeCalledIsReimportedIntoANewCampaignAndNeverDialled() {
        var business = api.createBusiness("Never again");
        String asked = "+16175550161";
        callerAsksNotToBeCalled(business, asked);
        api.perform(api.as(business, delete("/api/customers/" + customerId(business, asked))), 204);
        assertThat(api.getJson("/api/customers?q=6175550161", business, 200)
                        .get("total")
                        .asInt())
                .as("the customer is erased")
                .isZero();
        JsonNode list = api.getJson("/api/do-not-call", business, 200);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0/lastDigits").asString()).isEqualTo("61");
        assertThat(list.at("/items/0/source").asString()).isEqualTo("CALLER");
        Map<String, Object> row = jdbc.sql("SELECT * FROM do_not_call WHERE business_id = :b")
                .param("b", UUID.fromString(business.id()))
                .query()
                .singleRow();
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains("6175550161"));

        JsonNode imported = api.read(api.perform(
                api.as(business, post("/api/leads/upload"))
                        .contentType("text/csv")
                        .content("name,phone\nDana Again,+16175550161\nEve,+16175550162\n"
                                .getBytes(StandardCharsets.UTF_8)),
                201));
        assertThat(imported.get("imported").asInt()).isEqualTo(2);
        String dana = customerId(business, asked);
        JsonNode reimported = api.getJson("/api/customers/" + dana, business, 200);
        assertThat(reimported.get("doNotCall").asBoolean()).isTrue();
        assertThat(reimported.get("status").asString()).isEqualTo("DO_NOT_CALL");

        String id = campaign(business, dana, customerId(business, "+16175550162"));
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/doNotCall")
                        .asInt())
                .isEqualTo(1);
        send(business, "/api/campaigns/" + id + "/start", "", 200);
        dialer.tick(UUID.fromString(id));
        JsonNode calls = dialled(business);
        assertThat(calls.valueStream().map(c -> c.get("to").asString())).containsExactly("+16175550162");
    }

    @Test
    void aQueuedLeadErasedAfterAskingNotToBeCalledIsSkippedByTheDialer() {
        var business = api.createBusiness("Skipped");
        String frank = "+16175550163";
        String frankId = send(business, "/api/customers", """
                        {"name": "Frank", "phone": "%s", "lead": true}""".formatted(frank), 201)
                .get("id")
                .asString();
        String id = campaign(business, frankId);
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/queued")
                        .asInt())
                .isEqualTo(1);
        callerAsksNotToBeCalled(business, frank);
        api.perform(api.as(business, delete("/api/customers/" + frankId)), 204);

        send(business, "/api/campaigns/" + id + "/start", "", 200);
        dialer.tick(UUID.fromString(id));
        assertThat(dialled(business).size()).as("no call placed").isZero();
        assertThat(api.getJson("/api/campaigns/" + id, business, 200)
                        .at("/counts/doNotCall")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aNumberOnAnotherBusinesssListIsStillCalledByThisOne() {
        var listing = api.createBusiness("Lists it");
        var calling = api.createBusiness("Calls it");
        send(listing, "/api/do-not-call", "{\"phone\": \"+16175550164\"}", 201);
        String lead = send(calling, "/api/customers", """
                        {"name": "Gina", "phone": "+16175550164", "lead": true}""", 201).get("id").asString();
        String id = campaign(calling, lead);
        send(calling, "/api/campaigns/" + id + "/start", "", 200);
        dialer.tick(UUID.fromString(id));
        assertThat(dialled(calling).valueStream().map(c -> c.get("to").asString()))
                .containsExactly("+16175550164");
    }
}
