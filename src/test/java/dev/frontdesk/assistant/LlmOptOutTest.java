package dev.frontdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A texter who asks in their own words not to be texted again is opted out by the model's {@code opt_out}
 * tool, as by the offline brain's rule: no text is sent to the number after it.
 */
class LlmOptOutTest extends LlmEndToEnd {

    @Test
    void aTexterWhoAsksInWordsNotToBeTextedIsOptedOutByTheModel() {
        var business = api.createBusiness("Opt-out plumbing");
        summaries();
        script(
                answer(toolCall("call_1", "opt_out", "{}")),
                answer(text("Understood, you won't get any more texts from us.")));

        var reply = say(business, "SMS", "ya no me manden más mensajes por favor");

        assertThat(reply.get("reply").asString()).contains("won't get any more texts");
        assertThat(toolResults(requests().getLast())).containsExactly("{\"ok\": true, \"opted_out\": true}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE business_id = :b AND phone_number = :p")
                        .param("b", UUID.fromString(business.id()))
                        .param("p", "+16175550123")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
