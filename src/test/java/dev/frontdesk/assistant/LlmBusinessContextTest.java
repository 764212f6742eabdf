package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The model knows the business (issue 14, item 3): services with prices and durations, opening hours,
 * closed dates, booking rules and the emergency policy are in its instructions, the services are the enum
 * of the tools' {@code service}, and availability can be asked for a time window. Monday 8:00 in New York.
 */
class LlmBusinessContextTest extends LlmEndToEnd {

    @Test
    void theSystemPromptAndTheToolsCarryTheBusinessesFacts() {
        var business = api.createBusiness("Context plumbing");
        api.perform(
                api.asAdmin(patch("/api/admin/businesses/" + business.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"closedDates\": [\"2026-11-26\"]}"),
                200);
        script(answer(text("On Saturdays we're open 9 to 1.")));

        JsonNode reply = say(business, "What are your opening hours on Saturday?");

        assertThat(reply.get("reply").asString()).isEqualTo("On Saturdays we're open 9 to 1.");
        JsonNode request = requests().getFirst();
        assertThat(request.at("/messages/0/content").asString())
                .contains(
                        "Drain cleaning (60 min, from $120)",
                        "Leak repair (90 min, also called leak)",
                        "Monday 08:00-12:00, 13:00-17:00",
                        "Saturday 09:00-13:00",
                        "Sunday closed",
                        "Closed on: 2026-11-26",
                        "start every 30 minutes from the opening time, at least 120 minutes ahead, up to 60 days",
                        "Emergency number: 911",
                        "flag_emergency");
        for (JsonNode tool : request.get("tools")) {
            JsonNode service = tool.at("/function/parameters/properties/service");
            if (!service.isMissingNode()) {
                assertThat(StreamSupport.stream(service.get("enum").spliterator(), false)
                                .map(JsonNode::asString)
                                .toList())
                        .as(tool.at("/function/name").asString())
                        .containsExactly("Drain cleaning", "Leak repair");
            }
        }
    }

    @Test
    void availabilityCanBeAskedForATimeWindow() {
        var business = api.createBusiness("Context window");
        script(
                answer(toolCall(
                        "call_1",
                        "check_availability",
                        "{\"service\": \"Drain cleaning\", \"date\": \"2026-11-24\", \"from\": \"14:00\", \"to\":"
                                + " \"16:00\"}")),
                answer(text("Tomorrow afternoon I have 2, 2:30, 3 or 3:30.")));

        say(business, "Anything tomorrow afternoon, between 2 and 4?");

        List<String> results = toolResults(requests().getLast());
        assertThat(results)
                .containsExactly("{\"date\": \"2026-11-24\", \"from\": \"14:00\", \"to\": \"16:00\","
                        + " \"free\": [\"14:00\", \"14:30\", \"15:00\", \"15:30\"]}");
    }
}
