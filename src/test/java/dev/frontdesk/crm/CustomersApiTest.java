package dev.frontdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TenantIsolation;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Owners add, find, change and list their customers and leads; only their own. */
@ApiTest
class CustomersApiTest {

    @Autowired
    TestApi api;

    JsonNode create(TestBusiness business, String body, int status) {
        return api.read(api.perform(
                api.as(business, post("/api/customers"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    @Test
    void aCustomerIsStoredInE164WithCountryLanguageAndZoneFromTheNumber() {
        var business = api.createBusiness("Numbers");
        JsonNode us = create(business, "{\"name\": \"Dana Smith\", \"phone\": \"(617) 555-0123\"}", 201);
        assertThat(us.get("phone").asString()).isEqualTo("+16175550123");
        assertThat(us.get("country").asString()).isEqualTo("US");
        assertThat(us.get("language").asString()).isEqualTo("en");
        assertThat(us.get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(us.get("status").asString()).isEqualTo("NEW");
        assertThat(us.get("source").asString()).isEqualTo("MANUAL");
        assertThat(us.get("smsOptOut").asBoolean()).isFalse();
        assertThat(us.get("doNotCall").asBoolean()).isFalse();
        for (String field : List.of(
                "id",
                "name",
                "phone",
                "email",
                "language",
                "timezone",
                "status",
                "source",
                "partner",
                "smsOptOut",
                "doNotCall",
                "createdAt")) {
            assertThat(us.has(field)).as(field).isTrue();
        }

        JsonNode spain = create(business, "{\"name\": \"Lucía\", \"phone\": \"+34 612 34 56 78\"}", 201);
        assertThat(spain.get("language").asString()).isEqualTo("es");
        assertThat(spain.get("timezone").asString()).isEqualTo("Europe/Madrid");
        JsonNode given = create(
                business,
                "{\"phone\": \"+33612345678\", \"language\": \"en-GB\", \"timezone\": \"Europe/London\"}",
                201);
        assertThat(given.get("language").asString()).isEqualTo("en");
        assertThat(given.get("timezone").asString()).isEqualTo("Europe/London");
        assertThat(given.get("country").asString()).isEqualTo("FR");

        assertThat(api.getJson("/api/customers/" + us.get("id").asString(), business, 200))
                .isEqualTo(us);
        JsonNode again = create(business, "{\"phone\": \"+1 617 555 0123\"}", 409);
        assertThat(again.get("type").asString()).endsWith("/customer-exists");
        assertThat(again.get("customerId").asString()).isEqualTo(us.get("id").asString());
    }

    @Test
    void badInputIsAProblemListingEveryBadField() {
        var business = api.createBusiness("Strict CRM");
        JsonNode problem = create(
                business,
                "{\"phone\": \"12\", \"email\": \"nope\", \"timezone\": \"Mars/Olympus\", \"tags\": [\"a,b\"],"
                        + " \"status\": \"HAPPY\", \"doNotCall\": \"yes\", \"colour\": \"red\"}",
                400);
        assertThat(problem.get("type").asString()).endsWith("/validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("phone", "email", "timezone", "tags[0]", "status", "doNotCall", "colour");
        create(business, "{\"name\": \"No phone\"}", 400);
        create(business, "[]", 400);
        api.perform(api.as(business, get("/api/customers?status=HAPPY")), 400);
        api.perform(api.as(business, get("/api/customers?pageSize=1000")), 400);
        api.getJson("/api/customers/not-a-uuid", business, 404);
        assertThat(api.getJson("/api/customers", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void listsFilterByStatusLanguagePartnerTagAndText() {
        var business = api.createBusiness("Filters");
        create(
                business,
                "{\"name\": \"Ana García\", \"phone\": \"+34612345001\", \"tags\": [\"VIP\", \"spring\"],"
                        + " \"partner\": \"Acme Leads\", \"lead\": true}",
                201);
        create(
                business,
                "{\"name\": \"Bob Jones\", \"phone\": \"+16175550111\", \"email\": \"bob@jones.example\"}",
                201);
        create(
                business,
                "{\"name\": \"Chloé\", \"phone\": \"+33612345002\", \"status\": \"CONTACTED\", \"lead\": true,"
                        + " \"tags\": [\"vip_\"]}",
                201);

        assertThat(names(api.getJson("/api/customers", business, 200)))
                .containsExactly("Chloé", "Bob Jones", "Ana García");
        assertThat(names(api.getJson("/api/leads", business, 200))).containsExactly("Chloé", "Ana García");
        assertThat(names(api.getJson("/api/customers?language=ES", business, 200)))
                .containsExactly("Ana García");
        assertThat(names(api.getJson("/api/leads?status=contacted", business, 200)))
                .containsExactly("Chloé");
        assertThat(names(api.getJson("/api/customers?tag=vip", business, 200))).containsExactly("Ana García");
        assertThat(names(api.getJson("/api/customers?partner=acme leads", business, 200)))
                .containsExactly("Ana García");
        assertThat(names(api.getJson("/api/customers?q=JONES.EX", business, 200)))
                .containsExactly("Bob Jones");
        assertThat(names(api.getJson("/api/customers?q=617555", business, 200))).containsExactly("Bob Jones");
        assertThat(names(api.getJson("/api/customers?q=%25", business, 200))).isEmpty();
        JsonNode paged = api.getJson("/api/customers?pageSize=2&page=2", business, 200);
        assertThat(paged.get("total").asInt()).isEqualTo(3);
        assertThat(names(paged)).containsExactly("Ana García");
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndDoNotCallMovesTheFunnel() {
        var business = api.createBusiness("Patches");
        String id = create(business, "{\"name\": \"Dee\", \"phone\": \"+16175550155\", \"tags\": [\"a\"]}", 201)
                .get("id")
                .asString();
        JsonNode changed = api.patchJson(
                "/api/customers/" + id, business, "{\"email\": \"dee@example.com\", \"doNotCall\": true}", 200);
        assertThat(changed.get("name").asString()).isEqualTo("Dee");
        assertThat(changed.get("email").asString()).isEqualTo("dee@example.com");
        assertThat(changed.get("doNotCall").asBoolean()).isTrue();
        assertThat(changed.get("status").asString()).isEqualTo("DO_NOT_CALL");
        assertThat(changed.get("tags").valueStream().map(JsonNode::asString)).containsExactly("a");

        JsonNode back = api.patchJson("/api/customers/" + id, business, "{\"doNotCall\": false, \"email\": null}", 200);
        assertThat(back.get("status").asString()).isEqualTo("NEW");
        assertThat(back.get("email").isNull()).isTrue();
        api.patchJson("/api/customers/" + id, business, "{\"phone\": \"nope\"}", 400);
        create(business, "{\"phone\": \"+16175550156\"}", 201);
        api.patchJson("/api/customers/" + id, business, "{\"phone\": \"+16175550156\"}", 409);
    }

    @Test
    void anotherBusinessCannotReadChangeOrDeleteACustomer() {
        var owner = api.createBusiness("Owner CRM");
        var intruder = api.createBusiness("Intruder CRM");
        String id = create(owner, "{\"name\": \"Private\", \"phone\": \"+16175550177\"}", 201)
                .get("id")
                .asString();
        TenantIsolation.assertInvisibleToOtherBusiness(
                api, owner, intruder, "/api/customers/" + id, "{\"name\": \"Stolen\"}", true, "{}");
        api.getJson("/api/customers/" + id + "/timeline", intruder, 404);
        api.getJson("/api/customers/" + id + "/export", intruder, 404);
        assertThat(api.getJson("/api/customers", intruder, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/customers?q=Private", intruder, 200)
                        .get("total")
                        .asInt())
                .isZero();
    }

    static List<String> names(JsonNode page) {
        return page.get("items")
                .valueStream()
                .map(i -> i.get("name").asString())
                .toList();
    }
}
