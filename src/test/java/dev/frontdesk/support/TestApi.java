package dev.frontdesk.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the API the way a client does: the operator creates businesses with the admin key, each
 * business then calls with its own API key. Every later module's tests build on it.
 */
@TestComponent
public class TestApi {

    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    private final MockMvc mvc;
    private final JsonMapper json;

    public TestApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A business created through the admin API, with the keys shown once at creation. */
    public record TestBusiness(String id, String apiKey, String widgetToken, String phoneNumber) {}

    /** Where this test JVM's numbers start: random, so that runs sharing a database differ. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_NUMBER =
            new java.util.concurrent.atomic.AtomicLong(
                    ThreadLocalRandom.current().nextLong(8_000_000));

    /**
     * A valid US number (libphonenumber-valid), never the same twice in one test JVM: the numbers follow one
     * another from a random start (random numbers collided about once in four runs of ~2,000 businesses).
     */
    public static String randomPhoneNumber() {
        long n = 2_000_000 + NEXT_NUMBER.getAndIncrement() % 8_000_000;
        return "+1617" + n;
    }

    public static String businessJson(String name, String phoneNumber) {
        return """
                {"name": "%s", "timezone": "America/New_York", "phoneNumbers": ["%s"],
                 "ownerPhone": "+16175550142", "ownerEmail": "owner@example.com",
                 "services": [{"name": "Drain cleaning", "durationMinutes": 60, "priceText": "from $120"},
                              {"name": "Leak repair", "durationMinutes": 90, "aliases": ["leak"]}],
                 "hours": {"MONDAY": ["08:00-12:00", "13:00-17:00"], "TUESDAY": ["08:00-17:00"],
                           "SATURDAY": ["09:00-13:00"]},
                 "defaultLanguage": "en"}""".formatted(name, phoneNumber);
    }

    public TestBusiness createBusiness(String name) {
        String number = randomPhoneNumber();
        JsonNode body = read(perform(
                asAdmin(post("/api/admin/businesses"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(businessJson(name, number)),
                201));
        return new TestBusiness(
                body.get("id").asString(),
                body.get("apiKey").asString(),
                body.get("widgetToken").asString(),
                number);
    }

    public MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.header("X-Admin-Key", ADMIN_KEY);
    }

    public MockHttpServletRequestBuilder as(TestBusiness business, MockHttpServletRequestBuilder request) {
        return request.header("X-API-Key", business.apiKey());
    }

    public MvcResult perform(MockHttpServletRequestBuilder request, int expectedStatus) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            int status = result.getResponse().getStatus();
            if (status != expectedStatus) {
                throw new AssertionError("Expected HTTP " + expectedStatus + " but got " + status + ": "
                        + result.getResponse().getContentAsString());
            }
            return result;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    public JsonNode getJson(String path, TestBusiness business, int expectedStatus) {
        return read(perform(as(business, get(path)), expectedStatus));
    }

    public JsonNode patchJson(String path, TestBusiness business, String body, int expectedStatus) {
        return read(perform(
                as(business, patch(path))
                        .contentType("application/merge-patch+json")
                        .content(body),
                expectedStatus));
    }

    public JsonNode read(MvcResult result) {
        try {
            String content = result.getResponse().getContentAsString();
            return content.isEmpty() ? json.nullNode() : json.readTree(content);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MockMvc mvc() {
        return mvc;
    }
}
