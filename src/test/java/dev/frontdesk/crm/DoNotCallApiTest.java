package dev.frontdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The owner's do-not-call list: numbers are added (one, or a list at once) and removed by number, shown
 * only by their last digits, followed by the business's customer with the number; bad input is a problem;
 * one business never sees or changes another's list.
 */
@ApiTest
class DoNotCallApiTest {

    @Autowired
    TestApi api;

    JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    void remove(TestBusiness business, String phone, int status) {
        api.perform(api.as(business, delete("/api/do-not-call").param("phone", phone)), status);
    }

    @Test
    void anAddedNumberIsListedByItsLastDigitsAndItsCustomerIsNotCalledUntilItIsRemoved() {
        var business = api.createBusiness("Listing");
        String dana = send(business, "/api/customers", """
                        {"name": "Dana", "phone": "+16175550171", "lead": true}""", 201).get("id").asString();

        JsonNode entry = send(business, "/api/do-not-call", "{\"phone\": \"(617) 555-0171\"}", 201);
        assertThat(entry.get("number").asString()).isEqualTo("••••71");
        assertThat(entry.get("lastDigits").asString()).isEqualTo("71");
        assertThat(entry.get("source").asString()).isEqualTo("OWNER");
        assertThat(entry.toString()).doesNotContain("5550171").doesNotContain("Dana");
        assertThat(send(business, "/api/do-not-call", "{\"phone\": \"+16175550171\"}", 200)
                        .get("lastDigits")
                        .asString())
                .as("already listed")
                .isEqualTo("71");
        JsonNode customer = api.getJson("/api/customers/" + dana, business, 200);
        assertThat(customer.get("doNotCall").asBoolean()).isTrue();
        assertThat(customer.get("status").asString()).isEqualTo("DO_NOT_CALL");
        assertThat(api.getJson("/api/do-not-call?phone=6175550171", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.getJson("/api/do-not-call?phone=6175550179", business, 200)
                        .get("total")
                        .asInt())
                .isZero();

        remove(business, "+16175550171", 204);
        assertThat(api.getJson("/api/do-not-call", business, 200).get("total").asInt())
                .isZero();
        customer = api.getJson("/api/customers/" + dana, business, 200);
        assertThat(customer.get("doNotCall").asBoolean()).isFalse();
        assertThat(customer.get("status").asString()).isEqualTo("NEW");
        remove(business, "+16175550171", 404);
    }

    @Test
    void theOwnerMarkingACustomerDoNotCallPutsTheNumberOnTheListAndUnmarkingTakesItOff() {
        var business = api.createBusiness("Marking");
        String id = send(business, "/api/customers", """
                        {"name": "Eve", "phone": "+16175550172"}""", 201).get("id").asString();
        api.patchJson("/api/customers/" + id, business, "{\"doNotCall\": true}", 200);
        JsonNode list = api.getJson("/api/do-not-call", business, 200);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0/lastDigits").asString()).isEqualTo("72");
        assertThat(list.at("/items/0/source").asString()).isEqualTo("OWNER");
        api.patchJson("/api/customers/" + id, business, "{\"doNotCall\": false}", 200);
        assertThat(api.getJson("/api/do-not-call", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void anImportAddsEveryNumberOrNoneWhenOneIsBad() {
        var business = api.createBusiness("Importing");
        JsonNode problem = send(business, "/api/do-not-call/import", """
                {"phones": ["+16175550173", "not a number", "+16175550174", "12"]}""", 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("phones[1]", "phones[3]");
        assertThat(api.getJson("/api/do-not-call", business, 200).get("total").asInt())
                .as("nothing added")
                .isZero();

        send(business, "/api/do-not-call", "{\"phone\": \"+16175550173\"}", 201);
        JsonNode imported = send(business, "/api/do-not-call/import", """
                {"phones": ["+16175550173", "617-555-0174", "+16175550174"]}""", 200);
        assertThat(imported.get("added").asInt()).isEqualTo(1);
        assertThat(imported.get("alreadyListed").asInt()).isEqualTo(1);
        JsonNode list = api.getJson("/api/do-not-call", business, 200);
        assertThat(list.get("items")
                        .valueStream()
                        .map(e -> e.get("source").asString() + " "
                                + e.get("lastDigits").asString()))
                .containsExactlyInAnyOrder("OWNER 73", "IMPORT 74");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        var business = api.createBusiness("Strict list");
        assertThat(send(business, "/api/do-not-call", "{\"phone\": \"call me maybe\"}", 400)
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("phone");
        assertThat(send(business, "/api/do-not-call", "{}", 400).get("errors").findValuesAsString("field"))
                .containsExactly("phone");
        send(business, "/api/do-not-call", "{\"phone\": 42", 400);
        send(business, "/api/do-not-call/import", "{\"phones\": []}", 400);
        remove(business, "nonsense", 400);
        api.perform(api.as(business, delete("/api/do-not-call")), 400);
        api.getJson("/api/do-not-call?phone=abc", business, 400);
        assertThat(api.getJson("/api/do-not-call", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void anotherBusinessNeitherSeesNorRemovesTheList() {
        var owner = api.createBusiness("Owner list");
        var intruder = api.createBusiness("Intruder list");
        send(owner, "/api/do-not-call", "{\"phone\": \"+16175550175\"}", 201);

        assertThat(api.getJson("/api/do-not-call", intruder, 200).get("total").asInt())
                .isZero();
        assertThat(api.getJson("/api/do-not-call?phone=6175550175", intruder, 200)
                        .get("total")
                        .asInt())
                .isZero();
        remove(intruder, "+16175550175", 404);
        assertThat(api.getJson("/api/do-not-call", owner, 200).get("total").asInt())
                .isEqualTo(1);
        // listing the same number makes an entry of its own, which the owner's list does not show twice
        send(intruder, "/api/do-not-call", "{\"phone\": \"+16175550175\"}", 201);
        remove(intruder, "+16175550175", 204);
        assertThat(api.getJson("/api/do-not-call", owner, 200).get("total").asInt())
                .isEqualTo(1);
    }
}
