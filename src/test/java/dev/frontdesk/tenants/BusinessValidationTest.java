package dev.frontdesk.tenants;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bad input gets a clear problem naming each bad field, and nothing is written. */
@ApiTest
class BusinessValidationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    private ResultActions create(String body) throws Exception {
        return mvc.perform(api.asAdmin(post("/api/admin/businesses"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private long businesses() {
        return jdbc.sql("SELECT COUNT(*) FROM business").query(Long.class).single();
    }

    private void expectInvalid(String body, String field) throws Exception {
        long before = businesses();
        create(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
        org.assertj.core.api.Assertions.assertThat(businesses())
                .as("nothing written")
                .isEqualTo(before);
    }

    @Test
    void anUnknownTimezoneIsRejected() throws Exception {
        expectInvalid("{\"name\": \"X\", \"timezone\": \"Mars/Olympus\"}", "timezone");
        expectInvalid("{\"name\": \"X\", \"timezone\": \"+02:00\"}", "timezone");
    }

    @Test
    void anEmptyNameIsRejected() throws Exception {
        expectInvalid("{\"name\": \"  \", \"timezone\": \"Europe/London\"}", "name");
        expectInvalid("{\"timezone\": \"Europe/London\"}", "name");
    }

    @Test
    void numbersMustBeE164() throws Exception {
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"phoneNumbers\": [\"(617) 555-0100\"]}",
                "phoneNumbers[0]");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"phoneNumbers\": [\"+1555\"]}", "phoneNumbers[0]");
        expectInvalid("{\"name\": \"X\", \"timezone\": \"Europe/London\", \"ownerPhone\": \"12345\"}", "ownerPhone");
    }

    @Test
    void aNumberListedTwiceIsRejected() throws Exception {
        String n = TestApi.randomPhoneNumber();
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"phoneNumbers\": [\"" + n + "\", \"" + n + "\"]}",
                "phoneNumbers[1]");
    }

    @Test
    void aNumberOfAnotherBusinessIsAConflict() throws Exception {
        var owner = api.createBusiness("First owner");
        long before = businesses();
        create(TestApi.businessJson("Second owner", owner.phoneNumber()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/phone-number-taken"))
                .andExpect(jsonPath("$.phoneNumbers[0]").value(owner.phoneNumber()));
        org.assertj.core.api.Assertions.assertThat(businesses()).isEqualTo(before);
    }

    @Test
    void overlappingOrInvertedHoursAreRejected() throws Exception {
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"hours\": {\"MONDAY\": [\"08:00-12:00\", \"11:30-14:00\"]}}",
                "hours.MONDAY[1]");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"hours\": {\"MONDAY\": [\"17:00-08:00\"]}}",
                "hours.MONDAY[0]");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"hours\": {\"FUNDAY\": [\"08:00-12:00\"]}}",
                "hours.FUNDAY");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"hours\": {\"MONDAY\": [\"8am-5pm\"]}}",
                "hours.MONDAY[0]");
    }

    @Test
    void servicesNeedANameAndASensibleDuration() throws Exception {
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"services\": [{\"name\": \"\", \"durationMinutes\": 30}]}",
                "services[0].name");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"services\": [{\"name\": \"A\", \"durationMinutes\": 0}]}",
                "services[0].durationMinutes");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"services\": [{\"name\": \"A\", \"durationMinutes\": 30},"
                        + " {\"name\": \"a\", \"durationMinutes\": 30}]}",
                "services[1]");
    }

    @Test
    void settingsOutOfRangeAreRejected() throws Exception {
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"settings\": {\"scheduling\": {\"slotMinutes\": 1}}}",
                "settings.scheduling.slotMinutes");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"defaultLanguage\": \"klingon\"}",
                "defaultLanguage");
        expectInvalid(
                "{\"name\": \"X\", \"timezone\": \"Europe/London\", \"closedDates\": [\"2026-02-30\"]}",
                "closedDates[0]");
    }

    @Test
    void malformedJsonAndUnknownFieldsGetAClearProblem() throws Exception {
        create("{\"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/malformed-body"));
        create("{\"name\": \"X\", \"timezone\": \"Europe/London\", \"colour\": \"blue\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/malformed-body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("colour")));
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(70_000) + "\", \"timezone\": \"Europe/London\"}";
        long before = businesses();
        create(huge)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/payload-too-large"));
        org.assertj.core.api.Assertions.assertThat(businesses()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAreProblemsToo() throws Exception {
        mvc.perform(api.asAdmin(get("/api/admin/nothing-here")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
