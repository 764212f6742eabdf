package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.tenants.BusinessId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A call the business placed (a campaign's) opens with the assistant's line saying who is calling, for which
 * business and why; when the person answers, the model is asked with that line in its memory, so it knows it
 * placed the call and what for.
 */
class LlmOutboundCallTest extends LlmEndToEnd {

    @Autowired
    Assistant assistant;

    @Test
    void theModelKnowsItPlacedTheCallAndWhyWhenThePersonAnswers() {
        var business = api.createBusiness("LLM outbound");
        generousVoiceBudget(business);
        BusinessId id = BusinessId.parse(business.id()).orElseThrow();
        summaries();
        script(answer(text("Great! Which day would suit you for the boiler check?")));
        String opening = "Hello Dana Smith, this is the virtual assistant of LLM outbound, calling about your annual"
                + " boiler check. Do you have a moment?";

        AssistantReply opened = assistant.open(
                new InboundTurn(id, Channel.VOICE, "CA-outbound-llm", "", null, null, "+16175550123", true),
                opening,
                "Dana Smith");
        assertThat(opened.text()).isEqualTo(opening);
        assertThat(requests())
                .as("the opening is the campaign's line, not the model's")
                .isEmpty();

        AssistantReply reply = assistant.handle(
                new InboundTurn(id, Channel.VOICE, "CA-outbound-llm", "Yes, sure.", null, 0.9, "+16175550123", true));

        assertThat(reply.text()).isEqualTo("Great! Which day would suit you for the boiler check?");
        JsonNode request = requests().getLast();
        List<JsonNode> messages = StreamSupport.stream(request.get("messages").spliterator(), false)
                .toList();
        assertThat(roles(request)).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(2).get("content").asString()).isEqualTo(opening);
        assertThat(messages.get(3).get("content").asString()).isEqualTo("Yes, sure.");
    }

    @Test
    void aPersonWhoTellsTheModelTheyAreNotInterestedEndsTheCallNotInterested() {
        var business = api.createBusiness("LLM outbound declined");
        generousVoiceBudget(business);
        BusinessId id = BusinessId.parse(business.id()).orElseThrow();
        summaries();
        script(answer(textAndToolCall("No problem, have a good day!", "call_1", "end_call", "{}")));
        assistant.open(
                new InboundTurn(id, Channel.VOICE, "CA-outbound-no", "", null, null, "+16175550124", true),
                "Hello Sam, this is the virtual assistant of LLM outbound declined, calling about your boiler check."
                        + " Do you have a moment?",
                "Sam");

        AssistantReply reply = assistant.handle(new InboundTurn(
                id,
                Channel.VOICE,
                "CA-outbound-no",
                "No thanks, I'm not interested.",
                null,
                0.9,
                "+16175550124",
                true));

        assertThat(reply.actions()).anyMatch(a -> a instanceof AssistantReply.Action.Hangup);
        JsonNode conversation = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> api.getJson("/api/conversations", business, 200).at("/items/0"),
                        c -> c.has("outcome") && !c.get("outcome").isNull());
        assertThat(conversation.get("outcome").asString()).isEqualTo("NOT_INTERESTED");
    }

    /** A model answer on a loaded machine must not be taken for a slow model (which the caller would hear held). */
    private void generousVoiceBudget(dev.frontdesk.support.TestApi.TestBusiness business) {
        api.patchJson(
                "/api/settings", business, "{\"settings\": {\"assistant\": {\"voiceTurnBudgetMillis\": 8000}}}", 200);
    }
}
