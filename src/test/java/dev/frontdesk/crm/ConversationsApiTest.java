package dev.frontdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TenantIsolation;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Owners see every conversation with its outcome, summary and transcript; only their own. */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T13:00:00Z")
class ConversationsApiTest {

    @Autowired
    TestApi api;

    private JsonNode say(TestBusiness business, String session, String text) {
        String body = session == null
                ? "{\"channel\": \"SMS\", \"callerPhone\": \"+16175550123\"}"
                : "{\"session\": \"" + session
                        + "\", \"channel\": \"SMS\", \"callerPhone\": \"+16175550123\", \"text\": \"" + text + "\"}";
        return api.read(api.perform(
                api.as(business, post("/api/simulator/turns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                200));
    }

    @Test
    void aConversationIsListedWithItsOutcomeSummaryAndTranscript() {
        var business = api.createBusiness("Talkative");
        String session = say(business, null, null).get("session").asString();
        say(business, session, "what are your opening hours");
        JsonNode last = say(business, session, "no that's all, bye");
        assertThat(last.get("ended").asBoolean()).isTrue();

        JsonNode list = api.getJson("/api/conversations", business, 200);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode item = list.at("/items/0");
        assertThat(item.get("channel").asString()).isEqualTo("SMS");
        assertThat(item.get("customerPhone").asString()).isEqualTo("+16175550123");
        assertThat(item.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(item.get("emergency").asBoolean()).isFalse();
        assertThat(item.get("summary").asString()).contains("opening hours");
        assertThat(item.get("endedAt").isNull()).isFalse();
        assertThat(item.has("transcript")).isFalse();

        JsonNode detail = api.getJson("/api/conversations/" + item.get("id").asString(), business, 200);
        var lines = detail.get("transcript")
                .valueStream()
                .map(t -> t.get("speaker").asString() + ": " + t.get("text").asString())
                .toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).isEqualTo("CALLER: what are your opening hours");
        assertThat(lines.get(2)).startsWith("ASSISTANT: We're open");

        assertThat(api.getJson("/api/conversations?outcome=BOOKED", business, 200)
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.getJson("/api/conversations?channel=sms", business, 200)
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        api.perform(
                api.as(
                        business,
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/conversations?outcome=WON")),
                400);
    }

    @Test
    void anotherBusinessCannotReadAConversation() {
        var owner = api.createBusiness("Private talk");
        var other = api.createBusiness("Curious");
        String session = say(owner, null, null).get("session").asString();
        say(owner, session, "do you work on saturdays");
        String id =
                api.getJson("/api/conversations", owner, 200).at("/items/0/id").asString();
        TenantIsolation.assertInvisibleToOtherBusiness(
                api, owner, other, "/api/conversations/" + id, null, false, "{}");
        assertThat(api.getJson("/api/conversations", other, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void theSimulatorRejectsBadInputClearly() {
        var business = api.createBusiness("Strict sim");
        for (String bad : new String[] {
            "{\"channel\": \"PIGEON\"}",
            "{\"callerPhone\": \"617-555\"}",
            "{\"language\": \"it\"}",
            "{\"confidence\": 2}"
        }) {
            api.perform(
                    api.as(business, post("/api/simulator/turns"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(bad),
                    400);
        }
    }
}
