package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Caller data is checked at the tool boundary (issue 14, item 9): on web chat, where the channel gives no
 * number, a booking needs a valid one (an error the model can act on otherwise, never a booking without
 * one), and a start off the slot grid is refused with the nearest free starts. Monday 8:00 in New York.
 */
class LlmCallerDataTest extends LlmEndToEnd {

    static String book(String start, String phone) {
        return "{\"service\": \"Drain cleaning\", \"start\": \"" + start + "\", \"customer_name\": \"Dana Smith\""
                + (phone == null ? "" : ", \"customer_phone\": \"" + phone + "\"") + "}";
    }

    @Test
    void aWebChatBookingNeedsAValidNumberAndKeepsItInE164() {
        var business = api.createBusiness("Caller data web");
        script(
                answer(toolCall("call_1", "book_appointment", book("2026-11-24T10:00", null))),
                answer(toolCall("call_2", "book_appointment", book("2026-11-24T10:00", "555-12"))),
                answer(toolCall("call_3", "book_appointment", book("2026-11-24T10:00", "(617) 555-0199"))),
                answer(text("You're booked for 10 tomorrow, Dana.")));

        JsonNode reply = say(business, "WEB", null, "Book me a drain cleaning tomorrow at 10, Dana Smith");

        assertThat(reply.get("reply").asString()).isEqualTo("You're booked for 10 tomorrow, Dana.");
        List<String> results = toolResults(requests().getLast());
        assertThat(results.get(0)).startsWith("error:").contains("phone number is not known", "customer_phone");
        assertThat(results.get(1)).startsWith("error:").contains("'555-12' is not a valid phone number");
        assertThat(results.get(2)).contains("\"ok\": true");
        JsonNode appointments = appointments(business);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/customer/phone").asString()).isEqualTo("+16175550199");
    }

    @Test
    void aStartOffTheSlotGridIsRefusedWithTheNearestFreeStarts() {
        var business = api.createBusiness("Caller data grid");
        script(
                answer(toolCall("call_1", "book_appointment", book("2026-11-24T10:07", null))),
                answer(toolCall("call_2", "book_appointment", book("2026-11-24T10:00", null))),
                answer(text("You're booked for 10 tomorrow, Dana.")));

        say(business, "Book me a drain cleaning tomorrow at 10:07, Dana Smith");

        List<String> results = toolResults(requests().getLast());
        assertThat(results.get(0))
                .startsWith("error: 10:07 is not a start time")
                .contains("every 30 minutes", "2026-11-24T10:00, 2026-11-24T10:30");
        JsonNode appointments = appointments(business);
        assertThat(appointments.get("total").asInt()).isEqualTo(1);
        assertThat(appointments.at("/items/0/start").asString()).isEqualTo("2026-11-24T15:00:00Z");
    }
}
