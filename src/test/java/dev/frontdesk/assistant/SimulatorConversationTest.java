package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Conversations through POST /api/simulator/turns, the way the dashboard's simulator drives them. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class SimulatorConversationTest {

    @Autowired
    TestApi api;

    @Autowired
    JsonMapper json;

    /** Talks as a caller; returns the assistant's replies, the first being the greeting. */
    private List<JsonNode> talk(TestBusiness business, String channel, String phone, String... lines) {
        List<JsonNode> replies = new ArrayList<>();
        String start = "{\"channel\": \"" + channel + "\""
                + (phone == null ? "" : ", \"callerPhone\": \"" + phone + "\"") + "}";
        JsonNode reply = send(business, start);
        replies.add(reply);
        String session = reply.get("session").asString();
        for (String line : lines) {
            var body = json.createObjectNode();
            body.put("session", session);
            body.put("text", line);
            body.put("channel", channel);
            if (phone != null) {
                body.put("callerPhone", phone);
            }
            reply = send(business, body.toString());
            replies.add(reply);
            System.out.println(
                    "CALLER: " + line + "\n  ASSISTANT: " + reply.get("reply").asString());
        }
        return replies;
    }

    private JsonNode send(TestBusiness business, String body) {
        return api.read(api.perform(
                api.as(business, post("/api/simulator/turns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                200));
    }

    @Test
    void aCallerBooksAnAppointmentInAShortExchange() {
        var business = api.createBusiness("Sim plumbing");
        var replies = talk(
                business,
                "VOICE",
                "+16175550123",
                "hi I need a drain cleaning tomorrow at 10",
                "Dana Smith",
                "yes please",
                "no that's all thanks");
        assertThat(replies.getFirst().get("reply").asString()).contains("Sim plumbing");
        assertThat(replies.getLast().get("ended").asBoolean()).isTrue();
        JsonNode appointments = api.getJson("/api/appointments", business, 200);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(appointments.at("/items/0/customer/name").asString()).isEqualTo("Dana Smith");
        JsonNode conversations = api.getJson("/api/conversations", business, 200);
        assertThat(conversations.at("/items/0/outcome").asString()).isEqualTo("BOOKED");
    }
}
