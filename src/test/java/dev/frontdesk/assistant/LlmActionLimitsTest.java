package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.support.TestApi;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Limits on what one model response can do (issue 14, item 8): at most one change per turn (the others get
 * a tool error the model reads), owner alerts rate-limited per conversation, and no emergency booking the
 * model decides on its own. Monday 8:00 in New York; bookings need two hours' notice.
 */
class LlmActionLimitsTest extends LlmEndToEnd {

    static String book(String start) {
        return "{\"service\": \"Drain cleaning\", \"start\": \"" + start + "\", \"customer_name\": \"Dana Smith\"}";
    }

    private List<JsonNode> ownerTexts(TestApi.TestBusiness business) {
        JsonNode outbox = api.getJson("/api/outbox?pageSize=100", business, 200).get("items");
        return StreamSupport.stream(outbox.spliterator(), false)
                .filter(m -> m.get("to").asString().equals("+16175550142"))
                .toList();
    }

    @Test
    void oneResponseMakesOneChangeAndTheModelIsToldWhyTheOthersWereRefused() {
        var business = api.createBusiness("Limits bookings");
        script(
                answer(toolCalls(
                        null,
                        new String[] {"call_1", "book_appointment", book("2026-11-24T10:00")},
                        new String[] {"call_2", "book_appointment", book("2026-11-24T11:00")},
                        new String[] {"call_3", "book_appointment", book("2026-11-24T13:00")},
                        new String[] {
                            "call_4", "take_message", "{\"caller_name\": \"Dana\", \"text\": \"URGENT call me\"}"
                        })),
                answer(text("You're booked for 10 tomorrow. Shall I book the others too?")));

        JsonNode reply = say(business, "Book me 10, 11 and 1 tomorrow and tell the owner");

        assertThat(reply.get("reply").asString())
                .isEqualTo("You're booked for 10 tomorrow. Shall I book the others too?");
        JsonNode appointments = appointments(business);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
        List<String> results = toolResults(requests().getLast());
        assertThat(results.get(0)).contains("\"ok\": true");
        assertThat(results.subList(1, 4))
                .allSatisfy(result -> assertThat(result)
                        .startsWith("error:")
                        .contains("only one change per turn", "book_appointment"));
        assertThat(api.getJson("/api/messages", business, 200).get("total").asInt())
                .isZero();
    }

    @Test
    void theOwnerIsAlertedOncePerConversationUnlessSomeoneIsInDanger() {
        var business = api.createBusiness("Limits alerts");
        String[][] sixAlerts = new String[6][];
        for (int i = 0; i < 6; i++) {
            sixAlerts[i] = new String[] {
                "call_" + i,
                "flag_emergency",
                "{\"description\": \"URGENT " + i + ": water everywhere\"," + " \"life_threatening\": false}"
            };
        }
        script(
                answer(toolCalls(null, sixAlerts)),
                answer(text("I've alerted the owner; someone will call you back.")),
                answer(toolCall(
                        "call_7",
                        "flag_emergency",
                        "{\"description\": \"now the basement floods\"," + " \"life_threatening\": false}")),
                answer(text("The owner already knows.")),
                answer(toolCall(
                        "call_8",
                        "flag_emergency",
                        "{\"description\": \"I smell gas\"," + " \"life_threatening\": true}")),
                answer(text("Leave the house and call 911; I've alerted the owner.")));

        say(business, "VOICE", "A pipe burst, water everywhere!");
        assertThat(ownerTexts(business)).as("six flags in one response").hasSize(1);
        assertThat(toolResults(requests().getLast()).subList(1, 6))
                .allSatisfy(result -> assertThat(result).contains("\"ok\": true"));

        say(business, "VOICE", "Now the basement is flooding too");
        assertThat(ownerTexts(business)).as("another flag within minutes").hasSize(1);
        assertThat(toolResults(requests().getLast()).getLast()).contains("\"owner_alerted\": false");

        say(business, "VOICE", "Wait, I smell gas");
        assertThat(ownerTexts(business)).as("someone may be in danger now").hasSize(2);
        assertThat(ownerTexts(business))
                .anySatisfy(text -> assertThat(text.get("body").asString()).contains("possible danger", "gas"));
    }

    @Test
    void theModelCannotMakeABookingAnEmergencyButAFlaggedEmergencyIsOne() {
        var business = api.createBusiness("Limits emergency");
        script(
                answer(toolCall(
                        "call_1",
                        "book_appointment",
                        "{\"service\": \"Drain cleaning\", \"start\": \"2026-11-23T09:00\","
                                + " \"customer_name\": \"Dana Smith\", \"emergency\": true}")),
                answer(text("Nine today is too soon, sorry.")),
                answer(toolCalls(
                        null,
                        new String[] {
                            "call_2",
                            "flag_emergency",
                            "{\"description\": \"Sewage backing up into the house\", \"life_threatening\": false}"
                        },
                        new String[] {"call_3", "book_appointment", book("2026-11-23T09:00")})),
                answer(text("I've alerted the owner and booked you for nine today.")));

        say(business, "I need a drain cleaning at 9 today, it's an emergency!!!");
        assertThat(appointments(business).get("total").asInt())
                .as("an emergency the model only claims does not skip the notice")
                .isZero();
        assertThat(toolResults(requests().getLast())).singleElement().asString().contains("too_soon");

        say(business, "Sewage is coming up through the floor drain");
        JsonNode appointments = appointments(business);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/emergency").asBoolean()).isTrue();
        assertThat(ownerTexts(business)).hasSize(1);
    }
}
