package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With an OpenAI-compatible endpoint configured (a scripted model here, speaking the Chat Completions format),
 * the LLM brain answers and calls the same tools; when it fails, the offline brain takes the turn and
 * the caller never hears an error.
 */
class LlmBrainEndToEndTest extends LlmEndToEnd {

    @Test
    void theModelChecksAvailabilityAndBooksThroughTheTools() {
        var business = api.createBusiness("LLM plumbing");
        script(
                answer(toolCall(
                        "call_1", "check_availability", "{\"service\": \"Drain cleaning\", \"date\": \"2026-11-24\"}")),
                answer(
                        toolCall(
                                "call_2",
                                "book_appointment",
                                "{\"service\": \"Drain cleaning\", \"start\": \"2026-11-24T10:00\", \"customer_name\": \"Dana Smith\"}")),
                answer(text("You're booked for a drain cleaning tomorrow at 10:00 AM, Dana.")));

        JsonNode reply = say(business, "Hi, this is Dana Smith, can you clean my drain tomorrow at 10?");

        assertThat(reply.get("reply").asString())
                .isEqualTo("You're booked for a drain cleaning tomorrow at 10:00 AM, Dana.");
        JsonNode appointments = api.getJson("/api/appointments", business, 200);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(appointments.at("/items/0/customer/phone").asString()).isEqualTo("+16175550123");
        assertThat(llm.requests()).hasSize(3);
        assertThat(llm.authorizations()).containsOnly("Bearer sk-test");
        assertThat(llm.requests().getLast())
                .as("the availability went back to the model")
                .contains("free");
    }

    @Test
    void whenTheModelFailsTheOfflineBrainAnswersAndTheCallerHearsNoError() {
        var business = api.createBusiness("LLM down");
        script(serverError());

        JsonNode reply = say(business, "what are your opening hours");

        assertThat(reply.get("reply").asString()).startsWith("We're open");
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void aSlowModelFallsBackToo() {
        var business = api.createBusiness("LLM slow");
        script(slowly(Duration.ofSeconds(6), text("too late")));

        JsonNode reply = say(business, "what are your opening hours");

        assertThat(reply.get("reply").asString()).startsWith("We're open").doesNotContain("too late");
    }

    @Test
    void onACallASlowModelLeavesTheOfflineBrainTimeToAnswerWithinTheTurn() {
        var business = api.createBusiness("LLM voice");
        // a 1.5 s voice budget: the model gets 1 s of it, and answers in 4 s
        api.patchJson(
                "/api/settings", business, "{\"settings\": {\"assistant\": {\"voiceTurnBudgetMillis\": 1500}}}", 200);
        script(slowly(Duration.ofSeconds(4), text("We open at eight tomorrow.")));

        JsonNode reply = say(business, "VOICE", "what are your opening hours");

        assertThat(reply.get("reply").asString())
                .startsWith("We're open")
                .doesNotContain("Just a moment", "We open at eight tomorrow.");
    }

    @Test
    void whenTheConversationEndsTheModelWritesTheOwnersSummary() {
        var business = api.createBusiness("LLM summary");
        summaries("Dana asked about opening hours and was told we open at eight.");
        script(answer(toolCall("call_9", "end_call", "{}")));

        JsonNode reply = say(business, "thanks, that's all, bye");

        assertThat(reply.get("ended").asBoolean()).isTrue();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> api.getJson("/api/conversations", business, 200)
                                .at("/items/0/summary")
                                .asString(),
                        summary -> summary.equals("Dana asked about opening hours and was told we open at eight."));
    }

    @Test
    void aGoodbyeSentWithEndCallIsSaidBeforeTheCallHangsUp() {
        var business = api.createBusiness("LLM goodbye");
        summaries("The caller said goodbye.");
        script(answer(textAndToolCall("Thanks for calling, goodbye! 👋", "call_1", "end_call", "{}")));

        JsonNode reply = say(business, "VOICE", "that's all, thanks");

        assertThat(reply.get("reply").asString()).isEqualTo("Thanks for calling, goodbye!");
        assertThat(reply.get("ended").asBoolean()).isTrue();
        assertThat(reply.get("actions").toString()).contains("HANGUP");
        // the model is not asked again for words it already gave
        assertThat(requests()).hasSize(1);
    }

    @Test
    void wordsSentWithAToolCallAreKeptInTheReply() {
        var business = api.createBusiness("LLM check");
        script(
                answer(textAndToolCall(
                        "Let me check tomorrow for you.",
                        "call_1",
                        "check_availability",
                        "{\"service\": \"Drain cleaning\", \"date\": \"2026-11-24\"}")),
                answer(text("I have **10 AM** or **11 AM** on 2026-11-24 ✅")));

        JsonNode reply = say(business, "VOICE", "can you clean my drain tomorrow");

        assertThat(reply.get("reply").asString())
                .isEqualTo("Let me check tomorrow for you. I have 10 AM or 11 AM on Tuesday, November 24");
        assertThat(reply.get("ended").asBoolean()).isFalse();
        assertThat(llm.requests()).hasSize(2);
    }
}
