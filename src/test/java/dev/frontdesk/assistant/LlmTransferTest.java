package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.TestApi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code transfer_call} really transfers (issue 14, item 2): on a call the caller is put through with the
 * same {@code <Dial>} as the offline brain's, {@code transferredTo} is set and the call ends TRANSFERRED;
 * in a text conversation the model is told it cannot transfer, and nothing is recorded as transferred.
 * Sam Lee works Mondays; it is Monday 8:00.
 */
class LlmTransferTest extends LlmEndToEnd {

    static final Pattern DIAL = Pattern.compile("<Dial.*</Dial>", Pattern.DOTALL);

    private TestApi.TestBusiness businessWithSam(String name) {
        var business = api.createBusiness(name);
        api.perform(
                api.as(business, post("/api/employees"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Sam Lee\", \"phone\": \"+16175550177\","
                                + " \"hours\": {\"MONDAY\": [\"07:00-17:00\"]}}"),
                201);
        return business;
    }

    private JsonNode call(TestApi.TestBusiness business) {
        return api.read(api.perform(
                api.as(business, post("/api/sandbox/calls"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"+16175550123\"}"),
                200));
    }

    private JsonNode sayOnCall(TestApi.TestBusiness business, JsonNode call, String text) {
        return api.read(api.perform(
                api.as(
                                business,
                                post("/api/sandbox/calls/" + call.get("callSid").asString() + "/say"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": " + quote(text) + ", \"turn\": 1}"),
                200));
    }

    private static String dial(String twiml) {
        Matcher dial = DIAL.matcher(twiml);
        assertThat(dial.find()).as("a <Dial> in " + twiml).isTrue();
        return dial.group();
    }

    @Test
    void theModelsTransferPutsTheCallerThroughLikeTheOfflineBrainsAndTheCallEndsTransferred() {
        var business = businessWithSam("Transfer plumbing");
        summaries();
        script(answer(
                textAndToolCall("Connecting you to Sam now.", "call_1", "transfer_call", "{\"target\": \"Sam\"}")));
        JsonNode call = call(business);

        JsonNode step = sayOnCall(business, call, "can I talk to Sam please");

        assertThat(step.get("said").asString()).isEqualTo("Connecting you to Sam now.");
        assertThat(step.get("transferredTo").asString()).isEqualTo("+16175550177");
        assertThat(step.get("twiml").asString()).doesNotContain("<Gather");
        assertThat(requests())
                .as("no more rounds once the caller is put through")
                .hasSize(1);

        // the offline brain (the model down) puts the same words through with the same <Dial>
        resetAll();
        script(serverError());
        JsonNode offline = sayOnCall(business, call(business), "can I talk to Sam please");
        assertThat(offline.get("transferredTo").asString()).isEqualTo("+16175550177");
        assertThat(dial(step.get("twiml").asString()))
                .isEqualTo(dial(offline.get("twiml").asString()));

        summaries();
        api.perform(
                api.as(
                        business,
                        post("/api/sandbox/calls/" + call.get("callSid").asString() + "/hangup")),
                200);
        JsonNode calls = api.getJson("/api/calls", business, 200).get("items");
        JsonNode transferred = java.util.stream.StreamSupport.stream(calls.spliterator(), false)
                .filter(c ->
                        c.get("callSid").asString().equals(call.get("callSid").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(transferred.get("outcome").asString()).isEqualTo("TRANSFERRED");
    }

    @Test
    void aTransferWithoutWordsSaysTheAssistantsOwnLine() {
        var business = businessWithSam("Transfer quiet");
        script(answer(toolCall("call_1", "transfer_call", "{\"target\": \"Sam Lee\"}")));

        JsonNode step = sayOnCall(business, call(business), "put me through to Sam");

        assertThat(step.get("said").asString()).isEqualTo("One moment, I'm putting you through.");
        assertThat(step.get("transferredTo").asString()).isEqualTo("+16175550177");
    }

    @Test
    void inATextConversationTheModelIsToldItCannotTransferAndNothingIsRecordedAsTransferred() {
        var business = businessWithSam("Transfer by text");
        script(
                answer(toolCall("call_1", "transfer_call", "{\"target\": \"Sam\"}")),
                answer(text("I can't put you through by text, but I can take a message for Sam.")));

        JsonNode reply = say(business, "SMS", "can I talk to Sam please");

        assertThat(reply.get("reply").asString())
                .isEqualTo("I can't put you through by text, but I can take a message for Sam.");
        assertThat(reply.get("actions").toString()).doesNotContain("TRANSFER");
        assertThat(toolResults(requests().getLast()))
                .singleElement()
                .asString()
                .startsWith("error:")
                .contains("take a message");
        assertThat(jdbc.sql("SELECT state FROM assistant_dialogue WHERE business_id = CAST(:b AS UUID)")
                        .param("b", business.id())
                        .query(String.class)
                        .single())
                .doesNotContain("TRANSFERRED");
    }
}
