package dev.frontdesk.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.assistant.Channel;
import dev.frontdesk.support.ApiTest;
import dev.frontdesk.support.TestApi;
import dev.frontdesk.tenants.Business;
import dev.frontdesk.tenants.BusinessId;
import dev.frontdesk.tenants.Tenants;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The LLM's tool calls are idempotent per conversation turn: the same turn run again (the process died
 * before the dialogue was saved, and the model asks for the same booking) gets the first answer and books
 * nothing new; the next turn starts clean.
 */
@ApiTest
class ToolLedgerTest {

    @Autowired
    TestApi api;

    @Autowired
    AssistantTools tools;

    @Autowired
    ToolLedger ledger;

    @Autowired
    Tenants tenants;

    @Test
    void aTurnRunAgainAfterACrashDoesNotBookAgain() {
        var created = api.createBusiness("Ledger plumbing");
        Business business =
                tenants.find(BusinessId.parse(created.id()).orElseThrow()).orElseThrow();
        UUID conversation = UUID.randomUUID();
        Dialogue d = new Dialogue();
        d.turns = 3;
        LocalDateTime start = LocalDate.now(ZoneId.of("America/New_York"))
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .atTime(11, 0);

        String first =
                bound(business, d, conversation).bookAppointment("Drain cleaning", start, "Dana Smith", null, null);
        BoundLlmTools again = bound(business, d, conversation);
        String second = again.bookAppointment("Drain cleaning", start, "Dana Smith", null, null);

        assertThat(first).contains("\"ok\": true");
        assertThat(second).isEqualTo(first);
        assertThat(again.effects()).singleElement().satisfies(effect -> {
            assertThat(effect.kind()).isEqualTo(ToolEffect.Kind.BOOKED);
            assertThat(effect.service()).isEqualTo("Drain cleaning");
        });
        assertThat(api.getJson("/api/appointments", created, 200).get("total").asInt())
                .isEqualTo(1);

        d.turns = 4;
        assertThat(bound(business, d, conversation).effects())
                .as("the next turn")
                .isEmpty();
        ledger.forget(conversation);
        d.turns = 3;
        assertThat(bound(business, d, conversation).effects()).as("forgotten").isEmpty();
    }

    private BoundLlmTools bound(Business business, Dialogue d, UUID conversation) {
        return new BoundLlmTools(tools, ledger, business, d, conversation, "+16175550123", Channel.SMS);
    }
}
