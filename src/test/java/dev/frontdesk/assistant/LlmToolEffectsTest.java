package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the model's tools did is a fact of the conversation (issue 14, item 1): when the model fails after
 * booking, the offline brain confirms the booking instead of contradicting it or booking again, the model's
 * memory keeps the call and its result for the next turn, and a call repeated in the same turn does not act
 * twice. Monday 8:00 in New York; "tomorrow at 11" is Tuesday 16:00 UTC.
 */
class LlmToolEffectsTest extends LlmEndToEnd {

    static final String CHECK = "{\"service\": \"Drain cleaning\", \"date\": \"2026-11-24\"}";
    static final String BOOK_ELEVEN =
            "{\"service\": \"Drain cleaning\", \"start\": \"2026-11-24T11:00\", \"customer_name\": \"Dana Smith\"}";

    @Test
    void aBookingMadeBeforeTheModelFailsIsConfirmedByTheOfflineBrainAndNotMadeTwice() {
        var business = api.createBusiness("Effects plumbing");
        script(
                answer(toolCall("call_1", "check_availability", CHECK)),
                answer(toolCall("call_2", "book_appointment", BOOK_ELEVEN)),
                serverError(),
                answer(text("It's at 11 tomorrow morning, Dana.")));

        JsonNode reply = say(business, "Yes please, book the drain cleaning tomorrow at 11, I'm Dana Smith");

        assertThat(reply.get("reply").asString())
                .startsWith("You're booked for drain cleaning")
                .contains("11:00 AM")
                .doesNotContain("not available", "isn't available");
        JsonNode appointments = appointments(business);
        assertThat(appointments.get("total").asInt()).as("one booking, not two").isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T16:00:00Z");
        String bookedId = appointments.at("/items/0/id").asString();

        // the model is back: its memory holds the booking it made and the words the caller heard
        JsonNode next = say(business, "What time was that again?");

        assertThat(next.get("reply").asString()).isEqualTo("It's at 11 tomorrow morning, Dana.");
        JsonNode request = requests().getLast();
        assertThat(roles(request))
                .containsExactly("system", "user", "assistant", "tool", "assistant", "tool", "assistant", "user");
        JsonNode messages = request.get("messages");
        assertThat(messages.get(4).at("/tool_calls/0/function/name").asString()).isEqualTo("book_appointment");
        assertThat(messages.get(5).get("content").asString()).contains(bookedId, "2026-11-24T11:00");
        assertThat(messages.get(6).get("content").asString())
                .isEqualTo(reply.get("reply").asString());
        assertThat(appointments(business).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void theSameCallTwiceInATurnGetsTheFirstAnswerAndBooksOnce() {
        var business = api.createBusiness("Effects repeat");
        script(
                answer(toolCall("call_1", "book_appointment", BOOK_ELEVEN)),
                answer(toolCall("call_2", "book_appointment", BOOK_ELEVEN)),
                answer(text("You're booked for 11 tomorrow, Dana.")));

        JsonNode reply = say(business, "Book the drain cleaning tomorrow at 11 for Dana Smith");

        assertThat(reply.get("reply").asString()).isEqualTo("You're booked for 11 tomorrow, Dana.");
        assertThat(appointments(business).get("total").asInt()).isEqualTo(1);
        List<String> results = toolResults(requests().getLast());
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isEqualTo(results.get(0)).contains("\"ok\": true");
    }

    @Test
    void whatTheToolsDidIsTheConversationsOutcomeEvenWhenTheModelFails() {
        var business = api.createBusiness("Effects outcome");
        script(answer(toolCall("call_1", "book_appointment", BOOK_ELEVEN)), serverError());

        JsonNode reply = say(business, "VOICE", "Book the drain cleaning tomorrow at 11 for Dana Smith");

        assertThat(reply.get("reply").asString()).startsWith("You're booked for drain cleaning");
        assertThat(jdbc.sql("SELECT state FROM assistant_dialogue WHERE business_id = CAST(:b AS UUID)")
                        .param("b", business.id())
                        .query(String.class)
                        .single())
                .contains("\"outcome\":\"BOOKED\"")
                .contains("Booked Drain cleaning at 2026-11-24T16:00:00Z");
    }
}
