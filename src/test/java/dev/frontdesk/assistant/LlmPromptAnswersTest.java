package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The model is told the opening hours and the prices in its system prompt, so it answers such questions
 * without a tool: the conversation is ANSWERED all the same, as when the offline brain answers them. A
 * question back ("Which service?"), a reply without the hours or prices it was told, or a reply to something
 * else is not an answer; the hours count in digits or in words ("eight to five", "de ocho a cinco"). The test
 * business opens Tuesday 08:00-17:00 and its drain cleaning is "from $120".
 */
class LlmPromptAnswersTest extends LlmEndToEnd {

    @Test
    void openingHoursAnsweredFromThePromptMakeTheConversationAnswered() {
        var business = api.createBusiness("Prompt hours");

        JsonNode conversation = conversation(
                business,
                "What are your opening hours on Tuesday?",
                "On Tuesday we're open from 8:00 AM to 5:00 PM. Anything else I can help with?");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(conversation.get("summary").asString()).isEqualTo("The caller was helped.");
        assertThat(dialogue(business)).contains("Told the caller the opening hours (LLM).");
    }

    @Test
    void openingHoursGivenInWordsMakeTheConversationAnswered() {
        var business = api.createBusiness("Prompt hours in words");

        JsonNode conversation = conversation(
                business,
                "What are your opening hours on Tuesday?",
                "We're open from eight in the morning until five in the afternoon on Tuesday.");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(dialogue(business)).contains("Told the caller the opening hours (LLM).");
    }

    @Test
    void openingHoursGivenInSpanishWordsMakeTheConversationAnswered() {
        var business = api.createBusiness("Prompt hours in Spanish words");

        JsonNode conversation = conversation(
                business, "¿Cuál es su horario de atención el martes?", "El martes abrimos de ocho a cinco.");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(dialogue(business)).contains("Told the caller the opening hours (LLM).");
    }

    @Test
    void hoursInWordsThatAreNotTheBusinesssAreNotAnAnswer() {
        var business = api.createBusiness("Prompt wrong hours in words");

        JsonNode conversation = conversation(
                business, "What are your opening hours on Tuesday?", "We're open from ten until seven on Tuesday.");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ABANDONED");
    }

    @Test
    void aPriceAnsweredFromThePromptMakesTheConversationAnswered() {
        var business = api.createBusiness("Prompt prices");

        JsonNode conversation = conversation(
                business, "How much do you charge for a drain cleaning?", "A drain cleaning starts from $120.");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(dialogue(business)).contains("Answered a question about prices (LLM).");
    }

    @Test
    void aQuestionBackIsNotAnAnswer() {
        var business = api.createBusiness("Prompt asks back");

        JsonNode conversation =
                conversation(business, "How much does it cost?", "Which service would you like a price for?");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ABANDONED");
    }

    @Test
    void aReplyWithoutTheHoursItWasToldIsNotAnAnswer() {
        var business = api.createBusiness("Prompt no hours");

        JsonNode conversation =
                conversation(business, "What are your opening hours?", "Sure. Is there anything else I can help with?");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ABANDONED");
    }

    @Test
    void aReplyToSomethingElseThanHoursOrPricesIsNotAnAnswer() {
        var business = api.createBusiness("Prompt chat");

        JsonNode conversation = conversation(
                business, "My kitchen sink is gurgling", "Sorry to hear that. Would you like us to take a look?");

        assertThat(conversation.get("outcome").asString()).isEqualTo("ABANDONED");
    }

    /** One question and the model's answer without a tool, then the caller says goodbye: the conversation. */
    private JsonNode conversation(dev.frontdesk.support.TestApi.TestBusiness business, String question, String answer) {
        summaries();
        script(answer(text(answer)), answer(toolCall("call_bye", "end_call", "{}")));
        assertThat(say(business, question).get("reply").asString()).isEqualTo(answer);
        assertThat(say(business, "Thanks, bye").get("ended").asBoolean()).isTrue();
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> api.getJson("/api/conversations", business, 200).at("/items/0"),
                        c -> c.has("outcome")
                                && !c.get("outcome").isNull()
                                && c.get("summary").asString().equals("The caller was helped."));
    }

    private String dialogue(dev.frontdesk.support.TestApi.TestBusiness business) {
        return jdbc.sql("SELECT state FROM assistant_dialogue WHERE business_id = CAST(:b AS UUID)")
                .param("b", business.id())
                .query(String.class)
                .single();
    }
}
