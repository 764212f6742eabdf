package dev.frontdesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A sandbox call books an appointment through the very webhooks Twilio would call. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class SandboxCallsTest {

    @Autowired
    TestApi api;

    private JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    @Test
    void aSandboxCallBooksThroughTheWebhooksAndIsRecorded() {
        var business = api.createBusiness("Sandbox calls");
        JsonNode greeting = send(business, "/api/sandbox/calls", "{\"from\": \"+16175550123\"}", 200);
        String sid = greeting.get("callSid").asString();
        assertThat(greeting.get("said").asString()).contains("Sandbox calls");
        assertThat(greeting.get("twiml").asString()).contains("<Gather");
        int turn = greeting.get("turn").asInt();

        for (String line : new String[] {"I need a drain cleaning tomorrow at 10", "Dana Smith", "yes"}) {
            JsonNode step = send(
                    business,
                    "/api/sandbox/calls/" + sid + "/say",
                    "{\"text\": \"" + line + "\", \"turn\": " + turn + "}",
                    200);
            turn = step.get("turn").asInt();
        }
        JsonNode bye = send(
                business,
                "/api/sandbox/calls/" + sid + "/say",
                "{\"text\": \"no thanks, bye\", \"turn\": " + turn + "}",
                200);
        assertThat(bye.get("ended").asBoolean()).isTrue();
        send(business, "/api/sandbox/calls/" + sid + "/hangup", "{}", 200);

        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);
        JsonNode call = api.getJson("/api/calls", business, 200).at("/items/0");
        assertThat(call.get("callSid").asString()).isEqualTo(sid);
        assertThat(call.get("status").asString()).isEqualTo("completed");
        assertThat(call.get("outcome").asString()).isEqualTo("BOOKED");
        JsonNode detail = api.getJson("/api/calls/" + call.get("id").asString(), business, 200);
        assertThat(detail.get("transcript")
                        .valueStream()
                        .map(t -> t.get("speaker").asString() + ": "
                                + t.get("text").asString()))
                .contains("CALLER: Dana Smith");

        var other = api.createBusiness("Not mine");
        send(other, "/api/sandbox/calls/" + sid + "/say", "{\"text\": \"hello\", \"turn\": 1}", 404);
    }
}
