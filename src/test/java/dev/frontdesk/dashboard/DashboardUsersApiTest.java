package dev.frontdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** A business adds the people who sign in to its dashboard with its API key. */
@DashboardTest
class DashboardUsersApiTest {

    @Autowired
    TestApi api;

    private JsonNode create(TestBusiness business, String body, int status) {
        return api.read(api.perform(
                api.as(business, post("/api/users"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    @Test
    void aNewUserIsCreatedAndListedButThePasswordIsNeverShown() {
        TestBusiness business = api.createBusiness("Users plumbing");
        JsonNode created = create(business, """
                {"email": " Sam.Lee@Example.com ", "name": "Sam Lee", "role": "staff", "password": "a long passphrase"}""", 201);
        assertThat(created.get("id").asString()).isNotBlank();
        assertThat(created.get("email").asString()).isEqualTo("sam.lee@example.com");
        assertThat(created.get("role").asString()).isEqualTo("STAFF");
        assertThat(created.has("password")).isFalse();

        JsonNode list = api.getJson("/api/users", business, 200);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("email").asString()).isEqualTo("sam.lee@example.com");
        assertThat(list.toString()).doesNotContain("passphrase").doesNotContain("bcrypt");
    }

    @Test
    void invalidFieldsAreListedInAProblem() {
        TestBusiness business = api.createBusiness("Invalid users plumbing");
        JsonNode problem =
                create(business, "{\"email\": \"not-an-email\", \"role\": \"ADMIN\", \"password\": \"short\"}", 400);
        assertThat(problem.get("type").asString()).endsWith("/validation");
        assertThat(problem.get("errors").toString()).contains("email", "name", "role", "password");

        JsonNode tooLong = create(
                business,
                "{\"email\": \"a@b.co\", \"name\": \"A\", \"role\": \"OWNER\", \"password\": \"%s\"}"
                        .formatted("é".repeat(40)),
                400);
        assertThat(tooLong.get("errors").toString()).contains("72 bytes");

        assertThat(create(business, "{\"email\": ", 400).get("status").asInt()).isEqualTo(400);
        assertThat(create(business, "{\"email\": \"a@b.co\", \"admin\": true}", 400)
                        .get("status")
                        .asInt())
                .isEqualTo(400);
    }

    @Test
    void anEmailAlreadyInUseIsAConflictEvenInAnotherBusiness() {
        TestBusiness first = api.createBusiness("First users plumbing");
        TestBusiness second = api.createBusiness("Second users plumbing");
        String body = "{\"email\": \"taken@example.com\", \"name\": \"Pat\", \"role\": \"OWNER\","
                + " \"password\": \"a long passphrase\"}";
        create(first, body, 201);
        JsonNode again = create(first, body.replace("taken@", "TAKEN@"), 409);
        assertThat(again.get("type").asString()).endsWith("/email-in-use");
        create(second, body, 409);
    }

    @Test
    void eachBusinessSeesOnlyItsOwnUsersAndTheApiKeyIsRequired() {
        TestBusiness mine = api.createBusiness("My users plumbing");
        TestBusiness theirs = api.createBusiness("Their users plumbing");
        create(
                theirs,
                "{\"email\": \"theirs@example.com\", \"name\": \"Them\", \"role\": \"OWNER\","
                        + " \"password\": \"a long passphrase\"}",
                201);
        assertThat(api.getJson("/api/users", mine, 200).get("total").asLong()).isZero();
        api.perform(get("/api/users"), 401);
        api.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("{}"), 401);
    }
}
