package dev.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** The widget's JSON API: chats, authentication, validation, CORS by business, rate limits. */
@ApiTest
@TestPropertySource(
        properties = {
            "frontdesk.fixed-clock=2026-11-23T13:00:00Z",
            "frontdesk.widget.messages-per-minute-per-token=12",
            "frontdesk.widget.messages-per-minute-per-ip=1000"
        })
class WidgetApiTest {

    static final String ALLOWED = "https://bristolplumbing.example";

    @Autowired
    TestApi api;

    @Autowired
    EventPublicationRegistry publications;

    private MockHttpServletRequestBuilder message(String token, String body) {
        var request = post("/api/widget/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return token == null ? request : request.header("X-Widget-Token", token);
    }

    private JsonNode send(TestBusiness business, String conversationId, String text) {
        String body = conversationId == null
                ? "{\"text\": %s}".formatted(quote(text))
                : "{\"conversationId\": \"%s\", \"text\": %s}".formatted(conversationId, quote(text));
        JsonNode answer = api.read(api.perform(message(business.widgetToken(), body), 200));
        System.out.println(
                "VISITOR: " + text + "\n  ASSISTANT: " + answer.get("reply").asString());
        return answer;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void allowOrigin(TestBusiness business, String origin) {
        api.patchJson(
                "/api/settings",
                business,
                "{\"settings\": {\"messaging\": {\"widgetAllowedOrigins\": [\"" + origin + "\"]}}}",
                200);
    }

    @Test
    void aNewChatIsGreetedWithAServerIssuedConversationId() {
        TestBusiness business = api.createBusiness("Greeting plumbing");
        JsonNode first = api.read(api.perform(message(business.widgetToken(), "{}"), 200));
        assertThat(first.get("reply").asString())
                .isEqualTo("Hi! You're chatting with Greeting plumbing's virtual assistant. How can I help?");
        assertThat(first.get("ended").asBoolean()).isFalse();
        String id = first.get("conversationId").asString();
        assertThat(id).matches("[A-Za-z0-9_-]{22}");

        JsonNode second = api.read(api.perform(message(business.widgetToken(), "{\"text\": \"\"}"), 200));
        assertThat(second.get("conversationId").asString()).isNotEqualTo(id);
    }

    @Test
    void aVisitorBooksOverAFewMessages() {
        TestBusiness business = api.createBusiness("Web plumbing");
        JsonNode answer = send(business, null, "");
        String id = answer.get("conversationId").asString();
        answer = send(business, id, "I need a drain cleaning tomorrow at 10");
        for (int turn = 0;
                turn < 8
                        && !answer.get("reply")
                                .asString()
                                .toLowerCase(Locale.ROOT)
                                .contains("booked");
                turn++) {
            String reply = answer.get("reply").asString().toLowerCase(Locale.ROOT);
            String next = reply.contains("name")
                    ? "Dana Smith"
                    : reply.contains("phone") || reply.contains("number") ? "+16175550123" : "yes";
            answer = send(business, id, next);
            assertThat(answer.get("conversationId").asString()).isEqualTo(id);
        }
        assertThat(answer.get("reply").asString()).containsIgnoringCase("booked");
        assertThat(answer.get("ended").asBoolean()).isFalse();
        JsonNode goodbye = send(business, id, "no that's all, thanks");
        assertThat(goodbye.get("ended").asBoolean())
                .as("the assistant ended the chat")
                .isTrue();

        JsonNode appointments = api.getJson("/api/appointments", business, 200);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(appointments.at("/items/0/service").asString()).isEqualTo("Drain cleaning");
        assertThat(appointments.at("/items/0/customer/name").asString()).isEqualTo("Dana Smith");
        assertThat(api.getJson("/api/conversations?channel=WEB", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aMissingOrUnknownTokenIs401AndASuspendedBusinessIs403() {
        JsonNode missing = api.read(api.perform(message(null, "{\"text\": \"hi\"}"), 401));
        assertThat(missing.get("type").asString()).endsWith("/invalid-widget-token");
        api.perform(message("fdw_unknown_0123456789abcdef", "{\"text\": \"hi\"}"), 401);
        api.perform(message("<script>", "{\"text\": \"hi\"}"), 401);

        TestBusiness business = api.createBusiness("Suspended plumbing");
        api.perform(api.asAdmin(post("/api/admin/businesses/" + business.id() + "/suspend")), 200);
        JsonNode suspended = api.read(api.perform(message(business.widgetToken(), "{\"text\": \"hi\"}"), 403));
        assertThat(suspended.get("type").asString()).endsWith("/business-suspended");
        api.perform(get("/widget/chat").param("token", business.widgetToken()), 404);
    }

    @Test
    void invalidMessagesAre400Problems() {
        TestBusiness business = api.createBusiness("Strict plumbing");
        String token = business.widgetToken();
        MvcResult tooLong = api.perform(message(token, "{\"text\": \"" + "a".repeat(1001) + "\"}"), 400);
        assertThat(tooLong.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.read(tooLong).at("/errors/0/field").asString()).isEqualTo("text");
        api.perform(message(token, "{\"text\": \"" + "a".repeat(1000) + "\"}"), 200);
        String id = api.read(api.perform(message(token, "{}"), 200))
                .get("conversationId")
                .asString();
        api.perform(message(token, "{\"conversationId\": \"" + id + "\", \"text\": \"  \"}"), 400);
        api.perform(message(token, "{\"conversationId\": \"../other:business\", \"text\": \"hi\"}"), 400);
        api.perform(message(token, "{\"text\": 12, "), 400);
        api.perform(message(token, "{\"txt\": \"hi\"}"), 400);
    }

    @Test
    void corsIsAllowedOnlyFromTheBusinessesOrigins() {
        TestBusiness business = api.createBusiness("Cors plumbing");
        TestBusiness other = api.createBusiness("Other plumbing");
        allowOrigin(business, ALLOWED);

        MockHttpServletResponse allowed = api.perform(
                        options("/api/widget/messages")
                                .header("Origin", ALLOWED)
                                .header("Access-Control-Request-Method", "POST")
                                .header("Access-Control-Request-Headers", "content-type,x-widget-token"),
                        204)
                .getResponse();
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(allowed.getHeaders("Vary")).contains("Origin");
        assertThat(allowed.getHeader("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(allowed.getHeader("Access-Control-Allow-Headers")).isEqualTo("Content-Type, X-Widget-Token");

        MockHttpServletResponse denied = api.perform(
                        options("/api/widget/messages")
                                .header("Origin", "https://evil.example")
                                .header("Access-Control-Request-Method", "POST"),
                        403)
                .getResponse();
        assertThat(denied.getHeader("Access-Control-Allow-Origin")).isNull();

        MockHttpServletResponse real = api.perform(
                        message(business.widgetToken(), "{}").header("Origin", ALLOWED), 200)
                .getResponse();
        assertThat(real.getHeader("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);

        // the preflight passed because some business allows the origin; this token's business does not
        MockHttpServletResponse otherBusiness = api.perform(
                        message(other.widgetToken(), "{}").header("Origin", ALLOWED), 403)
                .getResponse();
        assertThat(otherBusiness.getHeader("Access-Control-Allow-Origin")).isNull();
        api.perform(message(business.widgetToken(), "{}").header("Origin", "https://evil.example"), 403);

        // our own chat page calls same-origin
        api.perform(message(other.widgetToken(), "{}").header("Origin", "http://localhost"), 200);
    }

    @Test
    void theOriginCacheFinishesHandlingBusinessChanges() {
        TestBusiness business = api.createBusiness("Listener plumbing");
        allowOrigin(business, "https://listener.example");

        // the preflight sees the new origin at once, and the event publications it handled are completed
        api.perform(
                options("/api/widget/messages")
                        .header("Origin", "https://listener.example")
                        .header("Access-Control-Request-Method", "POST"),
                204);
        assertThat(publications.findIncompletePublications())
                .noneMatch(p -> p.getTargetIdentifier().getValue().contains("WidgetOrigins"));
    }

    @Test
    void tooManyMessagesAre429WithRetryAfter() throws Exception {
        TestBusiness business = api.createBusiness("Busy plumbing");
        for (int i = 0; i < 12; i++) {
            api.perform(message(business.widgetToken(), "{}"), 200);
        }
        // the bucket refills one message every 5 s: on a slow machine the 13th may still get through
        MvcResult limited;
        int extra = 0;
        do {
            limited = api.mvc().perform(message(business.widgetToken(), "{}")).andReturn();
        } while (limited.getResponse().getStatus() == 200 && ++extra < 5);
        assertThat(limited.getResponse().getStatus()).isEqualTo(429);
        assertThat(limited.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.getResponse().getHeader("Retry-After")))
                .isBetween(1, 60);
        assertThat(api.read(limited).get("type").asString()).endsWith("/widget-rate-limited");

        // another business's widget has a bucket of its own
        api.perform(message(api.createBusiness("Calm plumbing").widgetToken(), "{}"), 200);
    }

    @Test
    void oneClientAddressIsLimitedAcrossWidgets() throws Exception {
        TestBusiness business = api.createBusiness("Address plumbing");
        int sent = 0;
        MvcResult result;
        do {
            result = api.mvc()
                    .perform(message(business.widgetToken(), "{}").with(r -> {
                        r.setRemoteAddr("203.0.113.9");
                        return r;
                    }))
                    .andReturn();
            sent++;
        } while (result.getResponse().getStatus() == 200 && sent < 2000);
        assertThat(result.getResponse().getStatus()).isEqualTo(429);
        assertThat(result.getResponse().getHeader("Retry-After")).isNotNull();
    }

    @Test
    void theEmbedScriptAndChatPageAreServed() {
        TestBusiness business = api.createBusiness("Page <plumbing>");
        MockHttpServletResponse script =
                api.perform(get("/widget/embed.js"), 200).getResponse();
        assertThat(script.getContentType()).startsWith("application/javascript");
        assertThat(contentOf(script)).contains("data-token", "/widget/chat?token=", "iframe");

        MockHttpServletResponse page = api.perform(get("/widget/chat").param("token", business.widgetToken()), 200)
                .getResponse();
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(contentOf(page))
                .contains("aria-live=\"polite\"", "<label for=\"message\"", "Page &lt;plumbing&gt;")
                .doesNotContain("Page <plumbing>");
        assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors *");

        MockHttpServletResponse unknown = api.perform(get("/widget/chat").param("token", "fdw_nope_123456789"), 404)
                .getResponse();
        assertThat(unknown.getContentType()).startsWith("text/html");
        assertThat(contentOf(unknown)).contains("this chat is not available").doesNotContain("Exception");
        api.perform(get("/widget/chat"), 404);
    }

    private static String contentOf(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
