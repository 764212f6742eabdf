package dev.frontdesk.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Partners get keys of their own, transfer leads into one business, and are held to their rate. */
@ApiTest
class PartnersApiTest {

    @Autowired
    TestApi api;

    JsonNode createPartner(TestBusiness business, String name, int rate) {
        return api.read(api.perform(
                api.as(business, post("/api/partners"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"ratePerMinute\": " + rate + "}"),
                201));
    }

    MvcResult transfer(String key, String body, int status) {
        var request = post("/api/leads/partner-transfer")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (key != null) {
            request.header("X-Partner-Key", key);
        }
        return api.perform(request, status);
    }

    static String leads(int count, int from) {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add("{\"name\": \"Lead " + (from + i) + "\", \"phone\": \"+1617555" + String.format("%04d", from + i)
                    + "\"}");
        }
        return "{\"leads\": [" + String.join(",", leads) + "]}";
    }

    @Test
    void aPartnerKeyIsShownOnceAndNeverListed() {
        var business = api.createBusiness("Partnered");
        JsonNode created = createPartner(business, "Acme Leads", 30);
        assertThat(created.get("key").asString()).startsWith("fdp_");
        assertThat(created.get("name").asString()).isEqualTo("Acme Leads");
        assertThat(created.get("ratePerMinute").asInt()).isEqualTo(30);
        assertThat(created.get("active").asBoolean()).isTrue();

        JsonNode list = api.getJson("/api/partners", business, 200);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0/id")).isEqualTo(created.get("id"));
        assertThat(list.at("/items/0").has("key")).isFalse();
        assertThat(api.getJson("/api/partners/" + created.get("id").asString(), business, 200)
                        .has("key"))
                .isFalse();
        assertThat(api.read(api.perform(
                                api.as(business, post("/api/partners"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"name\": \"Acme Leads\"}"),
                                409))
                        .get("type")
                        .asString())
                .endsWith("/partner-exists");
    }

    @Test
    void aPartnerWithoutANameOrWithAnImpossibleRateIsRefusedWithEveryField() {
        var business = api.createBusiness("Strict partners");
        JsonNode problem = api.read(api.perform(
                api.as(business, post("/api/partners"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ratePerMinute\": 0, \"colour\": \"red\"}"),
                400));
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "ratePerMinute", "colour");
    }

    @Test
    void transferredLeadsAreCreatedAsPartnerLeadsWithAnOutcomePerLead() {
        var business = api.createBusiness("Lead buyer");
        String key = createPartner(business, "Acme Leads", 60).get("key").asString();
        api.perform(
                api.as(business, post("/api/customers"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Known\", \"phone\": \"+16175550300\"}"),
                201);

        JsonNode results = api.read(transfer(key, """
                        {"leads": [
                          {"name": "Dana Smith", "phone": "+1 617 555 0301", "email": "dana@example.com"},
                          {"name": "Lucía Pérez", "phone": "+34 612 34 56 78", "language": "es-MX"},
                          {"name": "Known Again", "phone": "+16175550300"},
                          {"name": "Dana Twice", "phone": "(617) 555-0301"},
                          {"name": "No Phone"},
                          {"name": "", "phone": "12"},
                          {"name": "Odd", "phone": 16175550302},
                          "not a lead"
                        ]}""", 200)).get("results");

        assertThat(results.size()).isEqualTo(8);
        assertThat(results.findValuesAsString("status"))
                .containsExactly(
                        "CREATED", "CREATED", "DUPLICATE", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(results.at("/0/phone").asString()).isEqualTo("+16175550301");
        assertThat(results.at("/0").has("reason")).isFalse();
        assertThat(results.at("/3/leadId")).isEqualTo(results.at("/0/leadId"));
        assertThat(results.at("/4/reason").asString()).contains("phone is empty");
        assertThat(results.at("/5/reason").asString()).contains("name is empty").contains("phone is not a valid");
        assertThat(results.at("/5/phone").asString()).isEqualTo("12");
        assertThat(results.at("/6/reason").asString()).contains("phone must be a string");
        assertThat(results.at("/7").has("leadId")).isFalse();

        JsonNode dana = api.getJson("/api/customers/" + results.at("/0/leadId").asString(), business, 200);
        assertThat(dana.get("source").asString()).isEqualTo("PARTNER");
        assertThat(dana.get("partner").asString()).isEqualTo("Acme Leads");
        assertThat(dana.get("lead").asBoolean()).isTrue();
        assertThat(dana.get("email").asString()).isEqualTo("dana@example.com");
        JsonNode lucia = api.getJson("/api/customers/" + results.at("/1/leadId").asString(), business, 200);
        assertThat(lucia.get("language").asString()).isEqualTo("es");
        JsonNode known = api.getJson("/api/customers/" + results.at("/2/leadId").asString(), business, 200);
        assertThat(known.get("name").asString()).isEqualTo("Known");
        assertThat(known.get("source").asString()).isEqualTo("MANUAL");
        assertThat(known.get("partner").isNull()).isTrue();
        assertThat(api.read(api.perform(api.as(business, get("/api/leads").param("partner", "Acme Leads")), 200))
                        .get("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void onlyTheCurrentKeyOfAnActivePartnerIsHonoured() {
        var business = api.createBusiness("Key keeper");
        JsonNode partner = createPartner(business, "Rotating", 60);
        String id = partner.get("id").asString();
        String oldKey = partner.get("key").asString();

        JsonNode missing = api.read(transfer(null, leads(1, 400), 401));
        assertThat(missing.get("type").asString()).endsWith("/invalid-partner-key");
        transfer("fdp_AAAAAAAA_wrong", leads(1, 400), 401);
        transfer(business.apiKey(), leads(1, 400), 401);
        transfer(oldKey, leads(1, 400), 200);

        String newKey = api.read(api.perform(api.as(business, post("/api/partners/" + id + "/key")), 200))
                .get("key")
                .asString();
        assertThat(newKey).isNotEqualTo(oldKey);
        transfer(oldKey, leads(1, 401), 401);
        transfer(newKey, leads(1, 401), 200);

        JsonNode inactive = api.read(api.perform(api.as(business, post("/api/partners/" + id + "/deactivate")), 200));
        assertThat(inactive.get("active").asBoolean()).isFalse();
        transfer(newKey, leads(1, 402), 401);
        api.perform(api.as(business, post("/api/partners/" + id + "/activate")), 200);
        transfer(newKey, leads(1, 402), 200);
    }

    @Test
    void overTheLimitABatchIsRefusedWholeWithRetryAfter() throws Exception {
        var business = api.createBusiness("Rate limited");
        String key = createPartner(business, "Slow", 5).get("key").asString();

        transfer(key, leads(3, 500), 200);
        MvcResult refused = transfer(key, leads(3, 510), 429);
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 60L);
        JsonNode problem = api.read(refused);
        assertThat(problem.get("type").asString()).endsWith("/partner-rate-limited");
        assertThat(api.read(api.perform(api.as(business, get("/api/leads").param("q", "Lead 51")), 200))
                        .get("total")
                        .asInt())
                .as("nothing of the refused batch is imported")
                .isZero();
        transfer(key, leads(2, 520), 200);
        transfer(key, leads(1, 530), 429);
        assertThat(api.getJson("/api/leads", business, 200).get("total").asInt())
                .isEqualTo(5);
    }

    @Test
    void aBatchLargerThanABatchMayBeOrEmptyIsAClearProblem() {
        var business = api.createBusiness("Batch sizes");
        String key = createPartner(business, "Bulk", 1000).get("key").asString();
        JsonNode tooLarge = api.read(transfer(key, leads(101, 600), 413));
        assertThat(tooLarge.get("type").asString()).endsWith("/batch-too-large");
        assertThat(tooLarge.get("maxBatch").asInt()).isEqualTo(100);
        transfer(key, leads(100, 600), 200);

        String slow = createPartner(business, "Small", 3).get("key").asString();
        assertThat(api.read(transfer(slow, leads(4, 800), 413)).get("maxBatch").asInt())
                .isEqualTo(3);
        assertThat(api.read(transfer(key, "{\"leads\": []}", 400))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("leads");
        transfer(key, "{}", 400);
    }

    @Test
    void aSuspendedBusinessTakesNoLeadsAndPartnerChangesAreAudited() {
        var business = api.createBusiness("Suspended buyer");
        JsonNode partner = createPartner(business, "Audited", 10);
        String key = api.read(api.perform(
                        api.as(
                                business,
                                post("/api/partners/" + partner.get("id").asString() + "/key")),
                        200))
                .get("key")
                .asString();
        JsonNode audit = api.getJson("/api/audit", business, 200);
        assertThat(audit.get("items").findValuesAsString("action")).contains("partner.created", "partner.key-rotated");
        assertThat(audit.toString())
                .doesNotContain(key)
                .doesNotContain(partner.get("key").asString());

        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/suspend")), 200);
        JsonNode refused = api.read(transfer(key, leads(1, 900), 403));
        assertThat(refused.get("type").asString()).endsWith("/business-suspended");
        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/activate")), 200);
        transfer(key, leads(1, 900), 200);
    }

    @Test
    void anotherBusinessCannotSeeOrChangeAPartner() {
        var owner = api.createBusiness("Owner of partner");
        var other = api.createBusiness("Nosy");
        String id = createPartner(owner, "Private", 10).get("id").asString();
        api.perform(api.as(other, get("/api/partners/" + id)), 404);
        api.perform(api.as(other, post("/api/partners/" + id + "/key")), 404);
        api.perform(api.as(other, post("/api/partners/" + id + "/deactivate")), 404);
        assertThat(api.getJson("/api/partners", other, 200).get("total").asInt())
                .isZero();
    }
}
