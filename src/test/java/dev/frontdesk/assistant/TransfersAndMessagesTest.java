package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import dev.frontdesk.tenants.BusinessId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * "Can I talk to Sam": the assistant transfers to an available employee, and offers to take a message
 * when nobody can take the call; messages reach the person they name. Monday 10:00 in New York.
 */
@ApiTest
@TestPropertySource(properties = "frontdesk.fixed-clock=2026-11-23T15:00:00Z")
class TransfersAndMessagesTest {

    @Autowired
    TestApi api;

    @Autowired
    Assistant assistant;

    private void employee(TestBusiness business, String json) {
        api.perform(
                api.as(business, post("/api/employees"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                201);
    }

    /** Sam Lee, at work on Mondays: available to take a call. */
    private void availableSam(TestBusiness business) {
        employee(
                business,
                "{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\", \"status\": \"ACTIVE\","
                        + " \"hours\": {\"MONDAY\": [\"08:00-17:00\"]}}");
    }

    private AssistantReply say(TestBusiness business, String key, String text) {
        return assistant.handle(new InboundTurn(
                BusinessId.parse(business.id()).orElseThrow(), Channel.VOICE, key, text, null, 0.9, "+16175550123"));
    }

    @Test
    void anAvailableEmployeeGetsTheCallWithAWhisper() {
        var business = api.createBusiness("Transfers");
        availableSam(business);
        String key = "call-" + UUID.randomUUID();
        AssistantReply reply = say(business, key, "can I talk to Sam please");
        assertThat(reply.text()).isEqualTo("One moment, I'm putting you through.");
        assertThat(reply.actions()).singleElement().isInstanceOfSatisfying(AssistantReply.Action.Transfer.class, t -> {
            assertThat(t.number()).isEqualTo("+16175550177");
            assertThat(t.whisper()).contains("+16175550123").contains("talk to Sam");
        });
    }

    @Test
    void aCallerHearsTheKnowledgeAnswerInTheirLanguageWhenTheOwnerWroteOne() {
        var business = api.createBusiness("Languages");
        api.perform(
                api.as(business, post("/api/knowledge"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\": \"What payment methods do you accept?\","
                                + " \"answer\": \"We accept cash and cards.\","
                                + " \"translations\": {\"es\": \"Aceptamos efectivo y tarjetas.\"}}"),
                201);
        String spanish = "call-" + UUID.randomUUID();
        assertThat(say(business, spanish, "hola una pregunta se puede pagar con tarjeta")
                        .text())
                .startsWith("Aceptamos efectivo y tarjetas.");
        String french = "call-" + UUID.randomUUID();
        assertThat(say(business, french, "bonjour est-ce qu'on peut payer par carte")
                        .text())
                .as("no French answer was written: the answer as written")
                .startsWith("We accept cash and cards.");
    }

    @Test
    void nobodyAvailableMeansAMessageThatReachesTheNamedPerson() {
        var business = api.createBusiness("Messages");
        employee(business, "{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\", \"status\": \"AWAY\"}");
        String key = "call-" + UUID.randomUUID();
        AssistantReply offer = say(business, key, "I need to speak to Sam");
        assertThat(offer.actions()).isEmpty();
        assertThat(offer.text()).contains("take a message");
        say(business, key, "please tell Sam the boiler is making a banging noise again");
        AssistantReply last = say(business, key, "it's Robert Brown");
        assertThat(last.text()).contains("passed your message on");

        JsonNode messages = api.getJson("/api/messages", business, 200);
        assertThat(messages.get("total").asInt()).isEqualTo(1);
        assertThat(messages.at("/items/0/forEmployee/name").asString()).isEqualTo("Sam Lee");
        assertThat(messages.at("/items/0/callerName").asString()).isEqualTo("Robert Brown");
        JsonNode sms = api.getJson("/api/outbox?channel=SMS", business, 200);
        assertThat(sms.get("items").valueStream().map(m -> m.get("to").asString()))
                .contains("+16175550177");
    }

    @Test
    void someoneOnlySpokenOfIsOfferedAndTheCallerMayChooseTheCall() {
        var business = api.createBusiness("Offered transfer");
        availableSam(business);
        String key = "call-" + UUID.randomUUID();
        AssistantReply offer =
                say(business, key, "hi there sam lee came by last week to look at my water heater and gave me a price");
        assertThat(offer.actions())
                .as("not put through before the caller says so")
                .isEmpty();
        assertThat(offer.text()).contains("put you through").contains("take a message");

        AssistantReply through = say(business, key, "yes please");
        assertThat(through.actions())
                .singleElement()
                .isInstanceOfSatisfying(
                        AssistantReply.Action.Transfer.class,
                        t -> assertThat(t.number()).isEqualTo("+16175550177"));
    }

    @Test
    void someoneOnlySpokenOfIsOfferedAndTheCallerMayLeaveAMessageInstead() {
        var business = api.createBusiness("Declined transfer");
        availableSam(business);
        String key = "call-" + UUID.randomUUID();
        say(business, key, "hi sam lee came by last week to look at my water heater and gave me a price");
        AssistantReply ask =
                say(business, key, "no no don't put me through he's busy, just leave him a message please");
        assertThat(ask.actions()).isEmpty();
        assertThat(ask.text()).isEqualTo("Sure, what's your message?");
        say(business, key, "tell him we'd like to go ahead with the new water heater");
        assertThat(say(business, key, "it's Robert Brown").text()).contains("passed your message on");

        JsonNode messages = api.getJson("/api/messages", business, 200);
        assertThat(messages.at("/items/0/forEmployee/name").asString()).isEqualTo("Sam Lee");
        assertThat(messages.at("/items/0/text").asString()).contains("go ahead with the new water heater");
    }
}
