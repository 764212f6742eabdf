package dev.frontdesk.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TenantIsolation;
import dev.frontdesk.support.TestApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@ApiTest
class SettingsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestApi api;

    @Autowired
    Tenants tenants;

    @Test
    void aBusinessReadsItsOwnSettingsWithItsKey() throws Exception {
        var business = api.createBusiness("Reader");
        mvc.perform(api.as(business, get("/api/settings")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(business.id()))
                .andExpect(jsonPath("$.name").value("Reader"))
                .andExpect(jsonPath("$.apiKey").doesNotExist())
                .andExpect(jsonPath("$.settings.messaging.smsDailyCap").value(500));
    }

    @Test
    void withoutAValidKeyTheTenantApiAnswers401() throws Exception {
        mvc.perform(get("/api/settings"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/invalid-api-key"));
        mvc.perform(get("/api/settings").header("X-API-Key", "fdk_AAAAAAAA_nope"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/settings").header("X-API-Key", TestApi.ADMIN_KEY)).andExpect(status().isUnauthorized());
        var business = api.createBusiness("Tampered");
        String tampered = business.apiKey().substring(0, business.apiKey().length() - 2) + "zz";
        mvc.perform(get("/api/settings").header("X-API-Key", tampered)).andExpect(status().isUnauthorized());
    }

    @Test
    void aBusinessChangesItsHoursAndSettings() throws Exception {
        var business = api.createBusiness("Changer");
        JsonNode changed = api.patchJson("/api/settings", business, """
                {"hours": {"SATURDAY": null, "FRIDAY": ["07:00-11:00", "12:00-15:30"]},
                 "closedDates": ["2026-12-25", "2026-12-26"],
                 "emergencyKeywords": ["Burst Pipe", "no heat"],
                 "settings": {"scheduling": {"minNoticeMinutes": 60, "bufferAfterMinutes": 15},
                              "messaging": {"widgetAllowedOrigins": ["https://changer.example"]}}}""", 200);
        assertThat(changed.at("/hours/SATURDAY").isMissingNode()).isTrue();
        assertThat(changed.at("/hours/FRIDAY/1").asString()).isEqualTo("12:00-15:30");
        assertThat(changed.at("/hours/MONDAY/0").asString()).isEqualTo("08:00-12:00");
        assertThat(changed.at("/closedDates/0").asString()).isEqualTo("2026-12-25");
        assertThat(changed.at("/emergencyKeywords/0").asString()).isEqualTo("burst pipe");
        assertThat(changed.at("/settings/scheduling/minNoticeMinutes").asInt()).isEqualTo(60);
        assertThat(changed.at("/settings/scheduling/bufferAfterMinutes").asInt())
                .isEqualTo(15);
        assertThat(changed.at("/settings/scheduling/slotMinutes").asInt()).isEqualTo(30);
        assertThat(changed.at("/settings/messaging/widgetAllowedOrigins/0").asString())
                .isEqualTo("https://changer.example");

        JsonNode reread = api.getJson("/api/settings", business, 200);
        assertThat(reread).isEqualTo(changed);
    }

    @Test
    void aBusinessCannotMoveItsPhoneNumbers() throws Exception {
        var business = api.createBusiness("Numbered");
        mvc.perform(api.as(business, patch("/api/settings"))
                        .contentType("application/merge-patch+json")
                        .content("{\"phoneNumbers\": [\"" + TestApi.randomPhoneNumber() + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phoneNumbers"));
        assertThat(api.getJson("/api/settings", business, 200)
                        .at("/phoneNumbers/0")
                        .asString())
                .isEqualTo(business.phoneNumber());
    }

    @Test
    void theWebhooksSeeEachChangeAtOnceAndNeverARefusedOne() throws Exception {
        var business = api.createBusiness("Remembered");
        var number = new dev.frontdesk.shared.PhoneNumber(business.phoneNumber());
        var id = new BusinessId(java.util.UUID.fromString(business.id()));
        assertThat(tenants.findByPhoneNumber(number).orElseThrow().name()).isEqualTo("Remembered");
        api.patchJson("/api/settings", business, "{\"greeting\": \"First\"}", 200);
        assertThat(tenants.findByPhoneNumber(number).orElseThrow().greeting()).isEqualTo("First");
        assertThat(tenants.find(id).orElseThrow().greeting()).isEqualTo("First");
        mvc.perform(api.as(business, patch("/api/settings"))
                        .contentType("application/merge-patch+json")
                        .content("{\"greeting\": \"Refused\", \"hours\": {\"MONDAY\": [\"09:00-08:00\"]}}"))
                .andExpect(status().isBadRequest());
        assertThat(tenants.findByPhoneNumber(number).orElseThrow().greeting()).isEqualTo("First");
        api.patchJson("/api/settings", business, "{\"greeting\": \"Second\"}", 200);
        assertThat(tenants.findByPhoneNumber(number).orElseThrow().greeting()).isEqualTo("Second");
        assertThat(tenants.find(id).orElseThrow().greeting()).isEqualTo("Second");
    }

    @Test
    void anInvalidChangeLeavesTheSettingsAsTheyWere() throws Exception {
        var business = api.createBusiness("Careful");
        JsonNode before = api.getJson("/api/settings", business, 200);
        mvc.perform(api.as(business, patch("/api/settings"))
                        .contentType("application/merge-patch+json")
                        .content("{\"greeting\": \"New\", \"hours\": {\"MONDAY\": [\"09:00-08:00\"]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours.MONDAY[0]"));
        mvc.perform(api.as(business, patch("/api/settings"))
                        .contentType("application/merge-patch+json")
                        .content("[1, 2]"))
                .andExpect(status().isBadRequest());
        assertThat(api.getJson("/api/settings", business, 200)).isEqualTo(before);
    }

    @Test
    void oneBusinessCannotSeeOrChangeAnothersData() throws Exception {
        var a = api.createBusiness("Tenant A");
        var b = api.createBusiness("Tenant B");
        api.patchJson("/api/settings", a, "{\"greeting\": \"A's greeting\"}", 200);

        JsonNode auditOfA = api.getJson("/api/audit", a, 200);
        String eventOfA = auditOfA.at("/items/0/id").asString();
        TenantIsolation.assertInvisibleToOtherBusiness(api, a, b, "/api/audit/" + eventOfA, null, false, "{}");

        api.patchJson("/api/settings", b, "{\"greeting\": \"B's greeting\"}", 200);
        assertThat(api.getJson("/api/settings", a, 200).get("greeting").asString())
                .isEqualTo("A's greeting");
        assertThat(api.getJson("/api/audit", b, 200)
                        .get("items")
                        .valueStream()
                        .map(e -> e.get("businessId").asString()))
                .containsOnly(b.id());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldNotAJavaClass() {
        var business = api.createBusiness("Typo");
        for (String patch : List.of(
                "{\"settings\": {\"scheduling\": {\"horizonDays\": \"lots\"}}}",
                "{\"hours\": {\"MONDAY\": {\"from\": \"08:00\"}}}",
                "{\"services\": [{\"name\": \"Drain cleaning\", \"durationMinutes\": [60]}]}")) {
            JsonNode problem = api.patchJson("/api/settings", business, patch, 400);
            assertThat(problem.get("type").asString()).endsWith("/validation");
            assertThat(problem.at("/errors/0/field").asString()).as(patch).isNotBlank();
            assertThat(problem.toString())
                    .as(patch)
                    .doesNotContain("java.")
                    .doesNotContain("dev.frontdesk")
                    .doesNotContain("Cannot deserialize");
        }
        JsonNode problem = api.patchJson(
                "/api/settings", business, "{\"settings\": {\"scheduling\": {\"horizonDays\": \"lots\"}}}", 400);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("settings.scheduling.horizonDays");
    }
}
