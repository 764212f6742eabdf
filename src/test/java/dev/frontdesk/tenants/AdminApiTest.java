package dev.frontdesk.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@ApiTest
class AdminApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestApi api;

    @Autowired
    Tenants tenants;

    @Test
    void creatingABusinessReturnsItsKeysOnceAndTheBusinessAsSent() throws Exception {
        String number = TestApi.randomPhoneNumber();
        mvc.perform(api.asAdmin(post("/api/admin/businesses"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TestApi.businessJson("Acme Plumbing", number)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/admin/businesses/")))
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.apiKey", startsWith("fdk_")))
                .andExpect(jsonPath("$.widgetToken", startsWith("fdw_")))
                .andExpect(jsonPath("$.name").value("Acme Plumbing"))
                .andExpect(jsonPath("$.timezone").value("America/New_York"))
                .andExpect(jsonPath("$.phoneNumbers[0]").value(number))
                .andExpect(jsonPath("$.services[1].aliases[0]").value("leak"))
                .andExpect(jsonPath("$.hours.MONDAY", containsInAnyOrder("08:00-12:00", "13:00-17:00")))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.emergencyKeywords", hasItem("burst pipe")))
                .andExpect(jsonPath("$.settings.scheduling.slotMinutes").value(30))
                .andExpect(jsonPath("$.settings.scheduling.minNoticeMinutes").value(120))
                .andExpect(jsonPath("$.settings.scheduling.horizonDays").value(60))
                .andExpect(jsonPath("$.settings.assistant.speechConfidenceThreshold")
                        .value(0.4));

        var business = tenants.findByPhoneNumber(new dev.frontdesk.shared.PhoneNumber(number))
                .orElseThrow();
        mvc.perform(api.asAdmin(get("/api/admin/businesses/" + business.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.apiKey").doesNotExist())
                .andExpect(jsonPath("$.widgetToken").doesNotExist())
                .andExpect(jsonPath("$.apiKeyPrefix").isNotEmpty());
    }

    @Test
    void theAdminApiRejectsAMissingOrWrongAdminKey() throws Exception {
        mvc.perform(get("/api/admin/businesses"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/invalid-admin-key"));
        mvc.perform(get("/api/admin/businesses").header("X-Admin-Key", "not-the-admin-key-at-all"))
                .andExpect(status().isUnauthorized());
        var business = api.createBusiness("Keyed");
        mvc.perform(get("/api/admin/businesses").header("X-Admin-Key", business.apiKey()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void listingBusinessesIsPagedAndFiltersByStatus() throws Exception {
        api.createBusiness("Paged One");
        api.createBusiness("Paged Two");
        var suspended = api.createBusiness("Paged Three");
        mvc.perform(api.asAdmin(post("/api/admin/businesses/" + suspended.id() + "/suspend")))
                .andExpect(status().isOk());

        mvc.perform(api.asAdmin(get("/api/admin/businesses").param("pageSize", "2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.pageSize").value(2))
                .andExpect(jsonPath("$.items[0].apiKey").doesNotExist());
        mvc.perform(api.asAdmin(get("/api/admin/businesses")
                        .param("status", "SUSPENDED")
                        .param("pageSize", "100")))
                .andExpect(jsonPath(
                        "$.items[*].status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("SUSPENDED"))))
                .andExpect(jsonPath("$.items[*].id", hasItem(suspended.id())));
        mvc.perform(api.asAdmin(get("/api/admin/businesses").param("pageSize", "101")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/invalid-paging"));
        mvc.perform(api.asAdmin(get("/api/admin/businesses").param("page", "0")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void patchingMergesChangesAndKeepsTheRest() throws Exception {
        var business = api.createBusiness("Patchable");
        mvc.perform(api.asAdmin(patch("/api/admin/businesses/" + business.id()))
                        .contentType("application/merge-patch+json")
                        .content("""
                                {"greeting": "Hello from Patchable", "hours": {"SUNDAY": ["10:00-14:00"]},
                                 "settings": {"scheduling": {"slotMinutes": 15}}, "ownerEmail": null}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.greeting").value("Hello from Patchable"))
                .andExpect(jsonPath("$.hours.SUNDAY[0]").value("10:00-14:00"))
                .andExpect(jsonPath("$.hours.MONDAY[0]").value("08:00-12:00"))
                .andExpect(jsonPath("$.settings.scheduling.slotMinutes").value(15))
                .andExpect(jsonPath("$.settings.scheduling.minNoticeMinutes").value(120))
                .andExpect(jsonPath("$.ownerEmail").doesNotExist())
                .andExpect(jsonPath("$.name").value("Patchable"));

        String newNumber = TestApi.randomPhoneNumber();
        mvc.perform(api.asAdmin(patch("/api/admin/businesses/" + business.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phoneNumbers\": [\"" + newNumber + "\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phoneNumbers[0]").value(newNumber));
        assertThat(tenants.findByPhoneNumber(new dev.frontdesk.shared.PhoneNumber(newNumber)))
                .hasValueSatisfying(b -> assertThat(b.id().toString()).isEqualTo(business.id()));
        assertThat(tenants.findByPhoneNumber(new dev.frontdesk.shared.PhoneNumber(business.phoneNumber())))
                .isEmpty();
    }

    @Test
    void suspendingABusinessLocksItsKeyOutUntilItIsActivated() throws Exception {
        var business = api.createBusiness("Suspendable");
        mvc.perform(api.as(business, get("/api/settings"))).andExpect(status().isOk());

        mvc.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/suspend")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(api.as(business, get("/api/settings")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/business-suspended"));

        mvc.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/activate")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(api.as(business, get("/api/settings"))).andExpect(status().isOk());
    }

    @Test
    void aRotatedApiKeyStopsWorkingAtOnce() throws Exception {
        var business = api.createBusiness("Rotating");
        JsonNode rotated =
                api.read(api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/api-key")), 200));
        String newKey = rotated.get("apiKey").asString();
        assertThat(newKey).startsWith("fdk_").isNotEqualTo(business.apiKey());

        mvc.perform(api.as(business, get("/api/settings")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/invalid-api-key"));
        mvc.perform(get("/api/settings").header("X-API-Key", newKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(business.id()));
    }

    @Test
    void aRotatedWidgetTokenStopsWorkingAtOnce() {
        var business = api.createBusiness("Widgety");
        assertThat(tenants.findByWidgetToken(business.widgetToken()))
                .hasValueSatisfying(b -> assertThat(b.id().toString()).isEqualTo(business.id()));

        JsonNode rotated = api.read(
                api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/widget-token")), 200));
        String newToken = rotated.get("widgetToken").asString();

        assertThat(tenants.findByWidgetToken(business.widgetToken())).isEmpty();
        assertThat(tenants.findByWidgetToken(newToken)).isPresent();
        assertThat(tenants.findByWidgetToken(newToken.substring(0, newToken.length() - 1) + "x"))
                .isEmpty();
    }

    @Test
    void unknownBusinessIdsAreNotFound() throws Exception {
        for (String id : new String[] {"00000000-0000-0000-0000-000000000000", "not-a-uuid"}) {
            mvc.perform(api.asAdmin(get("/api/admin/businesses/" + id)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("https://frontdesk.dev/problems/not-found"));
            mvc.perform(api.asAdmin(post("/api/admin/businesses/" + id + "/suspend")))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void everyChangeIsInTheAuditTrailWithWhoDidIt() throws Exception {
        var business = api.createBusiness("Audited");
        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/suspend")), 200);
        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/activate")), 200);
        api.patchJson("/api/settings", business, "{\"greeting\": \"Hi\"}", 200);

        mvc.perform(api.asAdmin(get("/api/admin/businesses/" + business.id() + "/audit")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath(
                        "$.items[*].action",
                        containsInAnyOrder(
                                "business.created", "business.suspended", "business.activated", "settings.changed")))
                .andExpect(jsonPath("$.items[?(@.action == 'settings.changed')].actor")
                        .value(hasItem("api-key:" + business.apiKey().substring(4, 12))))
                .andExpect(jsonPath("$.items[?(@.action == 'settings.changed')].details")
                        .value(hasItem("greeting")))
                .andExpect(jsonPath("$.items[?(@.action == 'business.suspended')].actor")
                        .value(hasItem("admin")));
    }
}
