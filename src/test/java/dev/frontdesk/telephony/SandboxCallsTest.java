package dev.frontdesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.MutableClock;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.support.TestApi.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** A sandbox call books an appointment through the very webhooks Twilio would call. */
@ApiTest
class SandboxCallsTest {

    static final Instant MONDAY_8AM = Instant.parse("2026-11-23T13:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_8AM);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void monday() {
        clock.set(MONDAY_8AM);
    }

    private JsonNode send(TestBusiness business, String path, String body, int status) {
        return api.read(api.perform(
                api.as(business, post(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                status));
    }

    @Test
    void aSandboxCallerIdTheCarrierDidNotAttestMustReadBackATextedCodeFirst() {
        var business = api.createBusiness("Sandbox codes");
        send(business, "/api/appointments", """
                {"service": "Drain cleaning", "start": "2026-11-24T15:00:00Z",
                 "customer": {"name": "Dana Smith", "phone": "+16175550123"}}""", 201);
        for (String attestation : new String[] {"No-TN-Validation", "TN-Validation-Passed-A"}) {
            JsonNode greeting = send(
                    business,
                    "/api/sandbox/calls",
                    "{\"from\": \"+16175550123\", \"stirVerstat\": \"" + attestation + "\"}",
                    200);
            JsonNode step = send(
                    business,
                    "/api/sandbox/calls/" + greeting.get("callSid").asString() + "/say",
                    "{\"text\": \"when is my appointment\", \"turn\": "
                            + greeting.get("turn").asInt() + "}",
                    200);
            String said = step.get("said").asString();
            if (attestation.startsWith("No")) {
                assertThat(said).contains("code").doesNotContainIgnoringCase("drain");
            } else {
                assertThat(said).containsIgnoringCase("drain cleaning").doesNotContain("code");
            }
        }
    }

    @Test
    void aSandboxCallBooksThroughTheWebhooksAndIsRecorded() {
        var business = api.createBusiness("Sandbox calls");
        JsonNode greeting = send(business, "/api/sandbox/calls", "{\"from\": \"+16175550123\"}", 200);
        String sid = greeting.get("callSid").asString();
        assertThat(greeting.get("said").asString()).contains("Sandbox calls");
        assertThat(greeting.get("twiml").asString()).contains("<Gather");
        int turn = greeting.get("turn").asInt();

        for (String line : new String[] {"I need a drain cleaning tomorrow at 10", "Dana Smith", "yes"}) {
            JsonNode step = send(
                    business,
                    "/api/sandbox/calls/" + sid + "/say",
                    "{\"text\": \"" + line + "\", \"turn\": " + turn + "}",
                    200);
            turn = step.get("turn").asInt();
        }
        JsonNode bye = send(
                business,
                "/api/sandbox/calls/" + sid + "/say",
                "{\"text\": \"no thanks, bye\", \"turn\": " + turn + "}",
                200);
        assertThat(bye.get("ended").asBoolean()).isTrue();
        send(business, "/api/sandbox/calls/" + sid + "/hangup", "{}", 200);

        assertThat(api.getJson("/api/appointments", business, 200).get("total").asInt())
                .isEqualTo(1);
        JsonNode call = api.getJson("/api/calls", business, 200).at("/items/0");
        assertThat(call.get("callSid").asString()).isEqualTo(sid);
        assertThat(call.get("status").asString()).isEqualTo("completed");
        assertThat(call.get("outcome").asString()).isEqualTo("BOOKED");
        assertThat(call.get("campaign").isNull())
                .as("a received call has no campaign")
                .isTrue();
        // the owner reads the time in the business's own timezone (New York), not in UTC
        assertThat(call.get("summary").asString())
                .contains("Booked Drain cleaning for Dana Smith at 10:00 AM EST on Tue Nov 24, 2026")
                .doesNotContain("15:00:00Z");
        JsonNode detail = api.getJson("/api/calls/" + call.get("id").asString(), business, 200);
        assertThat(detail.get("transcript")
                        .valueStream()
                        .map(t -> t.get("speaker").asString() + ": "
                                + t.get("text").asString()))
                .contains("CALLER: Dana Smith");

        var other = api.createBusiness("Not mine");
        send(other, "/api/sandbox/calls/" + sid + "/say", "{\"text\": \"hello\", \"turn\": 1}", 404);
    }

    @Test
    void aSandboxCallIsRecordedWithHowLongItLasted() {
        var business = api.createBusiness("Timed calls");
        JsonNode greeting = send(business, "/api/sandbox/calls", "{\"from\": \"+16175550123\"}", 200);
        String sid = greeting.get("callSid").asString();
        clock.advance(Duration.ofSeconds(40));
        send(
                business,
                "/api/sandbox/calls/" + sid + "/say",
                "{\"text\": \"what are your opening hours\", \"turn\": "
                        + greeting.get("turn").asInt() + "}",
                200);
        clock.advance(Duration.ofSeconds(55));
        send(business, "/api/sandbox/calls/" + sid + "/hangup", "{}", 200);

        JsonNode call = api.getJson("/api/calls", business, 200).at("/items/0");
        assertThat(call.get("callSid").asString()).isEqualTo(sid);
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(call.get("startedAt").asString()).isEqualTo("2026-11-23T13:00:00Z");
        assertThat(call.get("endedAt").asString()).isEqualTo("2026-11-23T13:01:35Z");
    }
}
